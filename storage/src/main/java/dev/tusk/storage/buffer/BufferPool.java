package dev.tusk.storage.buffer;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.smgr.Smgr;
import java.lang.foreign.MemorySegment;

/**
 * Shared buffers (PostgreSQL's {@code bufmgr.c}, {@code buf_table.c}, {@code freelist.c}): {@code nBuffers}
 * 8 KB frames in one off-heap segment, descriptors with an atomic state word (refcount, usage count,
 * flags), a concurrent mapping table, clock-sweep replacement, per-buffer shared/exclusive content locks.
 *
 * <p>API CONTRACT (stub; implemented in the buffer pool work item). Buffers are ints, 1-based;
 * 0 is InvalidBuffer. Every read buffer is pinned; callers pair each pin with {@link #release}. Content
 * locks are taken on pinned buffers; modifying a page needs the exclusive lock, then {@link #markDirty}
 * (after stamping the page LSN of the WAL record). Setting hint bits needs only the shared lock and
 * {@link #markDirtyHint}. A dirty page is written only after {@code walFlusher.flush(pageLsn)}; the
 * checksum is computed on a private copy at write time and verified on read; a page that fails
 * verification raises a {@code TuskException} with SQLSTATE XX001 and PostgreSQL's message
 * {@code invalid page in block N of relation base/D/R}.
 */
public final class BufferPool implements AutoCloseable {
    /** How {@link #readBuffer(RelFileLocator, ForkNumber, long, ReadMode)} treats the block. */
    public enum ReadMode {
        /** Read and verify. */
        NORMAL,
        /** Do not read: hand out a zero-filled page (the caller initialises it; redo with WILL_INIT or FPI). */
        ZERO_AND_LOCK,
        /** Redo: if the block is past the end of the file, extend it with zero pages first. */
        EXTEND_ON_MISS
    }

    public BufferPool(int nBuffers, Smgr smgr, WalFlusher walFlusher) {
        throw new UnsupportedOperationException("BufferPool not implemented yet");
    }

    /** ReadBuffer: pins the buffer holding the block, reading it if needed. */
    public int readBuffer(RelFileLocator rel, ForkNumber fork, long blockNo) {
        return readBuffer(rel, fork, blockNo, ReadMode.NORMAL);
    }

    /** ReadBufferExtended; in ZERO_AND_LOCK mode the buffer is also returned exclusively locked. */
    public int readBuffer(RelFileLocator rel, ForkNumber fork, long blockNo, ReadMode mode) {
        throw new UnsupportedOperationException();
    }

    /**
     * ExtendBufferedRel: adds one zero page at the end of the fork and returns it pinned and exclusively
     * locked; concurrent extenders get distinct blocks. The page is all zeros (callers {@code Page.init}).
     */
    public int extend(RelFileLocator rel, ForkNumber fork) {
        throw new UnsupportedOperationException();
    }

    /** The frame's 8 KB page (valid while pinned). */
    public MemorySegment page(int buffer) {
        throw new UnsupportedOperationException();
    }

    /** BufferGetBlockNumber. */
    public long blockNumber(int buffer) {
        throw new UnsupportedOperationException();
    }

    public void lockShared(int buffer) {
        throw new UnsupportedOperationException();
    }

    public void lockExclusive(int buffer) {
        throw new UnsupportedOperationException();
    }

    /** ConditionalLockBuffer (exclusive). */
    public boolean tryLockExclusive(int buffer) {
        throw new UnsupportedOperationException();
    }

    /** Releases whichever content lock this thread holds on the buffer. */
    public void unlock(int buffer) {
        throw new UnsupportedOperationException();
    }

    /** MarkBufferDirty; caller holds the exclusive lock. */
    public void markDirty(int buffer) {
        throw new UnsupportedOperationException();
    }

    /** MarkBufferDirtyHint: a hint-bit change under a shared lock. */
    public void markDirtyHint(int buffer) {
        throw new UnsupportedOperationException();
    }

    /** ReleaseBuffer: drops one pin. */
    public void release(int buffer) {
        throw new UnsupportedOperationException();
    }

    /** UnlockReleaseBuffer. */
    public void unlockAndRelease(int buffer) {
        unlock(buffer);
        release(buffer);
    }

    /** Number of blocks in the fork, counting blocks extended in the pool but not yet written. */
    public long nblocks(RelFileLocator rel, ForkNumber fork) {
        throw new UnsupportedOperationException();
    }

    /** BufferSync for checkpoints: writes every buffer dirty at call time; returns how many were written. */
    public int flushAll() {
        throw new UnsupportedOperationException();
    }

    /** BgBufferSync: writes up to {@code maxPages} dirty, unpinned buffers ahead of the clock hand. */
    public int bgWriterSweep(int maxPages) {
        throw new UnsupportedOperationException();
    }

    /** DropRelationBuffers: forgets (without writing) the fork's buffers from {@code firstBlock} on. */
    public void dropRelationBuffers(RelFileLocator rel, ForkNumber fork, long firstBlock) {
        throw new UnsupportedOperationException();
    }

    public int nBuffers() {
        throw new UnsupportedOperationException();
    }

    /** Current dirty buffer count (for the bgwriter/checkpointer and tests). */
    public int dirtyBuffers() {
        throw new UnsupportedOperationException();
    }

    /** Frees the off-heap frames; pinned buffers are an error. */
    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }
}
