package dev.tusk.access.transam;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers of the WAL tests: deterministic payloads and poking at segment bytes. */
final class WalTestSupport {
    static final int SEG = 64 * 1024;
    static final XLog.Options SMALL = new XLog.Options(SEG, 32 * 1024);

    private WalTestSupport() {
    }

    /** Bytes determined by {@code seed}, so a reader can check content without keeping copies. */
    static byte[] payload(long seed, int length) {
        byte[] b = new byte[length];
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        for (int i = 0; i < length; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            b[i] = (byte) x;
        }
        return b;
    }

    static XLogRecordBuilder record(long xid, byte[] main) {
        return new XLogRecordBuilder(RmgrId.HEAP, 0x20, xid).mainData(main);
    }

    static List<XLogRecord> readAll(Path walDir, long start) {
        return readAll(walDir, SEG, start);
    }

    static List<XLogRecord> readAll(Path walDir, int segmentSize, long start) {
        List<XLogRecord> out = new ArrayList<>();
        try (XLogReader r = new XLogReader(walDir, 1, segmentSize, start)) {
            XLogRecord rec;
            while ((rec = r.next()) != null) {
                out.add(rec);
            }
        }
        return out;
    }

    static Path segment(Path walDir, long segNo) {
        return walDir.resolve(XLog.segmentFileName(1, segNo, SEG));
    }

    /** Overwrites WAL bytes at {@code lsn} directly in the segment file, as a torn or corrupted write would. */
    static void overwrite(Path walDir, long lsn, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(segment(walDir, lsn / SEG), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes), lsn % SEG);
            ch.force(false);
        }
    }

    static byte[] readBytes(Path walDir, long lsn, int length) throws IOException {
        try (FileChannel ch = FileChannel.open(segment(walDir, lsn / SEG), StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(length);
            ch.read(b, lsn % SEG);
            return b.array();
        }
    }
}
