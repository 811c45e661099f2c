package dev.tusk.postmaster;

import dev.tusk.libpq.HbaFile;
import java.time.Duration;
import java.util.Objects;

/**
 * The connection GUCs the Postmaster's listener reads, already parsed from postgresql.conf.
 *
 * @param listenAddresses       listen_addresses: comma-separated host names or addresses; {@code *} = all IPv4
 *                              interfaces; empty = no TCP listener
 * @param port                  port (0 picks a free port, for tests)
 * @param maxConnections        max_connections
 * @param hba                   the parsed pg_hba.conf
 * @param authenticationTimeout authentication_timeout: longest time from connect to the end of authentication
 * @param fastShutdownGrace     how long a fast shutdown waits for cancelled statements to stop before it continues
 *                              as an immediate one (a statement that never checks for interrupts cannot hold it)
 */
public record ListenSettings(String listenAddresses, int port, int maxConnections, HbaFile hba,
        Duration authenticationTimeout, Duration fastShutdownGrace) {

    /** The default fast-shutdown grace: long enough for any rollback, short enough for an operator's patience. */
    public static final Duration DEFAULT_FAST_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public ListenSettings(String listenAddresses, int port, int maxConnections, HbaFile hba,
            Duration authenticationTimeout) {
        this(listenAddresses, port, maxConnections, hba, authenticationTimeout, DEFAULT_FAST_SHUTDOWN_GRACE);
    }

    public ListenSettings {
        Objects.requireNonNull(listenAddresses, "listenAddresses");
        Objects.requireNonNull(hba, "hba");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max_connections must be at least 1");
        }
        if (authenticationTimeout == null || authenticationTimeout.isNegative() || authenticationTimeout.isZero()) {
            throw new IllegalArgumentException("authentication_timeout must be positive");
        }
        if (fastShutdownGrace == null || fastShutdownGrace.isNegative()) {
            throw new IllegalArgumentException("fastShutdownGrace must not be negative");
        }
    }

    /** PostgreSQL 15's defaults (localhost, 100 connections, 1 minute) with the given port and rules. */
    public static ListenSettings defaults(int port, HbaFile hba) {
        return new ListenSettings("localhost", port, 100, hba, Duration.ofMinutes(1));
    }

    public ListenSettings withListenAddresses(String addresses) {
        return new ListenSettings(addresses, port, maxConnections, hba, authenticationTimeout, fastShutdownGrace);
    }

    public ListenSettings withMaxConnections(int max) {
        return new ListenSettings(listenAddresses, port, max, hba, authenticationTimeout, fastShutdownGrace);
    }

    public ListenSettings withAuthenticationTimeout(Duration timeout) {
        return new ListenSettings(listenAddresses, port, maxConnections, hba, timeout, fastShutdownGrace);
    }

    public ListenSettings withFastShutdownGrace(Duration grace) {
        return new ListenSettings(listenAddresses, port, maxConnections, hba, authenticationTimeout, grace);
    }
}
