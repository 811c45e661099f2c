package dev.tusk.postmaster;

import java.time.Duration;

/**
 * The GUCs the auxiliary actors read, already parsed from postgresql.conf.
 *
 * @param walWriterDelay      wal_writer_delay: how often the WalWriter flushes unrequested WAL
 * @param bgWriterDelay       bgwriter_delay: sleep between BgWriter rounds
 * @param bgWriterLruMaxPages bgwriter_lru_maxpages: most buffers written per round, 0 disables the BgWriter
 * @param checkpointTimeout   checkpoint_timeout: longest time between automatic checkpoints
 */
public record AuxiliarySettings(Duration walWriterDelay, Duration bgWriterDelay, int bgWriterLruMaxPages,
        Duration checkpointTimeout) {

    public AuxiliarySettings {
        requirePositive("wal_writer_delay", walWriterDelay);
        requirePositive("bgwriter_delay", bgWriterDelay);
        requirePositive("checkpoint_timeout", checkpointTimeout);
        if (bgWriterLruMaxPages < 0) {
            throw new IllegalArgumentException("bgwriter_lru_maxpages must not be negative");
        }
    }

    /** PostgreSQL 15's defaults: 200ms, 200ms, 100, 5min. */
    public static AuxiliarySettings defaults() {
        return new AuxiliarySettings(Duration.ofMillis(200), Duration.ofMillis(200), 100, Duration.ofMinutes(5));
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
