package dev.tusk.server;

import dev.tusk.postmaster.AuxiliarySettings;
import dev.tusk.storage.StorageEngine;
import dev.tusk.utils.error.TuskException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of one server, read from {@code postgresql.conf} and then {@code postgresql.auto.conf}
 * (PostgreSQL's {@code ProcessConfigFile}); anything not set keeps its {@link Guc} default.
 *
 * @param sharedBuffers   shared_buffers as a number of 8 KB buffers
 * @param walBuffersBytes wal_buffers in bytes, with -1 resolved as PostgreSQL's XLOGChooseNumBuffers does
 */
public record Settings(String listenAddresses, int port, int sharedBuffers, int walBuffersBytes,
        boolean synchronousCommit, boolean fullPageWrites, Duration walWriterDelay, Duration bgWriterDelay,
        int bgWriterLruMaxPages, Duration checkpointTimeout, long maxWalSizeBytes) {

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private static final int BLCKSZ = 8192;

    /** Every parameter at its default. */
    public static Settings defaults() {
        return from(List.of());
    }

    /** Reads the data directory's configuration files. */
    public static Settings load(Path dataDir) {
        return from(entries(dataDir));
    }

    /** The entries of postgresql.conf then postgresql.auto.conf, in file order. */
    static List<ConfigFileParser.Entry> entries(Path dataDir) {
        List<ConfigFileParser.Entry> entries = new java.util.ArrayList<>(
                ConfigFileParser.parse(dataDir.resolve("postgresql.conf")));
        Path auto = dataDir.resolve("postgresql.auto.conf");
        if (Files.exists(auto)) {
            entries.addAll(ConfigFileParser.parse(auto));
        }
        return entries;
    }

    /**
     * Every parameter the files set, as written (later wins), for the SQL engine's GUCs (DateStyle, TimeZone, ...),
     * with this server's effective {@code port} and {@code listen_addresses}.
     */
    public Map<String, String> asStrings(Path dataDir) {
        Map<String, String> raw = new java.util.LinkedHashMap<>();
        for (ConfigFileParser.Entry e : entries(dataDir)) {
            raw.put(e.name(), e.value());
        }
        raw.put("port", Integer.toString(port));
        raw.put("listen_addresses", listenAddresses);
        return raw;
    }

    /** These settings with another port ({@code tusk start -p}). */
    public Settings withPort(int newPort) {
        return new Settings(listenAddresses, newPort, sharedBuffers, walBuffersBytes, synchronousCommit,
                fullPageWrites, walWriterDelay, bgWriterDelay, bgWriterLruMaxPages, checkpointTimeout,
                maxWalSizeBytes);
    }

    /** Settings from parsed entries (later entries win); unknown names are ignored with a warning. */
    public static Settings from(List<ConfigFileParser.Entry> entries) {
        Map<String, Object> values = new HashMap<>();
        Guc.TABLE.values().forEach(g -> values.put(g.name(), g.parse(g.defaultValue())));
        for (ConfigFileParser.Entry e : entries) {
            Guc guc = Guc.TABLE.get(e.name());
            if (guc == null) {
                // Session parameters (DateStyle, TimeZone, search_path, ...) belong to the SQL engine, which gets
                // them through asStrings and checks them there.
                LOG.debug("configuration parameter \"{}\" in file \"{}\" line {} is left to the SQL engine",
                        e.name(), e.file(), e.line());
                continue;
            }
            try {
                values.put(e.name(), guc.parse(e.value()));
            } catch (TuskException ex) {
                throw ConfigFileParser.at(ex, e);
            }
        }
        int sharedBuffers = (int) (long) values.get("shared_buffers");
        return new Settings((String) values.get("listen_addresses"), intOf(values, "port"), sharedBuffers,
                walBuffers(intOf(values, "wal_buffers"), sharedBuffers),
                // every level but off waits for the local flush; Tusk has no standbys yet
                Guc.parseBool((String) values.get("synchronous_commit")).orElse(true),
                (Boolean) values.get("full_page_writes"),
                Duration.ofMillis((long) values.get("wal_writer_delay")),
                Duration.ofMillis((long) values.get("bgwriter_delay")),
                intOf(values, "bgwriter_lru_maxpages"),
                Duration.ofSeconds((long) values.get("checkpoint_timeout")),
                (long) values.get("max_wal_size") * 1024 * 1024);
    }

    private static int intOf(Map<String, Object> values, String name) {
        return (int) (long) values.get(name);
    }

    /** XLOGChooseNumBuffers: -1 means 1/32 of shared_buffers, at least 64 kB, at most one WAL segment. */
    static int walBuffers(int configuredBlocks, int sharedBuffers) {
        int blocks = configuredBlocks;
        if (blocks == -1) {
            blocks = Math.max(8, Math.min(sharedBuffers / 32, StorageEngine.Config.defaults().walSegmentSize() / BLCKSZ));
        }
        return Math.max(4, blocks) * BLCKSZ;
    }

    /** What the storage engine needs. */
    public StorageEngine.Config storageConfig() {
        StorageEngine.Config d = StorageEngine.Config.defaults();
        return new StorageEngine.Config(sharedBuffers, walBuffersBytes, d.walSegmentSize(), synchronousCommit,
                fullPageWrites);
    }

    /** What the auxiliary actors need. */
    public AuxiliarySettings auxiliary() {
        return new AuxiliarySettings(walWriterDelay, bgWriterDelay, bgWriterLruMaxPages, checkpointTimeout);
    }
}
