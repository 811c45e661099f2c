package dev.tusk.access.transam;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The write-ahead log of one instance (PostgreSQL's {@code xlog.c} + {@code xloginsert.c}): concurrent
 * record insertion into WAL buffers, writing and fsyncing 16 MB segment files under {@code pg_wal/} with
 * PostgreSQL's names, and the flush waiters that group commit rests on.
 *
 * <p>API CONTRACT (stub; implemented in the wal module work item):
 * <ul>
 * <li>An LSN is the byte position in the WAL stream; segment {@code n} holds {@code [n*segSize, (n+1)*segSize)}
 *     and is named {@code %08X%08X%08X} of (timeline, n / 0x100000000L/segSize... as PostgreSQL's XLogFileName).</li>
 * <li>{@link #insert} may be called from many threads at once; it returns the end LSN of the record.</li>
 * <li>{@link #flush} returns once everything up to {@code upTo} is durable (fsync); concurrent flushers
 *     coalesce into one fsync.</li>
 * </ul>
 */
public final class XLog implements AutoCloseable {
    /** PostgreSQL's default wal_segment_size. */
    public static final int DEFAULT_SEGMENT_SIZE = 16 * 1024 * 1024;

    /** Start and end of one inserted record. */
    public record Inserted(long startLsn, long endLsn) {
    }

    /** Tunables. {@code walBuffers} is the in-memory WAL buffer size in bytes. */
    public record Options(int segmentSize, int walBuffers) {
        public static Options defaults() {
            return new Options(DEFAULT_SEGMENT_SIZE, 4 * 1024 * 1024);
        }
    }

    private XLog() {
    }

    /**
     * Opens the log in {@code walDir} for insertion, continuing at {@code insertFrom} (the end of the last
     * valid record found by recovery, or the initial position for a fresh cluster).
     */
    public static XLog open(Path walDir, int timeline, long insertFrom, Options options) {
        throw new UnsupportedOperationException("XLog.open not implemented yet");
    }

    /** XLogInsert: appends the record; returns its end LSN. */
    public long insert(XLogRecordBuilder record) {
        return insertWithBounds(record).endLsn();
    }

    /** XLogInsert returning both ends (the checkpointer needs the start of its record). */
    public Inserted insertWithBounds(XLogRecordBuilder record) {
        throw new UnsupportedOperationException();
    }

    /** XLogFlush: makes WAL durable up to at least {@code upTo}; returns at once if it already is. */
    public void flush(long upTo) {
        throw new UnsupportedOperationException();
    }

    /** Flushes everything inserted so far; returns the flushed position. */
    public long flushAll() {
        throw new UnsupportedOperationException();
    }

    /** A future completed (with the flush LSN) once the WAL is durable up to {@code lsn}; never flushes itself. */
    public CompletableFuture<Long> flushFuture(long lsn) {
        throw new UnsupportedOperationException();
    }

    /** Position where the next record will start. */
    public long insertLsn() {
        throw new UnsupportedOperationException();
    }

    /** Everything before this position is durable. */
    public long flushLsn() {
        throw new UnsupportedOperationException();
    }

    /**
     * Starts a checkpoint: atomically with respect to inserts, sets the redo pointer to the current insert
     * position and returns it; from now on a page's first change gets a full-page image.
     */
    public long beginCheckpointRedo() {
        throw new UnsupportedOperationException();
    }

    /** The current redo pointer (pages with LSN at or before it get a full-page image on change). */
    public long redoPointer() {
        throw new UnsupportedOperationException();
    }

    /** Sets the redo pointer at startup from pg_control. */
    public void setRedoPointer(long redo) {
        throw new UnsupportedOperationException();
    }

    /** Deletes whole segments that end at or before {@code keepFrom}; returns how many. */
    public int removeSegmentsBefore(long keepFrom) {
        throw new UnsupportedOperationException();
    }

    /** Number of fsyncs done on WAL files since open (lets tests see group commit). */
    public long syncCount() {
        throw new UnsupportedOperationException();
    }

    public int segmentSize() {
        throw new UnsupportedOperationException();
    }

    public int timeline() {
        throw new UnsupportedOperationException();
    }

    public Path walDir() {
        throw new UnsupportedOperationException();
    }

    /** PostgreSQL's XLogFileName: 24 hex digits of timeline, and segment number split in two. */
    public static String segmentFileName(int timeline, long segNo, int segmentSize) {
        long segmentsPerXLogId = 0x100000000L / segmentSize;
        return String.format("%08X%08X%08X", timeline, segNo / segmentsPerXLogId, segNo % segmentsPerXLogId);
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }
}
