package dev.tusk.storage.buffer;

import static dev.tusk.storage.buffer.BufferDesc.DIRTY;
import static dev.tusk.storage.buffer.BufferDesc.IO_ERROR;
import static dev.tusk.storage.buffer.BufferDesc.IO_IN_PROGRESS;
import static dev.tusk.storage.buffer.BufferDesc.REFCOUNT_MASK;
import static dev.tusk.storage.buffer.BufferDesc.TAG_VALID;
import static dev.tusk.storage.buffer.BufferDesc.USAGE_MASK;
import static dev.tusk.storage.buffer.BufferDesc.USAGE_ONE;
import static dev.tusk.storage.buffer.BufferDesc.VALID;
import static dev.tusk.storage.buffer.BufferDesc.has;
import static dev.tusk.storage.buffer.BufferDesc.refcount;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.page.Page;
import dev.tusk.storage.page.PageChecksum;
import dev.tusk.storage.smgr.Smgr;
import dev.tusk.utils.memory.OffHeapAllocator;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Shared buffers (PostgreSQL's {@code bufmgr.c}): {@code nBuffers} 8 KB frames in one off-heap segment from
 * {@link OffHeapAllocator} (tag BUFFER_POOL), one {@link BufferDesc} per frame, the {@link BufTable} mapping
 * tags to buffers, {@link ClockSweep} replacement and {@link BufferWriter} for write-out.
 *
 * <p>Buffers are ints, 1-based; 0 is InvalidBuffer. Every buffer handed out is pinned; callers pair each pin
 * with {@link #release}. Content locks are taken on pinned buffers only; modifying a page needs the exclusive
 * lock, then {@link #markDirty} (after stamping the page LSN of the WAL record). Setting hint bits needs only
 * the shared lock and {@link #markDirtyHint}. A dirty page is written only after
 * {@code walFlusher.flush(pageLsn)}; the checksum is computed on a private copy at write time and verified
 * on every read from disk; a page that fails verification raises a {@code TuskException} with SQLSTATE XX001
 * and PostgreSQL's message {@code invalid page in block N of relation base/D/R}. All-zero pages (extended,
 * never written) are valid.
 *
 * <p>A miss takes a victim from the clock sweep (writing it first if dirty), then, under the victim's header
 * lock, inserts the new tag into the mapping table and retags the buffer with IO_IN_PROGRESS set; anyone
 * else who finds the new mapping pins the same buffer and waits for that read, so two threads missing on
 * one block end up sharing one buffer. {@link #close()} frees the frames but does not write dirty buffers:
 * call {@link #flushAll()} first.
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

    private static final MemorySegment ZERO_PAGE = MemorySegment.ofArray(new byte[Page.BLCKSZ]).asReadOnly();
    /** How long dropRelationBuffers waits for other pins to go away before declaring a leaked pin. */
    private static final long DROP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final int nBuffers;
    private final Smgr smgr;
    private final OffHeapAllocator allocator;
    private final MemorySegment frames;
    private final MemorySegment[] pages;
    private final BufferDesc[] descs;
    private final BufTable table;
    private final ClockSweep clock;
    private final BufferWriter writer;
    private final RelSizeCache sizes;
    private volatile boolean closed;

    public BufferPool(int nBuffers, Smgr smgr, WalFlusher walFlusher) {
        this(nBuffers, smgr, walFlusher, OffHeapAllocator.global());
    }

    /** A pool whose frames come from {@code allocator} (tests use a private one to count leaks exactly). */
    public BufferPool(int nBuffers, Smgr smgr, WalFlusher walFlusher, OffHeapAllocator allocator) {
        if (nBuffers < 1 || nBuffers > BufferDesc.REFCOUNT_MASK) {
            throw new IllegalArgumentException("invalid number of buffers: " + nBuffers);
        }
        this.nBuffers = nBuffers;
        this.smgr = smgr;
        this.allocator = allocator;
        this.frames = allocator.allocate(OffHeapAllocator.Tag.BUFFER_POOL, (long) nBuffers * Page.BLCKSZ);
        this.pages = new MemorySegment[nBuffers];
        this.descs = new BufferDesc[nBuffers];
        for (int i = 0; i < nBuffers; i++) {
            pages[i] = frames.asSlice((long) i * Page.BLCKSZ, Page.BLCKSZ);
            descs[i] = new BufferDesc(i);
        }
        this.table = new BufTable(nBuffers);
        this.clock = new ClockSweep(descs);
        this.writer = new BufferWriter(smgr, walFlusher);
        this.sizes = new RelSizeCache(smgr);
    }

    /** ReadBuffer: pins the buffer holding the block, reading it if needed. */
    public int readBuffer(RelFileLocator rel, ForkNumber fork, long blockNo) {
        return readBuffer(rel, fork, blockNo, ReadMode.NORMAL);
    }

    /** ReadBufferExtended; in ZERO_AND_LOCK mode the buffer is also returned exclusively locked. */
    public int readBuffer(RelFileLocator rel, ForkNumber fork, long blockNo, ReadMode mode) {
        BufferTag tag = new BufferTag(rel, fork, blockNo);
        return switch (mode) {
            case NORMAL -> pinBlock(tag, false);
            case ZERO_AND_LOCK -> {
                // The block must exist on disk too, so that a clean eviction and re-read finds zeros.
                ensureBlockExists(rel, fork, blockNo);
                int b = pinBlock(tag, true);
                lockExclusive(b);
                yield b;
            }
            case EXTEND_ON_MISS -> {
                ensureBlockExists(rel, fork, blockNo);
                yield pinBlock(tag, false);
            }
        };
    }

    /**
     * ExtendBufferedRel: adds one zero page at the end of the fork and returns it pinned and exclusively
     * locked; concurrent extenders get distinct blocks. The page is all zeros (callers {@code Page.init}).
     * The zero block is written to the file at once (as PostgreSQL's smgrzeroextend), so the file, the cached
     * size and {@link #nblocks} agree even if the new buffer is evicted before it is dirtied.
     */
    public int extend(RelFileLocator rel, ForkNumber fork) {
        RelSizeCache.ForkSize fs = sizes.of(rel, fork);
        fs.extensionLock.lock();
        try {
            long blockNo = sizes.loadLocked(fs, rel, fork);
            smgr.extend(rel, fork, blockNo, ZERO_PAGE);
            try {
                // Pinned and locked before the new size is published (ExtendBufferedRelShared, EB_LOCK_FIRST):
                // otherwise a backend looking at the last block could fill it before our caller's Page.init.
                int b = pinBlock(new BufferTag(rel, fork, blockNo), true);
                lockExclusive(b);
                return b;
            } finally {
                fs.nblocks = blockNo + 1; // the file has the block even if pinning failed
            }
        } finally {
            fs.extensionLock.unlock();
        }
    }

    /** XLogReadBufferExtended's extension: creates the fork if missing and zero-extends it through blockNo. */
    private void ensureBlockExists(RelFileLocator rel, ForkNumber fork, long blockNo) {
        RelSizeCache.ForkSize fs = sizes.of(rel, fork);
        long known = fs.nblocks;
        if (known > blockNo) {
            return;
        }
        fs.extensionLock.lock();
        try {
            if (fs.nblocks < 0 && !smgr.exists(rel, fork)) {
                smgr.create(rel, fork, true);
            }
            if (sizes.loadLocked(fs, rel, fork) <= blockNo) {
                smgr.extend(rel, fork, blockNo, ZERO_PAGE);
                fs.nblocks = blockNo + 1;
            }
        } finally {
            fs.extensionLock.unlock();
        }
    }

    /** ReadBuffer_common + BufferAlloc: the pinned buffer of {@code tag}, valid on return. */
    private int pinBlock(BufferTag tag, boolean zeroFill) {
        checkOpen();
        for (;;) {
            int id = table.lookup(tag);
            if (id >= 0) {
                BufferDesc d = descs[id];
                d.pin(true);
                if (!tag.equals(d.tag()) || !has(d.state(), TAG_VALID)) {
                    d.unpin(); // stale mapping: the buffer was retagged between lookup and pin
                    continue;
                }
                if (!has(d.state(), VALID) && d.startIo(true)) {
                    loadFrame(d, tag, zeroFill); // an earlier read failed; try again ourselves
                }
                return id + 1;
            }
            BufferDesc victim = clock.victim();
            if (retag(victim, tag)) {
                loadFrame(victim, tag, zeroFill);
                return victim.id + 1;
            }
        }
    }

    /**
     * Gives the pinned victim the new tag, writing it out first if dirty. False (victim unpinned) if someone
     * pinned or dirtied it meanwhile, or mapped the tag first; the caller then starts over.
     */
    private boolean retag(BufferDesc victim, BufferTag tag) {
        try {
            if (has(victim.state(), DIRTY)) {
                // Conditional content lock: whoever pinned and locked the victim meanwhile may be waiting for a
                // lock we hold (a buffer or the extension lock); we then give the victim up (GetVictimBuffer).
                writer.flush(victim, pages[victim.id], true);
            }
        } catch (RuntimeException e) {
            victim.unpin();
            throw e;
        }
        int s = victim.lockHeader();
        if (refcount(s) != 1 || has(s, DIRTY) || has(s, IO_IN_PROGRESS) || table.insert(tag, victim.id) >= 0) {
            victim.unlockHeader(s);
            victim.unpin();
            return false;
        }
        if (has(s, TAG_VALID)) {
            table.delete(victim.tag(), victim.id);
        }
        victim.setTagLocked(tag);
        victim.unlockHeader((s & REFCOUNT_MASK) | USAGE_ONE | TAG_VALID | IO_IN_PROGRESS);
        return true;
    }

    /** Fills the frame of a pinned buffer whose I/O this thread owns; ends the I/O either way. */
    private void loadFrame(BufferDesc d, BufferTag tag, boolean zeroFill) {
        MemorySegment page = pages[d.id];
        try {
            if (zeroFill) {
                page.fill((byte) 0);
            } else {
                smgr.read(tag.rel(), tag.fork(), tag.blockNo(), page);
                if (!PageChecksum.verify(page, tag.blockNo())) {
                    throw BufferErrors.invalidPage(tag);
                }
            }
        } catch (RuntimeException e) {
            d.terminateIo(IO_ERROR, 0);
            d.unpin();
            throw e;
        }
        d.terminateIo(VALID, IO_ERROR);
    }

    /** The frame's 8 KB page (valid while pinned). */
    public MemorySegment page(int buffer) {
        return pages[index(buffer)];
    }

    /** BufferGetBlockNumber. */
    public long blockNumber(int buffer) {
        return descs[index(buffer)].tag().blockNo();
    }

    /** BufferGetTag: the relation, fork and block of a pinned buffer. */
    public BufferTag tag(int buffer) {
        return descs[index(buffer)].tag();
    }

    public void lockShared(int buffer) {
        pinned(buffer).contentLock.readLock().lock();
    }

    public void lockExclusive(int buffer) {
        pinned(buffer).contentLock.writeLock().lock();
    }

    /** ConditionalLockBuffer (exclusive). */
    public boolean tryLockExclusive(int buffer) {
        return pinned(buffer).contentLock.writeLock().tryLock();
    }

    /** Releases whichever content lock this thread holds on the buffer. */
    public void unlock(int buffer) {
        ReentrantReadWriteLock lock = descs[index(buffer)].contentLock;
        if (lock.isWriteLockedByCurrentThread()) {
            lock.writeLock().unlock();
        } else {
            lock.readLock().unlock();
        }
    }

    /** MarkBufferDirty; caller holds the exclusive lock. */
    public void markDirty(int buffer) {
        BufferDesc d = pinned(buffer);
        assert d.contentLock.isWriteLockedByCurrentThread() : "markDirty without the exclusive content lock";
        d.setFlags(DIRTY);
    }

    /** MarkBufferDirtyHint: a hint-bit change under a shared lock. */
    public void markDirtyHint(int buffer) {
        pinned(buffer).setFlags(DIRTY);
    }

    /** ReleaseBuffer: drops one pin. */
    public void release(int buffer) {
        descs[index(buffer)].unpin();
    }

    /** UnlockReleaseBuffer. */
    public void unlockAndRelease(int buffer) {
        unlock(buffer);
        release(buffer);
    }

    /** Number of blocks in the fork, counting blocks extended in the pool but not yet written. */
    public long nblocks(RelFileLocator rel, ForkNumber fork) {
        return sizes.nblocks(rel, fork);
    }

    /** BufferSync for checkpoints: writes every buffer dirty at call time; returns how many were written. */
    public int flushAll() {
        checkOpen();
        int written = 0;
        for (BufferDesc d : descs) {
            if (writeIfDirty(d, false)) {
                written++;
            }
        }
        return written;
    }

    /** BgBufferSync: writes up to {@code maxPages} dirty, unpinned buffers ahead of the clock hand. */
    public int bgWriterSweep(int maxPages) {
        checkOpen();
        int written = 0;
        int start = clock.hand();
        for (int i = 0; i < nBuffers && written < maxPages; i++) {
            if (writeIfDirty(descs[(start + i) % nBuffers], true)) {
                written++;
            }
        }
        return written;
    }

    /**
     * SyncOneBuffer: pins (without touching the usage count) and writes a dirty buffer. For a checkpoint
     * ({@code !onlyUnpinned}) a buffer whose write someone else has started counts as dirty: its dirty flag is
     * already clear but the page is not on disk yet, so the flush waits for that write (and redoes it if it
     * failed) before the checkpoint may call the page durable.
     */
    private boolean writeIfDirty(BufferDesc d, boolean onlyUnpinned) {
        int s = d.state();
        boolean mayBeDirty = has(s, DIRTY) || (!onlyUnpinned && has(s, IO_IN_PROGRESS));
        if (!mayBeDirty || !has(s, TAG_VALID) || (onlyUnpinned && refcount(s) > 0)) {
            return false;
        }
        d.pin(false);
        try {
            return writer.flush(d, pages[d.id], false);
        } finally {
            d.unpin();
        }
    }

    /** DropRelationBuffers: forgets (without writing) the fork's buffers from {@code firstBlock} on. */
    public void dropRelationBuffers(RelFileLocator rel, ForkNumber fork, long firstBlock) {
        checkOpen();
        for (BufferDesc d : descs) {
            BufferTag t = d.tag();
            if (t != null && t.sameFork(rel, fork) && t.blockNo() >= firstBlock) {
                invalidate(d, t);
            }
        }
        sizes.forget(rel, fork);
    }

    /** DropRelationBuffers + smgrtruncate under the extension lock: shrinks the fork to {@code nblocks}. */
    public void truncate(RelFileLocator rel, ForkNumber fork, long nblocks) {
        RelSizeCache.ForkSize fs = sizes.of(rel, fork);
        fs.extensionLock.lock();
        try {
            dropRelationBuffers(rel, fork, nblocks);
            smgr.truncate(rel, fork, nblocks);
            fs.nblocks = nblocks;
        } finally {
            fs.extensionLock.unlock();
        }
    }

    /** DropRelationsAllBuffers + smgrunlink: drops every buffer of every fork and removes the files. */
    public void unlink(RelFileLocator rel) {
        for (ForkNumber fork : ForkNumber.values()) {
            dropRelationBuffers(rel, fork, 0);
        }
        smgr.unlink(rel);
        for (ForkNumber fork : ForkNumber.values()) {
            sizes.forget(rel, fork);
        }
    }

    /** InvalidateBuffer: waits for other pins and I/O to go away, then unmaps the buffer. */
    private void invalidate(BufferDesc d, BufferTag expected) {
        long deadline = System.nanoTime() + DROP_WAIT_NANOS;
        for (int spins = 0;; spins++) {
            int s = d.lockHeader();
            if (!has(s, TAG_VALID) || !expected.equals(d.tag())) {
                d.unlockHeader(s);
                return;
            }
            if (refcount(s) == 0 && !has(s, IO_IN_PROGRESS)) {
                table.delete(expected, d.id);
                d.unlockHeader(s & ~(TAG_VALID | VALID | DIRTY | IO_ERROR | USAGE_MASK));
                clock.addFree(d.id);
                return;
            }
            d.unlockHeader(s);
            if (has(s, IO_IN_PROGRESS)) {
                d.awaitIo();
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("buffer " + (d.id + 1) + " of " + expected
                        + " is still pinned; cannot drop it");
            } else {
                BufferDesc.backoff(spins);
            }
        }
    }

    public int nBuffers() {
        return nBuffers;
    }

    /** Current dirty buffer count (for the bgwriter/checkpointer and tests). */
    public int dirtyBuffers() {
        int n = 0;
        for (BufferDesc d : descs) {
            if (has(d.state(), DIRTY)) {
                n++;
            }
        }
        return n;
    }

    /** Buffers pinned by anyone right now (for leak checks). */
    public int pinnedBuffers() {
        int n = 0;
        for (BufferDesc d : descs) {
            if (refcount(d.state()) > 0) {
                n++;
            }
        }
        return n;
    }

    /** Frees the off-heap frames (dirty buffers are not written); pinned buffers are an error. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        int pinned = pinnedBuffers();
        allocator.free(frames);
        if (pinned > 0) {
            throw new IllegalStateException(pinned + " buffers were still pinned when the buffer pool was closed");
        }
    }

    private int index(int buffer) {
        if (buffer < 1 || buffer > nBuffers) {
            throw new IllegalArgumentException("bad buffer ID: " + buffer);
        }
        return buffer - 1;
    }

    private BufferDesc pinned(int buffer) {
        BufferDesc d = descs[index(buffer)];
        if (refcount(d.state()) == 0) {
            throw new IllegalStateException("buffer " + buffer + " is not pinned");
        }
        return d;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("buffer pool is closed");
        }
    }
}
