package dev.tusk.access.transam;

import java.nio.file.Path;

/**
 * Reads WAL records sequentially from segment files (PostgreSQL's {@code xlogreader.c}).
 *
 * <p>API CONTRACT (stub): {@link #next()} returns null at the end of valid WAL (a record with a bad CRC, a
 * zero or impossible length, a record whose own start LSN does not match where it was found, or one cut off
 * by the end of the last segment); it throws {@link WalException} when a segment the log needs is missing
 * while a later one exists, or a segment file is shorter than the segment size.
 */
public final class XLogReader implements AutoCloseable {
    public XLogReader(Path walDir, int timeline, int segmentSize, long startLsn) {
        throw new UnsupportedOperationException("XLogReader not implemented yet");
    }

    /** The next record, or null at the end of valid WAL. */
    public XLogRecord next() {
        throw new UnsupportedOperationException();
    }

    /** Reads exactly the record starting at {@code lsn} (the checkpoint record); throws if it is not valid. */
    public XLogRecord readAt(long lsn) {
        throw new UnsupportedOperationException();
    }

    /** After {@link #next()} returned null: where valid WAL ends, i.e. where insertion continues. */
    public long endOfWal() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
