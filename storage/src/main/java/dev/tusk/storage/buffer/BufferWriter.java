package dev.tusk.storage.buffer;

import static dev.tusk.storage.buffer.BufferDesc.DIRTY;
import static dev.tusk.storage.buffer.BufferDesc.IO_ERROR;

import dev.tusk.storage.page.Page;
import dev.tusk.storage.page.PageChecksum;
import dev.tusk.storage.smgr.Smgr;
import java.lang.foreign.MemorySegment;

/**
 * FlushBuffer: writes one dirty buffer to its block, obeying the WAL rule. The frame is copied under the
 * shared content lock (so no exclusive-locked change is half-copied; concurrent hint-bit changes re-dirty
 * the buffer), WAL is flushed up to the copy's LSN, the checksum is stamped on the copy (never on the shared
 * frame, which readers may be looking at), and the copy goes to the storage manager.
 */
final class BufferWriter {
    private final Smgr smgr;
    private final WalFlusher walFlusher;

    BufferWriter(Smgr smgr, WalFlusher walFlusher) {
        this.smgr = smgr;
        this.walFlusher = walFlusher;
    }

    /**
     * Writes the buffer if it is dirty; the caller holds a pin. Waits for another write of the same buffer
     * first. Returns whether this call wrote it. On failure the buffer stays dirty.
     */
    boolean flush(BufferDesc d, MemorySegment frame) {
        if (!d.startIo(false)) {
            return false;
        }
        boolean ok = false;
        try {
            BufferTag tag = d.tag();
            MemorySegment copy = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
            d.contentLock.readLock().lock();
            try {
                // Cleared before copying: a change made after this point dirties the buffer again.
                d.clearFlags(DIRTY);
                MemorySegment.copy(frame, 0, copy, 0, Page.BLCKSZ);
            } finally {
                d.contentLock.readLock().unlock();
            }
            long lsn = Page.lsn(copy);
            if (lsn != 0) {
                walFlusher.flush(lsn); // the WAL rule: the log reaches disk before the data it describes
            }
            if (!Page.isNew(copy)) {
                PageChecksum.set(copy, tag.blockNo()); // PageSetChecksumCopy; an all-zero page stays all zero
            }
            smgr.write(tag.rel(), tag.fork(), tag.blockNo(), copy);
            ok = true;
        } finally {
            d.terminateIo(ok ? 0 : DIRTY | IO_ERROR, ok ? IO_ERROR : 0);
        }
        return true;
    }
}
