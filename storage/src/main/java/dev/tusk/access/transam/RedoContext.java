package dev.tusk.access.transam;

import dev.tusk.storage.buffer.BufferPool;
import dev.tusk.storage.page.Page;
import dev.tusk.storage.smgr.Smgr;
import java.lang.foreign.MemorySegment;

/**
 * What redo routines work with during recovery (PostgreSQL's {@code xlogutils.c}): the buffer pool and the
 * storage manager, and {@link #readBufferForRedo}, which makes replay idempotent: a block whose page LSN is
 * already at or past the record's end is left alone, and a block with a full-page image is restored from it.
 */
public final class RedoContext {
    /** XLogRedoAction. */
    public enum BlockAction {
        /** The routine must apply the change (then {@link #finish} stamps the LSN). */
        NEEDS_REDO,
        /** The full-page image was restored; nothing else to do for this block. */
        RESTORED,
        /** The page already reflects this record. */
        DONE
    }

    /** A pinned, exclusively locked buffer and what to do with it. */
    public record RedoBuffer(int buffer, BlockAction action) {
        public boolean needsRedo() {
            return action == BlockAction.NEEDS_REDO;
        }
    }

    private final BufferPool buffers;
    private final Smgr smgr;

    public RedoContext(BufferPool buffers, Smgr smgr) {
        this.buffers = buffers;
        this.smgr = smgr;
    }

    public BufferPool buffers() {
        return buffers;
    }

    public Smgr smgr() {
        return smgr;
    }

    /**
     * XLogReadBufferForRedo: pins and exclusively locks the block referenced as {@code blockId}, creating the
     * fork file and extending it with zero pages when the block lies beyond its end. With a full-page image
     * the image is copied in; with will-init the page is zeroed and must be initialised by the caller.
     */
    public RedoBuffer readBufferForRedo(XLogRecord record, int blockId) {
        XLogBlockRef ref = record.block(blockId);
        if (ref == null) {
            throw new WalException("WAL record at " + Lsn.format(record.startLsn()) + " has no block " + blockId);
        }
        if (!smgr.exists(ref.rel(), ref.fork())) {
            smgr.create(ref.rel(), ref.fork(), true);
        }
        if (ref.hasImage() || ref.willInit()) {
            int buf = buffers.readBuffer(ref.rel(), ref.fork(), ref.blockNo(), BufferPool.ReadMode.ZERO_AND_LOCK);
            MemorySegment page = buffers.page(buf);
            if (ref.hasImage()) {
                MemorySegment.copy(MemorySegment.ofArray(ref.pageImage()), 0, page, 0, Page.BLCKSZ);
                Page.setLsn(page, record.endLsn());
                buffers.markDirty(buf);
                return new RedoBuffer(buf, BlockAction.RESTORED);
            }
            return new RedoBuffer(buf, BlockAction.NEEDS_REDO);
        }
        int buf = buffers.readBuffer(ref.rel(), ref.fork(), ref.blockNo(), BufferPool.ReadMode.EXTEND_ON_MISS);
        buffers.lockExclusive(buf);
        MemorySegment page = buffers.page(buf);
        if (!Page.isNew(page) && Page.lsn(page) >= record.endLsn()) {
            return new RedoBuffer(buf, BlockAction.DONE);
        }
        return new RedoBuffer(buf, BlockAction.NEEDS_REDO);
    }

    /** Ends work on a redo buffer: after NEEDS_REDO stamps the record's end LSN and marks it dirty. */
    public void finish(RedoBuffer rb, XLogRecord record) {
        if (rb.action() == BlockAction.NEEDS_REDO) {
            Page.setLsn(buffers.page(rb.buffer()), record.endLsn());
            buffers.markDirty(rb.buffer());
        }
        buffers.unlockAndRelease(rb.buffer());
    }
}
