package dev.tusk.access.transam;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads WAL records sequentially from segment files (PostgreSQL's {@code xlogreader.c}:
 * {@code XLogReadRecord}, {@code ValidXLogRecordHeader}, {@code ValidXLogRecord}).
 *
 * <p>{@link #next()} returns null at the end of valid WAL: a record with a zero or impossible length (one
 * that disagrees with the record's block headers counts as impossible, checked before the record is
 * allocated), a record whose own start LSN does not match where it was found (stale bytes), a bad CRC, or a record cut off
 * by the end of the last existing segment. {@link #endReason()} then says which, and {@link #endOfWal()}
 * where insertion continues. Missing or damaged files are errors, not the end of WAL: a {@link WalException}
 * is thrown when the segment holding the requested start is missing, when a segment is missing while a later
 * one exists, or when a segment file is not exactly the segment size.
 */
public final class XLogReader implements AutoCloseable {
    private static final int WINDOW = 64 * 1024;

    private final XLogSegmentFiles files;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long pos;
    /** The segment the caller asked to start in: its absence is an error even with no later segment. */
    private long requiredSegNo;
    private long openSegNo = -1;
    private FileChannel channel;
    private long windowStart;
    private int windowLength;
    private String endReason;

    public XLogReader(Path walDir, int timeline, int segmentSize, long startLsn) {
        this.files = new XLogSegmentFiles(walDir, timeline, segmentSize);
        seek(startLsn);
    }

    private void seek(long lsn) {
        pos = lsn;
        requiredSegNo = files.segNo(lsn);
        endReason = null;
        windowLength = 0;
    }

    /** The next record, or null at the end of valid WAL. */
    public XLogRecord next() {
        XLogRecord rec = tryRead(pos);
        if (rec != null) {
            pos = rec.endLsn();
        } else {
            windowLength = 0; // the log may be growing: read the files afresh when asked again
        }
        return rec;
    }

    /**
     * Reads exactly the record starting at {@code lsn} (the checkpoint record); throws if it is not valid.
     * Sequential reading continues after it.
     */
    public XLogRecord readAt(long lsn) {
        seek(lsn);
        XLogRecord rec = next();
        if (rec == null) {
            throw WalErrors.invalidRecord(endReason);
        }
        return rec;
    }

    /** After {@link #next()} returned null: where valid WAL ends, i.e. where insertion continues. */
    public long endOfWal() {
        return pos;
    }

    /** Why the last {@link #next()} found no record (PostgreSQL's errormsg_buf), or null. */
    public String endReason() {
        return endReason;
    }

    private XLogRecord tryRead(long start) {
        byte[] header = new byte[XLogRecordFormat.HEADER_SIZE];
        if (!read(start, header, 0, header.length)) {
            endReason = WalErrors.cutShort(start);
            return null;
        }
        int length = XLogRecordFormat.totalLength(header);
        if (length < XLogRecordFormat.HEADER_SIZE) {
            endReason = WalErrors.invalidLength(start, XLogRecordFormat.HEADER_SIZE, length);
            return null;
        }
        if (length > XLogRecordFormat.MAX_RECORD_LENGTH) {
            endReason = WalErrors.tooLong(start, length);
            return null;
        }
        long found = XLogRecordFormat.startLsn(header);
        if (found != start) {
            endReason = WalErrors.wrongStartLsn(start, found);
            return null;
        }
        // Check the length against the block headers before allocating it: a damaged length must not cost
        // up to a gigabyte of memory (or an OutOfMemoryError) just to fail the CRC afterwards.
        int headersEnd = XLogRecordFormat.HEADER_SIZE + XLogRecordFormat.BLOCK_HEADER_SIZE
                * XLogRecordFormat.blockCount(header);
        if (headersEnd > length) {
            endReason = WalErrors.invalidLength(start, headersEnd, length);
            return null;
        }
        byte[] blockHeaders = new byte[headersEnd - XLogRecordFormat.HEADER_SIZE];
        if (!read(start + XLogRecordFormat.HEADER_SIZE, blockHeaders, 0, blockHeaders.length)) {
            endReason = WalErrors.cutShort(start);
            return null;
        }
        long layout = XLogRecordFormat.layoutLength(header, blockHeaders);
        if (layout != length) {
            endReason = WalErrors.invalidLength(start, (int) Math.max(-1, Math.min(Integer.MAX_VALUE, layout)), length);
            return null;
        }
        if (pastLastSegment(start + length - 1)) {
            endReason = WalErrors.cutShort(start);
            return null;
        }
        byte[] rec = new byte[length];
        System.arraycopy(header, 0, rec, 0, header.length);
        System.arraycopy(blockHeaders, 0, rec, header.length, blockHeaders.length);
        if (!read(start + headersEnd, rec, headersEnd, length - headersEnd)) {
            endReason = WalErrors.cutShort(start);
            return null;
        }
        if (!XLogRecordFormat.crcMatches(rec)) {
            endReason = WalErrors.badChecksum(start);
            return null;
        }
        endReason = null;
        return XLogRecordFormat.decode(rec, start);
    }

    /**
     * Whether {@code lsn} lies beyond the last existing segment (the normal end of WAL). A missing segment with
     * a later one present is a gap, which reading then reports as an error.
     */
    private boolean pastLastSegment(long lsn) {
        long seg = files.segNo(lsn);
        return seg != openSegNo && !Files.exists(files.path(seg)) && !files.laterSegmentExists(seg);
    }

    /** Copies WAL {@code [at, at+len)} into {@code dst}; false when it runs past the last existing segment. */
    private boolean read(long at, byte[] dst, int off, int len) {
        while (len > 0) {
            if (at < windowStart || at >= windowStart + windowLength) {
                if (!fillWindow(at)) {
                    return false;
                }
            }
            int inWindow = (int) (at - windowStart);
            int n = Math.min(len, windowLength - inWindow);
            System.arraycopy(window.array(), inWindow, dst, off, n);
            at += n;
            off += n;
            len -= n;
        }
        return true;
    }

    /** Loads the window at {@code at} from its segment (never across a segment end). */
    private boolean fillWindow(long at) {
        long seg = files.segNo(at);
        if (seg != openSegNo && !openSegment(seg)) {
            return false;
        }
        long segOffset = at - files.segStart(seg);
        int want = (int) Math.min(WINDOW, files.segmentSize() - segOffset);
        window.clear().limit(want);
        try {
            while (window.hasRemaining()) {
                int r = channel.read(window, segOffset + window.position());
                if (r < 0) {
                    throw WalErrors.segmentWrongSize(files.displayName(seg), channel.size(), files.segmentSize());
                }
            }
        } catch (IOException e) {
            throw WalErrors.segmentIo("read from", files.displayName(seg), e);
        }
        windowStart = at;
        windowLength = want;
        return true;
    }

    /** XLogFileRead: false when the segment is absent and nothing follows it (the normal end of WAL). */
    private boolean openSegment(long seg) {
        closeChannel();
        windowLength = 0;
        String name = files.displayName(seg);
        FileChannel ch;
        try {
            ch = FileChannel.open(files.path(seg), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            if (seg == requiredSegNo || files.laterSegmentExists(seg)) {
                throw WalErrors.couldNotOpenSegment(name);
            }
            return false;
        } catch (IOException e) {
            throw WalErrors.segmentIo("open", name, e);
        }
        try {
            long size = ch.size();
            if (size != files.segmentSize()) {
                throw WalErrors.segmentWrongSize(name, size, files.segmentSize());
            }
        } catch (IOException | RuntimeException e) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // Read-only: nothing can be lost by a failed close.
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw WalErrors.segmentIo("open", name, e);
        }
        channel = ch;
        openSegNo = seg;
        return true;
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Read-only: nothing can be lost by a failed close.
            }
            channel = null;
            openSegNo = -1;
        }
    }

    @Override
    public void close() {
        closeChannel();
    }
}
