package dev.tusk.access.transam;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Naming, creating, opening and removing the segment files of one timeline under {@code pg_wal/}
 * (PostgreSQL's {@code XLogFileName}, {@code XLogFileInit}, {@code XLogFileOpen}, {@code RemoveOldXlogFiles}).
 *
 * <p>A segment comes into existence only at its full size: it is built as a temporary file, sized, fsynced
 * and then renamed into place, so a segment file shorter than the segment size is always corruption.
 * Space is reserved by extending the file (reads as zeros), like PostgreSQL with {@code wal_init_zero = off}.
 */
final class XLogSegmentFiles {
    private static final int ZERO_CHUNK = 64 * 1024;

    private final Path walDir;
    private final int timeline;
    private final int segmentSize;

    XLogSegmentFiles(Path walDir, int timeline, int segmentSize) {
        checkSegmentSize(segmentSize);
        this.walDir = walDir;
        this.timeline = timeline;
        this.segmentSize = segmentSize;
    }

    /**
     * PostgreSQL wants a power of two from 1 MB to 1 GB; smaller powers of two (from 4 KB) are allowed so
     * tests can cross many segment boundaries cheaply.
     */
    static void checkSegmentSize(int size) {
        if (size < 4096 || size > (1 << 30) || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("WAL segment size must be a power of two between 4kB and 1GB: " + size);
        }
    }

    Path walDir() {
        return walDir;
    }

    int segmentSize() {
        return segmentSize;
    }

    long segNo(long lsn) {
        return lsn / segmentSize;
    }

    long segStart(long segNo) {
        return segNo * segmentSize;
    }

    String fileName(long segNo) {
        return XLog.segmentFileName(timeline, segNo, segmentSize);
    }

    Path path(long segNo) {
        return walDir.resolve(fileName(segNo));
    }

    /** How messages name a segment: relative to the data directory, e.g. {@code pg_wal/0000000100...}. */
    String displayName(long segNo) {
        Path dirName = walDir.getFileName();
        return (dirName == null ? "" : dirName + "/") + fileName(segNo);
    }

    /** XLogFileInit: a new zero-reading segment at full size, replacing any stale file of that name. */
    FileChannel create(long segNo) {
        Path tmp = walDir.resolve("xlogtemp." + ProcessHandle.current().pid() + "." + Thread.currentThread().threadId());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                // Writing the last byte gives the file its full length; the rest reads as zeros.
                ch.write(ByteBuffer.allocate(1), segmentSize - 1L);
                ch.force(true);
            }
            Files.move(tmp, path(segNo), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
            return FileChannel.open(path(segNo), StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp); // no half-made temp file left behind in pg_wal
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw WalErrors.segmentIo("create", displayName(segNo), e);
        }
    }

    /**
     * Opens the segment that holds {@code insertFrom} for writing, keeping what is before it and zeroing
     * everything from it to the segment end, so that no stale record survives behind the new insert position.
     */
    FileChannel openForContinue(long insertFrom) {
        long segNo = segNo(insertFrom);
        int offset = (int) (insertFrom - segStart(segNo));
        if (offset == 0 || !Files.exists(path(segNo))) {
            return create(segNo);
        }
        try {
            FileChannel ch = FileChannel.open(path(segNo), StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                ByteBuffer zeros = ByteBuffer.allocate(ZERO_CHUNK);
                for (long pos = offset; pos < segmentSize; pos += ZERO_CHUNK) {
                    zeros.clear().limit((int) Math.min(ZERO_CHUNK, segmentSize - pos));
                    long at = pos;
                    while (zeros.hasRemaining()) {
                        at += ch.write(zeros, at);
                    }
                }
                if (ch.size() > segmentSize) {
                    ch.truncate(segmentSize);
                }
                ch.force(true);
                return ch;
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (IOException e) {
            throw WalErrors.segmentIo("open", displayName(segNo), e);
        }
    }

    /** Segment numbers of this timeline present in the directory, ascending. */
    List<Long> existingSegments() {
        List<Long> result = new ArrayList<>();
        for (String name : segmentNames()) {
            if (Integer.parseUnsignedInt(name.substring(0, 8), 16) == timeline) {
                result.add(parseSegNo(name));
            }
        }
        result.sort(null);
        return result;
    }

    /** Whether a segment of this timeline after {@code segNo} exists (then a missing one is a gap). */
    boolean laterSegmentExists(long segNo) {
        for (long s : existingSegments()) {
            if (s > segNo) {
                return true;
            }
        }
        return false;
    }

    /** Deletes segments of this timeline after {@code segNo}: they lie beyond the end of valid WAL. */
    void removeAfter(long segNo) {
        boolean removed = false;
        for (long s : existingSegments()) {
            if (s > segNo) {
                delete(s, fileName(s));
                removed = true;
            }
        }
        if (removed) {
            // Durable before new WAL is written: a deletion lost in a crash would bring stale records back
            // right behind the new ones once the new WAL reaches a segment end.
            syncDirectory();
        }
    }

    /**
     * RemoveOldXlogFiles: deletes segments (of any timeline, compared by segment number as PostgreSQL does)
     * whose segment number is below {@code firstKept}; returns how many.
     */
    int removeBefore(long firstKept) {
        int removed = 0;
        for (String name : segmentNames()) {
            long s = parseSegNo(name);
            if (s < firstKept) {
                delete(s, name);
                removed++;
            }
        }
        if (removed > 0) {
            syncDirectory();
        }
        return removed;
    }

    private void delete(long segNo, String name) {
        try {
            Files.deleteIfExists(walDir.resolve(name));
        } catch (IOException e) {
            throw WalErrors.segmentIo("remove", displayName(segNo), e);
        }
    }

    private long parseSegNo(String name) {
        long segmentsPerId = 0x100000000L / segmentSize;
        return Long.parseUnsignedLong(name.substring(8, 16), 16) * segmentsPerId
                + Long.parseUnsignedLong(name.substring(16, 24), 16);
    }

    private List<String> segmentNames() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(walDir)) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (isSegmentName(name)) {
                    names.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            return names;
        } catch (IOException e) {
            throw WalErrors.walDirIo("read", walDir, e);
        }
        return names;
    }

    static boolean isSegmentName(String name) {
        if (name.length() != 24) {
            return false;
        }
        for (int i = 0; i < 24; i++) {
            char c = name.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /** Makes creations, renames and deletions in pg_wal durable (PostgreSQL's fsync_fname on the directory). */
    void syncDirectory() {
        try (FileChannel dir = FileChannel.open(walDir, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            throw WalErrors.walDirIo("fsync", walDir, e);
        }
    }
}
