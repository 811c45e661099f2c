package dev.tusk.storage.smgr;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * The storage manager (PostgreSQL's {@code smgr.c} + {@code md.c}): relation forks as files
 * {@code base/<db>/<relfilenode>[_fsm|_vm][.N]} (or {@code global/...}) in 1 GB segments of 8 KB blocks.
 *
 * <p>API CONTRACT (stub; implemented with the buffer pool work item):
 * <ul>
 * <li>Thread-safe; open file channels are cached and closed by {@link #close()} (tests assert no leaks).</li>
 * <li>{@link #write} and {@link #extend} remember the file as needing fsync; {@link #syncAll()} fsyncs every
 *     such file once (the checkpointer calls it after writing dirty buffers) and forgets them.</li>
 * <li>Reading a block beyond the end of the fork is an error; {@link #extend} writes exactly at
 *     {@code nblocks} (or fills any gap with zeros).</li>
 * </ul>
 */
public final class Smgr implements AutoCloseable {
    /** Blocks per 1 GB segment file (RELSEG_SIZE). */
    public static final int RELSEG_SIZE = 131072;

    public Smgr(Path dataDir) {
        throw new UnsupportedOperationException("Smgr not implemented yet");
    }

    /** smgrcreate: creates an empty fork file (no error if it exists when {@code isRedo}). */
    public void create(RelFileLocator rel, ForkNumber fork, boolean isRedo) {
        throw new UnsupportedOperationException();
    }

    /** smgrexists. */
    public boolean exists(RelFileLocator rel, ForkNumber fork) {
        throw new UnsupportedOperationException();
    }

    /** smgrnblocks. */
    public long nblocks(RelFileLocator rel, ForkNumber fork) {
        throw new UnsupportedOperationException();
    }

    /** smgrread into {@code dst} (8192 bytes). */
    public void read(RelFileLocator rel, ForkNumber fork, long blockNo, MemorySegment dst) {
        throw new UnsupportedOperationException();
    }

    /** smgrwrite of an existing block. */
    public void write(RelFileLocator rel, ForkNumber fork, long blockNo, MemorySegment src) {
        throw new UnsupportedOperationException();
    }

    /** smgrextend: writes block {@code blockNo} at or past the current end. */
    public void extend(RelFileLocator rel, ForkNumber fork, long blockNo, MemorySegment src) {
        throw new UnsupportedOperationException();
    }

    /** smgrtruncate to {@code nblocks} blocks (removing whole later segment files). */
    public void truncate(RelFileLocator rel, ForkNumber fork, long nblocks) {
        throw new UnsupportedOperationException();
    }

    /** smgrunlink: removes all forks and segments of the relation. */
    public void unlink(RelFileLocator rel) {
        throw new UnsupportedOperationException();
    }

    /** fsyncs every file written since the last call; returns how many files were synced. */
    public int syncAll() {
        throw new UnsupportedOperationException();
    }

    /** Number of open file handles (for leak assertions). */
    public int openFiles() {
        throw new UnsupportedOperationException();
    }

    /** Path of segment {@code segNo} of a fork. */
    public Path segmentPath(RelFileLocator rel, ForkNumber fork, int segNo) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }
}
