package dev.tusk.access.transam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The write-ahead log of one instance (PostgreSQL's {@code xlog.c} + {@code xloginsert.c}): concurrent
 * record insertion into WAL buffers, writing and fsyncing segment files under {@code pg_wal/} with
 * PostgreSQL's names, and the flush waiters that group commit rests on.
 *
 * <p>An LSN is the byte position in the WAL stream; segment {@code n} holds {@code [n*segSize, (n+1)*segSize)}
 * and is named by {@link #segmentFileName}. Records start on 8-byte boundaries and may cross segment ends;
 * the record layout is described in {@code XLogRecordFormat}.
 *
 * <p>Insertion ({@code XLogInsert}) happens in three steps so that many threads insert at once: the record is
 * assembled and most of its CRC computed without any lock; then under the short insertion lock its space is
 * reserved ({@code ReserveXLogInsertLocation}) – and the full-page-image decisions are checked against the
 * redo pointer, reassembling if a checkpoint moved it in between; then the bytes are copied into the
 * {@code WalBuffers} without a lock ({@code CopyXLogRecordToWAL}). When the buffers are full an inserter
 * first writes older WAL out (without fsync) to make room.
 *
 * <p>{@link #flush} ({@code XLogFlush}) waits for the copies below its target, then under the write lock
 * writes and fsyncs; a flusher that finds the WAL already durable past its target once it holds the lock
 * returns without an fsync, so concurrent committers share one fsync (group commit).
 *
 * <p>Lock order: the insertion lock is never held while taking another; the write lock may take the
 * buffers' completion lock (never the reverse).
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

    private final XLogSegmentFiles files;
    private final int timeline;
    private final WalBuffers buffers;
    private final XLogWriter writer;
    private final FlushWaiters waiters;
    /** WALInsertLock: guards {@link #insertPos} and {@link #redo} changes. */
    private final ReentrantLock insertLock = new ReentrantLock();
    /** WALWriteLock: guards the writer. */
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile long insertPos;
    private volatile long redo;
    private volatile long flushedPos;
    private volatile boolean closed;
    /** Set once closing has completed the flush futures it could; a later future can only fail. */
    private volatile boolean waitersClosed;

    private XLog(XLogSegmentFiles files, int timeline, long insertFrom, Options options) {
        this.files = files;
        this.timeline = timeline;
        this.buffers = new WalBuffers(options.walBuffers(), insertFrom);
        this.writer = new XLogWriter(files, buffers, insertFrom);
        this.waiters = new FlushWaiters(() -> flushedPos);
        this.insertPos = insertFrom;
        this.flushedPos = insertFrom;
    }

    /**
     * Opens the log in {@code walDir} for insertion, continuing at {@code insertFrom} (the end of the last
     * valid record found by recovery, or the initial position for a fresh cluster). The segment holding
     * {@code insertFrom} keeps its content before it and is zeroed from it on; segments of this timeline
     * after it are removed, since everything past the end of valid WAL is garbage that must never be read
     * as records later.
     */
    public static XLog open(Path walDir, int timeline, long insertFrom, Options options) {
        if (insertFrom < 0 || insertFrom % XLogRecordFormat.ALIGN != 0) {
            throw new IllegalArgumentException("insert position must be 8-byte aligned: " + Lsn.format(insertFrom));
        }
        try {
            Files.createDirectories(walDir);
        } catch (IOException e) {
            throw WalErrors.walDirIo("create", walDir, e);
        }
        XLogSegmentFiles files = new XLogSegmentFiles(walDir, timeline, options.segmentSize());
        files.removeAfter(files.segNo(insertFrom));
        return new XLog(files, timeline, insertFrom, options);
    }

    /** XLogInsert: appends the record; returns its end LSN. */
    public long insert(XLogRecordBuilder record) {
        return insertWithBounds(record).endLsn();
    }

    /**
     * XLogInsert returning both ends (the checkpointer needs the start of its record). The end is the start
     * of the next record, i.e. including the alignment padding, as PostgreSQL's EndPos.
     */
    public Inserted insertWithBounds(XLogRecordBuilder record) {
        while (true) {
            XLogRecordFormat.Assembled rec = XLogRecordFormat.assemble(record, redo);
            int length = rec.alignedLength();
            if (length > buffers.size()) {
                throw WalErrors.recordTooLarge(length, buffers.size());
            }
            long start = reserve(length, rec.redoUsed());
            if (start < 0) {
                continue; // a checkpoint began meanwhile: images must be decided against the new redo pointer
            }
            long end = start + length;
            try {
                rec.finish(start);
                makeRoom(end);
                buffers.copyIn(start, rec.bytes());
            } catch (RuntimeException | Error e) {
                // The reserved range can never be filled: flushing past it must fail instead of hanging.
                buffers.fail(e instanceof RuntimeException re ? re : new WalException(e.toString(), e));
                throw e;
            }
            buffers.markCopied(start, end);
            return new Inserted(start, end);
        }
    }

    /** ReserveXLogInsertLocation; -1 when the redo pointer is no longer the one the record was built for. */
    private long reserve(int length, long redoUsed) {
        insertLock.lock();
        try {
            ensureOpen();
            if (redo != redoUsed) {
                return -1;
            }
            long start = insertPos;
            insertPos = start + length;
            return start;
        } finally {
            insertLock.unlock();
        }
    }

    /**
     * AdvanceXLInsertBuffer: the ring slots for WAL up to {@code end} still hold WAL from one ring length
     * earlier; that must be written out before it is overwritten.
     */
    private void makeRoom(long end) {
        long need = end - buffers.size();
        while (writer.writtenPos() < need) {
            long written;
            writeLock.lock();
            try {
                written = writer.writtenPos();
                if (written >= need) {
                    return;
                }
                long copied = buffers.copiedUpTo();
                if (copied > written) {
                    writer.writeUpTo(copied);
                    continue;
                }
            } finally {
                writeLock.unlock();
            }
            // Older records are still being copied in by their inserters; wait for one of them to finish.
            buffers.awaitCopied(written + 1);
        }
    }

    /** XLogFlush: makes WAL durable up to at least {@code upTo}; returns at once if it already is. */
    public void flush(long upTo) {
        if (flushedPos >= upTo) {
            return;
        }
        // Asking past the insert position flushes what exists (e.g. a page LSN from before a restart).
        long target = Math.min(upTo, insertPos);
        buffers.awaitCopied(target);
        long flushed;
        writeLock.lock();
        try {
            if (flushedPos >= target) {
                return;
            }
            ensureOpen();
            // Take along whatever else is already copied in: later committers then find it durable.
            long copied = buffers.copiedUpTo();
            if (copied > writer.writtenPos()) {
                writer.writeUpTo(copied);
            }
            writer.sync();
            flushed = writer.writtenPos();
            flushedPos = flushed;
        } finally {
            writeLock.unlock();
        }
        waiters.completeUpTo(flushed);
    }

    /** Flushes everything inserted so far; returns the flushed position. */
    public long flushAll() {
        flush(insertPos);
        return flushedPos;
    }

    /** A future completed (with the flush LSN) once the WAL is durable up to {@code lsn}; never flushes itself. */
    public CompletableFuture<Long> flushFuture(long lsn) {
        CompletableFuture<Long> f = waiters.register(lsn);
        if (waitersClosed) {
            // Registered after (or while) closing failed the waiters: nobody will ever flush for it.
            waiters.failAll(WalErrors.closed());
        }
        return f;
    }

    /** Position where the next record will start. */
    public long insertLsn() {
        return insertPos;
    }

    /** Everything before this position is durable. */
    public long flushLsn() {
        return flushedPos;
    }

    /**
     * Starts a checkpoint: atomically with respect to inserts, sets the redo pointer to the current insert
     * position and returns it; from now on a page's first change gets a full-page image.
     */
    public long beginCheckpointRedo() {
        insertLock.lock();
        try {
            redo = insertPos;
            return redo;
        } finally {
            insertLock.unlock();
        }
    }

    /** The current redo pointer (pages with LSN at or before it get a full-page image on change). */
    public long redoPointer() {
        return redo;
    }

    /** Sets the redo pointer at startup from pg_control. */
    public void setRedoPointer(long redo) {
        insertLock.lock();
        try {
            this.redo = redo;
        } finally {
            insertLock.unlock();
        }
    }

    /**
     * Deletes whole segments that end at or before {@code keepFrom}; returns how many. The segment being
     * written is never removed, whatever {@code keepFrom} says.
     */
    public int removeSegmentsBefore(long keepFrom) {
        long firstKept = Math.min(keepFrom / files.segmentSize(), files.segNo(writer.writtenPos()));
        return files.removeBefore(firstKept);
    }

    /** Number of fsyncs done on WAL files since open (lets tests see group commit). */
    public long syncCount() {
        return writer.syncCount();
    }

    public int segmentSize() {
        return files.segmentSize();
    }

    public int timeline() {
        return timeline;
    }

    public Path walDir() {
        return files.walDir();
    }

    /** PostgreSQL's XLogFileName: 24 hex digits of timeline, and segment number split in two. */
    public static String segmentFileName(int timeline, long segNo, int segmentSize) {
        long segmentsPerXLogId = 0x100000000L / segmentSize;
        return String.format("%08X%08X%08X", timeline, segNo / segmentsPerXLogId, segNo % segmentsPerXLogId);
    }

    private void ensureOpen() {
        if (closed) {
            throw WalErrors.closed();
        }
    }

    /**
     * Closes the segment file without writing what is still in the WAL buffers, as a killed process would
     * leave it (tests of crash recovery inside one JVM); waiting flush futures fail.
     */
    public void closeWithoutFlush() {
        insertLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            insertLock.unlock();
        }
        writeLock.lock();
        try {
            writer.close();
        } finally {
            writeLock.unlock();
        }
        waitersClosed = true;
        waiters.failAll(WalErrors.closed());
    }

    /** Flushes everything inserted, closes the segment file and fails flush futures still waiting. */
    @Override
    public void close() {
        insertLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true; // no reservation after this one
        } finally {
            insertLock.unlock();
        }
        try {
            // Records reserved before closing are still copied in; without locks held, so they can make room.
            buffers.awaitCopied(insertPos);
            writeLock.lock();
            try {
                writer.writeUpTo(buffers.copiedUpTo());
                writer.sync();
                flushedPos = writer.writtenPos(); // only once synced: a failed close must not claim durability
            } finally {
                writeLock.unlock();
            }
            waiters.completeUpTo(flushedPos);
        } finally {
            writeLock.lock();
            try {
                writer.close(); // the segment file is closed even when writing failed
            } finally {
                writeLock.unlock();
            }
            waitersClosed = true;
            waiters.failAll(WalErrors.closed());
        }
    }
}
