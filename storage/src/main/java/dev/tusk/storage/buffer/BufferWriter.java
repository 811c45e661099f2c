package dev.tusk.storage.buffer;

import static dev.tusk.storage.buffer.BufferDesc.DIRTY;
import static dev.tusk.storage.buffer.BufferDesc.IO_ERROR;

import dev.tusk.storage.page.Page;
import dev.tusk.storage.page.PageChecksum;
import dev.tusk.storage.smgr.Smgr;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.locks.Lock;

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
     * first. Returns whether this call wrote it. On failure the buffer stays dirty. With {@code conditional}
     * the shared content lock is only tried: if someone holds it exclusively nothing is written (false, the
     * buffer stays dirty), so that an evicting backend never waits for a lock holder that may wait for it.
     *
     * <p>As in FlushBuffer, the content lock is taken before the I/O is claimed: whoever has IO_IN_PROGRESS
     * never waits for a content lock, so waiting for an I/O can never close a cycle through content locks.
     */
    boolean flush(BufferDesc d, MemorySegment frame, boolean conditional) {
        Lock content = d.contentLock.readLock();
        if (!conditional) {
            content.lock();
        } else if (!content.tryLock()) {
            return false;
        }
        boolean locked = true;
        try {
            if (!d.startIo(false)) {
                return false;
            }
            boolean ok = false;
            try {
                BufferTag tag = d.tag();
                MemorySegment copy = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
                // Cleared before copying: a change made after this point dirties the buffer again.
                d.clearFlags(DIRTY);
                MemorySegment.copy(frame, 0, copy, 0, Page.BLCKSZ);
                content.unlock();
                locked = false;
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
        } finally {
            if (locked) {
                content.unlock();
            }
        }
    }
}
