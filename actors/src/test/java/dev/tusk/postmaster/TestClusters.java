package dev.tusk.postmaster;

import dev.tusk.access.transam.RmgrId;
import dev.tusk.access.transam.XLogRecordBuilder;
import dev.tusk.storage.StorageEngine;
import java.nio.file.Path;

/** A freshly bootstrapped and opened data directory for actor tests (real files, real fsync). */
final class TestClusters {
    /** XLOG_NOOP: a record with no redo effect, standing in for a commit record. */
    static final int XLOG_NOOP = 0x20;

    private TestClusters() {
    }

    static StorageEngine open(Path dir) {
        StorageEngine.Config config = new StorageEngine.Config(256, 1024 * 1024, 16 * 1024 * 1024, true, true);
        StorageEngine.bootstrap(dir, 7_000_000_000_000_000_001L, config);
        return StorageEngine.open(dir, config);
    }

    static XLogRecordBuilder noop(int n) {
        return new XLogRecordBuilder(RmgrId.XLOG, XLOG_NOOP, 0).mainData(new byte[] {(byte) n, 1, 2, 3});
    }
}
