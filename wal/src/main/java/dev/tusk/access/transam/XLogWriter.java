package dev.tusk.access.transam;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves WAL from the buffers into the segment files (PostgreSQL's {@code XLogWrite}). Every method except
 * the getters must be called with {@code XLog}'s write lock held ({@code WALWriteLock}).
 *
 * <p>Only the segment currently being written can hold unsynced data: when writing moves on to the next
 * segment the finished one is fsynced first, as PostgreSQL does, so one fsync of the current segment makes
 * everything written so far durable.
 */
final class XLogWriter {
    private final XLogSegmentFiles files;
    private final WalBuffers buffers;
    private final AtomicLong syncs = new AtomicLong();
    private long segNo;
    private FileChannel channel;
    private boolean dirty;
    private volatile long writtenPos;
    /**
     * The first write or fsync failure, after which the writer refuses all work. A retried fsync can report
     * success although the kernel dropped the pages that failed to reach disk, so WAL past a failure can never
     * be called durable again (PostgreSQL PANICs: data_sync_retry = off).
     */
    private WalException broken;

    XLogWriter(XLogSegmentFiles files, WalBuffers buffers, long insertFrom) {
        this.files = files;
        this.buffers = buffers;
        this.segNo = files.segNo(insertFrom);
        this.channel = files.openForContinue(insertFrom);
        this.writtenPos = insertFrom;
    }

    /** Everything before this position has been handed to the kernel (not necessarily fsynced). */
    long writtenPos() {
        return writtenPos;
    }

    long syncCount() {
        return syncs.get();
    }

    /** Writes the buffers from {@link #writtenPos()} up to {@code target}, which must be fully copied in. */
    void writeUpTo(long target) {
        checkUsable();
        long pos = writtenPos;
        while (pos < target) {
            long seg = files.segNo(pos);
            if (seg != segNo) {
                switchTo(seg);
            }
            long segEnd = files.segStart(seg + 1);
            ByteBuffer src = buffers.slice(pos, Math.min(target, segEnd) - pos);
            long fileOffset = pos - files.segStart(seg);
            try {
                while (src.hasRemaining()) {
                    fileOffset += channel.write(src, fileOffset);
                }
            } catch (IOException e) {
                throw fail(WalErrors.segmentIo("write to", files.displayName(seg), e));
            }
            dirty = true;
            pos = files.segStart(seg) + fileOffset;
            writtenPos = pos;
        }
    }

    /** issue_xlog_fsync on the current segment when it holds unsynced writes. */
    void sync() {
        checkUsable();
        if (!dirty) {
            return;
        }
        try {
            channel.force(false);
        } catch (IOException e) {
            throw fail(WalErrors.segmentIo("fsync", files.displayName(segNo), e));
        }
        dirty = false;
        syncs.incrementAndGet();
    }

    private void switchTo(long seg) {
        sync();
        closeChannel();
        // Later segments are always new: the open at startup removed everything beyond the end of WAL.
        try {
            channel = files.create(seg);
        } catch (WalException e) {
            throw fail(e);
        }
        segNo = seg;
    }

    private void checkUsable() {
        if (broken != null) {
            throw new WalException("WAL writing failed earlier; the log cannot be made durable any more: "
                    + broken.getMessage(), broken);
        }
    }

    private WalException fail(WalException e) {
        broken = e;
        return e;
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            throw WalErrors.segmentIo("close", files.displayName(segNo), e);
        }
    }

    /** Syncs what was written (unless writing already failed) and closes the segment file in any case. */
    void close() {
        try {
            if (broken == null) {
                sync();
            }
        } finally {
            closeChannel();
        }
    }
}
