package dev.tusk.storage.smgr;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.page.Page;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The storage manager (PostgreSQL's {@code smgr.c} + {@code md.c}): relation forks as files
 * {@code base/<db>/<relfilenode>[_fsm|_vm][.N]} (or {@code global/<relfilenode>...}) in segments of
 * {@link #RELSEG_SIZE} 8 KB blocks (1 GB), segment 0 without a suffix.
 *
 * <ul>
 * <li>Thread-safe. Per fork, a read/write lock orders operations: block reads and writes share it, while
 *     {@link #extend}, {@link #truncate}, {@link #create} and {@link #unlink} take it exclusively, so a
 *     zero-fill of a gap never overwrites a concurrent write and no channel is closed under a reader.</li>
 * <li>Open {@link FileChannel}s are cached per segment and closed by {@link #truncate}, {@link #unlink} and
 *     {@link #close()} ({@link #openFiles()} lets tests assert that nothing leaks). A channel closed because
 *     some other thread was interrupted during its I/O is reopened transparently.</li>
 * <li>{@link #write}, {@link #extend} and {@link #truncate} remember the segment as needing fsync;
 *     {@link #syncAll()} forces each such file once (the checkpointer calls it after writing dirty buffers)
 *     and forgets it.</li>
 * <li>Reading a block beyond the end of the fork is an error (SQLSTATE XX001, md.c's "read only 0 of 8192
 *     bytes"); {@link #extend} writes at or past {@code nblocks}, filling any gap with zero pages, so that
 *     every segment but the last is always exactly full.</li>
 * </ul>
 */
public final class Smgr implements AutoCloseable {
    /** Blocks per 1 GB segment file (RELSEG_SIZE). */
    public static final int RELSEG_SIZE = 131072;

    private static final MemorySegment ZERO_PAGE = MemorySegment.ofArray(new byte[Page.BLCKSZ]).asReadOnly();

    private record ForkKey(RelFileLocator rel, ForkNumber fork) {
    }

    private record SegKey(RelFileLocator rel, ForkNumber fork, int segNo) {
    }

    /** One positional transfer on a channel; returns bytes moved (-1 at EOF for reads). */
    @FunctionalInterface
    private interface ChannelOp {
        int apply(FileChannel ch) throws IOException;
    }

    private final Path dataDir;
    private final int blocksPerSegment;
    private final Map<SegKey, FileChannel> channels = new ConcurrentHashMap<>();
    private final Map<ForkKey, ReentrantReadWriteLock> forkLocks = new ConcurrentHashMap<>();
    private final Set<SegKey> pendingSync = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public Smgr(Path dataDir) {
        this(dataDir, RELSEG_SIZE);
    }

    /** A storage manager with smaller segments, so that tests can cross segment boundaries cheaply. */
    public Smgr(Path dataDir, int blocksPerSegment) {
        if (blocksPerSegment <= 0) {
            throw new IllegalArgumentException("blocksPerSegment must be positive");
        }
        this.dataDir = dataDir;
        this.blocksPerSegment = blocksPerSegment;
    }

    public int blocksPerSegment() {
        return blocksPerSegment;
    }

    /** smgrcreate / mdcreate: creates an empty fork file (no error if it exists when {@code isRedo}). */
    public void create(RelFileLocator rel, ForkNumber fork, boolean isRedo) {
        Lock lock = exclusive(rel, fork);
        try {
            SegKey key = new SegKey(rel, fork, 0);
            Path path = segmentPath(rel, fork, 0);
            if (isRedo && Files.exists(path)) {
                return;
            }
            try {
                Files.createDirectories(path.getParent());
                FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                cache(key, ch);
            } catch (IOException e) {
                throw SmgrErrors.createFailed(relativeName(key), e);
            }
        } finally {
            lock.unlock();
        }
    }

    /** smgrexists. */
    public boolean exists(RelFileLocator rel, ForkNumber fork) {
        checkOpen();
        return Files.exists(segmentPath(rel, fork, 0));
    }

    /** smgrnblocks / mdnblocks: the fork must exist. */
    public long nblocks(RelFileLocator rel, ForkNumber fork) {
        Lock lock = shared(rel, fork);
        try {
            return nblocksLocked(rel, fork);
        } finally {
            lock.unlock();
        }
    }

    private long nblocksLocked(RelFileLocator rel, ForkNumber fork) {
        for (int seg = 0;; seg++) {
            SegKey key = new SegKey(rel, fork, seg);
            long blocks;
            try {
                FileChannel ch = channel(key, false);
                if (ch == null) {
                    if (seg == 0) {
                        throw SmgrErrors.openFailed(relativeName(key), new NoSuchFileException(relativeName(key)));
                    }
                    return (long) seg * blocksPerSegment;
                }
                blocks = sizeOf(key, ch) / Page.BLCKSZ;
            } catch (IOException e) {
                throw SmgrErrors.openFailed(relativeName(key), e);
            }
            if (blocks < blocksPerSegment) {
                return (long) seg * blocksPerSegment + blocks;
            }
        }
    }

    /** smgrread / mdread into {@code dst} (8192 bytes); a block beyond the end is an error. */
    public void read(RelFileLocator rel, ForkNumber fork, long blockNo, MemorySegment dst) {
        Lock lock = shared(rel, fork);
        try {
            SegKey key = segKeyOf(rel, fork, blockNo);
            long pos = offsetInSegment(blockNo);
            ByteBuffer buf = dst.asSlice(0, Page.BLCKSZ).asByteBuffer();
            try {
                if (channel(key, false) == null) {
                    throw SmgrErrors.shortRead(blockNo, relativeName(key), 0);
                }
                while (buf.hasRemaining()) {
                    int n = io(key, false, ch -> ch.read(buf, pos + buf.position()));
                    if (n < 0) {
                        throw SmgrErrors.shortRead(blockNo, relativeName(key), buf.position());
                    }
                }
            } catch (IOException e) {
                throw SmgrErrors.readFailed(blockNo, relativeName(key), e);
            }
        } finally {
            lock.unlock();
        }
    }

    /** smgrwrite / mdwrite of an existing block (its segment file must exist). */
    public void write(RelFileLocator rel, ForkNumber fork, long blockNo, MemorySegment src) {
        Lock lock = shared(rel, fork);
        try {
            writeBlock(segKeyOf(rel, fork, blockNo), blockNo, src, false);
        } finally {
            lock.unlock();
        }
    }

    /** smgrextend / mdextend: writes block {@code blockNo} at or past the current end, zero-filling any gap. */
    public void extend(RelFileLocator rel, ForkNumber fork, long blockNo, MemorySegment src) {
        Lock lock = exclusive(rel, fork);
        try {
            for (long b = nblocksLocked(rel, fork); b < blockNo; b++) {
                writeBlock(segKeyOf(rel, fork, b), b, ZERO_PAGE, true);
            }
            writeBlock(segKeyOf(rel, fork, blockNo), blockNo, src, true);
        } finally {
            lock.unlock();
        }
    }

    private void writeBlock(SegKey key, long blockNo, MemorySegment src, boolean create) {
        long pos = offsetInSegment(blockNo);
        ByteBuffer buf = src.asSlice(0, Page.BLCKSZ).asByteBuffer();
        try {
            if (channel(key, create) == null) {
                throw new NoSuchFileException(relativeName(key));
            }
            while (buf.hasRemaining()) {
                io(key, create, ch -> ch.write(buf, pos + buf.position()));
            }
        } catch (IOException e) {
            throw SmgrErrors.writeFailed(blockNo, relativeName(key), e);
        }
        pendingSync.add(key);
    }

    /** smgrtruncate / mdtruncate to {@code nblocks} blocks, removing whole later segment files. */
    public void truncate(RelFileLocator rel, ForkNumber fork, long nblocks) {
        Lock lock = exclusive(rel, fork);
        try {
            long current = nblocksLocked(rel, fork);
            if (nblocks > current) {
                throw SmgrErrors.truncateBeyondEnd(relativeName(new SegKey(rel, fork, 0)), nblocks, current);
            }
            int lastSeg = (int) (current / blocksPerSegment);
            for (int seg = lastSeg; seg >= 0; seg--) {
                SegKey key = new SegKey(rel, fork, seg);
                long start = (long) seg * blocksPerSegment;
                if (seg > 0 && start >= nblocks) {
                    removeSegment(key);
                } else if (nblocks - start < blocksPerSegment) {
                    try {
                        FileChannel ch = channel(key, false);
                        if (ch != null) {
                            ch.truncate((nblocks - start) * Page.BLCKSZ);
                            pendingSync.add(key);
                        }
                    } catch (IOException e) {
                        throw SmgrErrors.truncateFailed(relativeName(key), nblocks, e);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** smgrunlink / mdunlink: removes all forks and segments of the relation. */
    public void unlink(RelFileLocator rel) {
        for (ForkNumber fork : ForkNumber.values()) {
            Lock lock = exclusive(rel, fork);
            try {
                for (int seg = 0; Files.exists(segmentPath(rel, fork, seg)) || channels.containsKey(
                        new SegKey(rel, fork, seg)); seg++) {
                    removeSegment(new SegKey(rel, fork, seg));
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private void removeSegment(SegKey key) {
        closeChannel(key);
        pendingSync.remove(key);
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw SmgrErrors.removeFailed(relativeName(key), e);
        }
    }

    /** mdsyncfiletag for every segment written since the last call; returns how many files were synced. */
    public int syncAll() {
        checkOpen();
        List<SegKey> todo = new ArrayList<>(pendingSync);
        int synced = 0;
        for (SegKey key : todo) {
            // Forget first: a write racing with the fsync re-registers the file for the next call.
            pendingSync.remove(key);
            Lock lock = shared(key.rel(), key.fork());
            try {
                if (channel(key, false) != null) {
                    io(key, false, ch -> {
                        ch.force(true);
                        return 0;
                    });
                    synced++;
                }
            } catch (IOException e) {
                pendingSync.add(key);
                throw SmgrErrors.fsyncFailed(relativeName(key), e);
            } finally {
                lock.unlock();
            }
        }
        return synced;
    }

    /** Number of open file handles (for leak assertions). */
    public int openFiles() {
        return channels.size();
    }

    /** Path of segment {@code segNo} of a fork. */
    public Path segmentPath(RelFileLocator rel, ForkNumber fork, int segNo) {
        return dataDir.resolve(relativeName(new SegKey(rel, fork, segNo)));
    }

    /** Closes every cached file; the storage manager is unusable afterwards. */
    @Override
    public void close() {
        closed = true;
        for (SegKey key : List.copyOf(channels.keySet())) {
            closeChannel(key);
        }
    }

    // ---- helpers ----

    private SegKey segKeyOf(RelFileLocator rel, ForkNumber fork, long blockNo) {
        if (blockNo < 0) {
            throw new IllegalArgumentException("negative block number " + blockNo);
        }
        return new SegKey(rel, fork, (int) (blockNo / blocksPerSegment));
    }

    private long offsetInSegment(long blockNo) {
        return (blockNo % blocksPerSegment) * Page.BLCKSZ;
    }

    private Path path(SegKey key) {
        return dataDir.resolve(relativeName(key));
    }

    /** relpath + segment suffix, as PostgreSQL prints it in messages (relative to the data directory). */
    private static String relativeName(SegKey key) {
        String base = key.rel().toString() + key.fork().fileSuffix();
        return key.segNo() == 0 ? base : base + "." + key.segNo();
    }

    /** The cached channel of a segment, opening it if needed; null when the file does not exist and !create. */
    private FileChannel channel(SegKey key, boolean create) throws IOException {
        checkOpen();
        FileChannel ch = channels.get(key);
        if (ch != null && ch.isOpen()) {
            return ch;
        }
        if (ch != null) {
            channels.remove(key, ch);
        }
        Path p = path(key);
        FileChannel opened;
        try {
            opened = create
                    ? FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
                    : FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return null;
        }
        return cache(key, opened);
    }

    private FileChannel cache(SegKey key, FileChannel opened) {
        FileChannel raced = channels.putIfAbsent(key, opened);
        if (raced != null && raced.isOpen()) {
            closeQuietly(opened);
            return raced;
        }
        if (raced != null) {
            channels.replace(key, raced, opened);
        }
        return opened;
    }

    /**
     * Runs one channel operation. FileChannel is interruptible: an interrupt of ANY thread during its I/O closes
     * the channel for all. The interrupted thread gets its error; the others reopen the file and retry.
     */
    private int io(SegKey key, boolean create, ChannelOp op) throws IOException {
        for (int attempt = 0;; attempt++) {
            FileChannel ch = channel(key, create);
            if (ch == null) {
                throw new NoSuchFileException(relativeName(key));
            }
            try {
                return op.apply(ch);
            } catch (ClosedByInterruptException e) {
                channels.remove(key, ch);
                throw e;
            } catch (ClosedChannelException e) {
                channels.remove(key, ch);
                if (attempt >= 3 || closed) {
                    throw e;
                }
            }
        }
    }

    private long sizeOf(SegKey key, FileChannel ch) throws IOException {
        try {
            return ch.size();
        } catch (ClosedChannelException e) {
            channels.remove(key, ch);
            FileChannel again = channel(key, false);
            return again == null ? 0 : again.size();
        }
    }

    private void closeChannel(SegKey key) {
        FileChannel ch = channels.remove(key);
        if (ch != null) {
            closeQuietly(ch);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // Nothing was written through a failed close that is not already in the page cache or reported.
        }
    }

    private Lock shared(RelFileLocator rel, ForkNumber fork) {
        checkOpen();
        Lock l = forkLock(rel, fork).readLock();
        l.lock();
        return l;
    }

    private Lock exclusive(RelFileLocator rel, ForkNumber fork) {
        checkOpen();
        Lock l = forkLock(rel, fork).writeLock();
        l.lock();
        return l;
    }

    private ReentrantReadWriteLock forkLock(RelFileLocator rel, ForkNumber fork) {
        return forkLocks.computeIfAbsent(new ForkKey(rel, fork), k -> new ReentrantReadWriteLock());
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("storage manager is closed");
        }
    }
}
