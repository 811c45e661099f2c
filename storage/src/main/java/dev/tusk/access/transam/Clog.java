package dev.tusk.access.transam;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongConsumer;

/**
 * The transaction status log (PostgreSQL's {@code clog.c} over {@code slru.c}): two bits per xid in
 * {@value #PAGE_SIZE}-byte pages, {@value #PAGES_PER_SEGMENT} pages per segment file under {@code pg_xact/},
 * named with (at least) four upper-case hex digits of the segment number as PostgreSQL names them.
 *
 * <p>Pages are cached in memory for the life of the instance (a page covers {@value #XACTS_PER_PAGE} xids, so
 * a million transactions take 31 pages) and written back by {@link #flush()} at checkpoint and shutdown. The
 * clog is not itself WAL-protected data: recovery replays commit and abort records into it, so after a
 * crash it is exactly as current as the WAL.
 *
 * <p>Each group of {@value #XACTS_PER_LSN_GROUP} xids remembers the highest commit-record LSN of an
 * asynchronous commit in it (PostgreSQL's group LSNs): a committed hint bit may be set on a heap tuple only
 * once the WAL is durable past that LSN ({@link #groupLsn}), and {@link #flush()} flushes the WAL that far
 * before writing a page, so the clog never gets ahead of the WAL on disk.
 *
 * <p>Concurrency: one read-write lock. Status reads share it; {@link #setTreeStatus} takes it exclusively,
 * so a transaction and its subtransactions change status as one unit for every reader (PostgreSQL needs the
 * SUB_COMMITTED dance for this because its pages have separate locks; the state still exists for
 * compatibility with that on-disk value).
 */
public final class Clog {
    public static final int PAGE_SIZE = 8192;
    public static final int BITS_PER_XACT = 2;
    public static final int XACTS_PER_BYTE = 4;
    public static final int XACTS_PER_PAGE = PAGE_SIZE * XACTS_PER_BYTE;
    /** SLRU_PAGES_PER_SEGMENT. */
    public static final int PAGES_PER_SEGMENT = 32;
    /** CLOG_XACTS_PER_LSN_GROUP. */
    public static final int XACTS_PER_LSN_GROUP = 32;
    private static final int LSN_GROUPS_PER_PAGE = XACTS_PER_PAGE / XACTS_PER_LSN_GROUP;

    /** One cached page: status bits, group LSNs, dirty flag (all guarded by the clog lock). */
    private static final class ClogPage {
        final byte[] bits = new byte[PAGE_SIZE];
        final long[] groupLsn = new long[LSN_GROUPS_PER_PAGE];
        boolean dirty;
    }

    private final Path dir;
    private final LongConsumer walFlush;
    private final ConcurrentHashMap<Long, ClogPage> pages = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /**
     * Opens the clog in {@code dir} (created if missing).
     *
     * @param walFlush XLogFlush, called with a page's highest group LSN before the page is written; may be null
     *                 when only synchronous commits are recorded (tests, redo)
     */
    public Clog(Path dir, LongConsumer walFlush) {
        this.dir = dir;
        this.walFlush = walFlush == null ? lsn -> { } : walFlush;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw ioError("could not create directory \"" + dir + "\"", e);
        }
    }

    public Path directory() {
        return dir;
    }

    /** TransactionIdGetStatus. The special xids (bootstrap, frozen) are always committed. */
    public XidStatus status(long xid) {
        if (!TransactionId.isNormal(xid)) {
            return xid == TransactionId.INVALID ? XidStatus.ABORTED : XidStatus.COMMITTED;
        }
        ClogPage page = page(pageNo(xid));
        lock.readLock().lock();
        try {
            return XidStatus.ofCode(readBits(page, xid));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Sets one xid's status (no subtransactions, synchronous). */
    public void setStatus(long xid, XidStatus status) {
        setTreeStatus(xid, new long[0], status, 0);
    }

    /**
     * TransactionIdSetTreeStatus: sets the status of a top-level xid and its subtransactions atomically
     * for all readers.
     *
     * @param lsn the commit record's end LSN for an asynchronous commit (0 when the WAL is already flushed)
     */
    public void setTreeStatus(long xid, long[] subxids, XidStatus status, long lsn) {
        if (!TransactionId.isNormal(xid)) {
            throw new IllegalArgumentException("cannot set status of special xid " + xid);
        }
        ClogPage top = page(pageNo(xid));
        ClogPage[] subPages = new ClogPage[subxids.length];
        for (int i = 0; i < subxids.length; i++) {
            subPages[i] = page(pageNo(subxids[i]));
        }
        lock.writeLock().lock();
        try {
            for (int i = 0; i < subxids.length; i++) {
                writeBits(subPages[i], subxids[i], status, lsn);
            }
            writeBits(top, xid, status, lsn);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The highest async-commit LSN recorded in {@code xid}'s group (0 when none): WAL must be durable past it. */
    public long groupLsn(long xid) {
        if (!TransactionId.isNormal(xid)) {
            return 0;
        }
        ClogPage page = page(pageNo(xid));
        lock.readLock().lock();
        try {
            return page.groupLsn[groupIndex(xid)];
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * CheckPointCLOG / SimpleLruWriteAll: writes every dirty page to its segment file and fsyncs the files.
     *
     * @return the number of pages written
     */
    public int flush() {
        TreeMap<Long, byte[]> toWrite = new TreeMap<>();
        long maxLsn = 0;
        lock.writeLock().lock();
        try {
            for (var e : pages.entrySet()) {
                ClogPage p = e.getValue();
                if (p.dirty) {
                    toWrite.put(e.getKey(), p.bits.clone());
                    for (long l : p.groupLsn) {
                        maxLsn = Math.max(maxLsn, l);
                    }
                    p.dirty = false;
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (toWrite.isEmpty()) {
            return 0;
        }
        if (maxLsn != 0) {
            walFlush.accept(maxLsn);
        }
        List<Long> segments = new ArrayList<>();
        try {
            for (var e : toWrite.entrySet()) {
                long segNo = e.getKey() / PAGES_PER_SEGMENT;
                long offset = (e.getKey() % PAGES_PER_SEGMENT) * (long) PAGE_SIZE;
                if (!segments.contains(segNo)) {
                    segments.add(segNo);
                }
                try (FileChannel ch = FileChannel.open(segmentPath(segNo), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE)) {
                    ByteBuffer buf = ByteBuffer.wrap(e.getValue());
                    while (buf.hasRemaining()) {
                        ch.write(buf, offset + buf.position());
                    }
                }
            }
            for (long segNo : segments) {
                try (FileChannel ch = FileChannel.open(segmentPath(segNo), StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException ignored) {
                // Not every platform can fsync a directory; the segment files themselves are durable.
            }
        } catch (IOException e) {
            markDirtyAgain(toWrite.keySet());
            throw ioError("could not write to file \"" + dir + "\"", e);
        }
        return toWrite.size();
    }

    /** The file of segment {@code segNo} ({@code %04X}, wider when the number needs it). */
    public Path segmentPath(long segNo) {
        return dir.resolve(segmentName(segNo));
    }

    /** PostgreSQL's SLRU segment file name. */
    public static String segmentName(long segNo) {
        return String.format(Locale.ROOT, "%04X", segNo);
    }

    /** Number of pages cached (for tests and monitoring). */
    public int cachedPages() {
        return pages.size();
    }

    private void markDirtyAgain(Iterable<Long> pageNos) {
        lock.writeLock().lock();
        try {
            for (long p : pageNos) {
                pages.get(p).dirty = true;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private ClogPage page(long pageNo) {
        ClogPage p = pages.get(pageNo);
        return p != null ? p : pages.computeIfAbsent(pageNo, this::load);
    }

    /** SlruPhysicalReadPage; a page beyond the end of its file (or of a missing file) reads as zeros. */
    private ClogPage load(long pageNo) {
        ClogPage p = new ClogPage();
        Path file = segmentPath(pageNo / PAGES_PER_SEGMENT);
        long offset = (pageNo % PAGES_PER_SEGMENT) * (long) PAGE_SIZE;
        if (!Files.exists(file)) {
            return p;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() < offset + PAGE_SIZE) {
                return p;
            }
            ByteBuffer buf = ByteBuffer.wrap(p.bits);
            while (buf.hasRemaining()) {
                if (ch.read(buf, offset + buf.position()) < 0) {
                    throw new IOException("unexpected end of file");
                }
            }
        } catch (IOException e) {
            throw ioError("could not read from file \"" + file + "\" at offset " + offset, e);
        }
        return p;
    }

    private static int readBits(ClogPage page, long xid) {
        int idx = byteIndex(xid);
        return (page.bits[idx] >>> bitShift(xid)) & 3;
    }

    private static void writeBits(ClogPage page, long xid, XidStatus status, long lsn) {
        int idx = byteIndex(xid);
        int shift = bitShift(xid);
        page.bits[idx] = (byte) ((page.bits[idx] & ~(3 << shift)) | (status.code() << shift));
        int g = groupIndex(xid);
        if (lsn > page.groupLsn[g]) {
            page.groupLsn[g] = lsn;
        }
        page.dirty = true;
    }

    static long pageNo(long xid) {
        return xid / XACTS_PER_PAGE;
    }

    private static int byteIndex(long xid) {
        return (int) (xid % XACTS_PER_PAGE) / XACTS_PER_BYTE;
    }

    private static int bitShift(long xid) {
        return (int) (xid % XACTS_PER_BYTE) * BITS_PER_XACT;
    }

    private static int groupIndex(long xid) {
        return (int) (xid % XACTS_PER_PAGE) / XACTS_PER_LSN_GROUP;
    }

    private static TuskException ioError(String message, IOException e) {
        return new TuskException(SqlState.IO_ERROR, message + ": " + e.getMessage(), new UncheckedIOException(e));
    }

    @Override
    public String toString() {
        return "Clog[" + dir + ", pages=" + Arrays.toString(pages.keySet().toArray()) + "]";
    }
}
