package dev.tusk.storage;

import java.nio.file.Path;

/**
 * One opened data directory: control file, WAL, relation files, shared buffers, transaction status and the
 * running-transaction array, as PostgreSQL's shared memory plus {@code StartupXLOG}/{@code CreateCheckPoint}.
 *
 * <p>API CONTRACT (stub; the integration work item implements it):
 * <ul>
 * <li>{@link #bootstrap} (BootStrapXLOG) makes the storage parts of a new data directory: {@code global/},
 *     {@code base/}, {@code pg_wal/} with a first segment holding a shutdown checkpoint record,
 *     {@code pg_xact/}, and {@code global/pg_control} in state "shut down".</li>
 * <li>{@link #open} runs crash recovery when pg_control is not "shut down", then marks it "in production".</li>
 * <li>{@link #createCheckPoint} is the work of the Checkpointer actor; {@link #close} does a shutdown
 *     checkpoint; {@link #closeAfterCrash} only releases resources (for tests that simulate a crash in-JVM).</li>
 * </ul>
 */
public final class StorageEngine implements AutoCloseable {
    /** Tunables read from postgresql.conf by the server. */
    public record Config(int sharedBuffers, int walBuffers, int walSegmentSize, boolean synchronousCommit,
            boolean fullPageWrites) {
        public static Config defaults() {
            return new Config(16384, 4 * 1024 * 1024, 16 * 1024 * 1024, true, true);
        }
    }

    /** What one checkpoint did. */
    public record CheckpointResult(long checkpointLsn, long redoLsn, int buffersWritten, int filesSynced,
            int segmentsRemoved) {
    }

    private StorageEngine() {
    }

    public static void bootstrap(Path dataDir, long systemIdentifier, Config config) {
        throw new UnsupportedOperationException("StorageEngine not implemented yet");
    }

    public static StorageEngine open(Path dataDir, Config config) {
        throw new UnsupportedOperationException("StorageEngine not implemented yet");
    }

    /** CreateCheckPoint; one at a time. */
    public CheckpointResult createCheckPoint(boolean shutdown) {
        throw new UnsupportedOperationException();
    }

    public Path dataDir() {
        throw new UnsupportedOperationException();
    }

    public dev.tusk.access.transam.XLog wal() {
        throw new UnsupportedOperationException();
    }

    public dev.tusk.storage.buffer.BufferPool buffers() {
        throw new UnsupportedOperationException();
    }

    /** Installs the WalWriter's wake-up as the commit flush path (group commit). */
    public void setWalFlushRequest(dev.tusk.access.transam.WalFlushRequest request) {
        throw new UnsupportedOperationException();
    }

    /** Releases files and memory without a checkpoint, as if the process had died. */
    public void closeAfterCrash() {
        throw new UnsupportedOperationException();
    }

    /** Shutdown checkpoint, pg_control "shut down", release everything. */
    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }
}
