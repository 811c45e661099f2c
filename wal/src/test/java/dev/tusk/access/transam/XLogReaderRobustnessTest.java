package dev.tusk.access.transam;

import static dev.tusk.access.transam.WalTestSupport.SEG;
import static dev.tusk.access.transam.WalTestSupport.SMALL;
import static dev.tusk.access.transam.WalTestSupport.payload;
import static dev.tusk.access.transam.WalTestSupport.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader facing damaged WAL: garbage must end the WAL cheaply, never cost memory it describes. */
class XLogReaderRobustnessTest {
    private static final long START = 40;

    @TempDir
    Path walDir;

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private List<XLog.Inserted> insertSome(int n) {
        List<XLog.Inserted> bounds = new ArrayList<>();
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            for (int i = 0; i < n; i++) {
                bounds.add(wal.insertWithBounds(record(100 + i, payload(i, 300 + 37 * i))));
            }
        }
        return bounds;
    }

    /**
     * A damaged length field (its start LSN still intact, as when only the length's high bits flip) claiming a
     * record of nearly 1 GB must end the WAL without allocating that gigabyte first (PostgreSQL checks the
     * header before allocating, in ValidXLogRecordHeader / allocate_recordbuf).
     */
    @Test
    void hugeGarbageLengthEndsTheWalWithoutAllocatingIt() throws IOException {
        List<XLog.Inserted> bounds = insertSome(20);
        XLog.Inserted victim = bounds.get(10);
        WalTestSupport.overwrite(walDir, victim.startLsn(), le32(0x3FFF_FFF0));
        try (XLogReader r = new XLogReader(walDir, 1, SEG, START)) {
            for (int i = 0; i < 10; i++) {
                assertNotNull(r.next());
            }
            long before = allocatedByThisThread();
            assertNull(r.next());
            long allocated = allocatedByThisThread() - before;
            assertTrue(allocated < 16L * 1024 * 1024, "reading a garbage header allocated " + allocated + " bytes");
            assertEquals(victim.startLsn(), r.endOfWal());
            assertNotNull(r.endReason());
        }
    }

    /** A length that disagrees with the record's own block and data lengths is garbage, whatever the CRC. */
    @Test
    void lengthDisagreeingWithTheRecordLayoutEndsTheWal() throws IOException {
        List<XLog.Inserted> bounds = new ArrayList<>();
        RelFileLocator rel = RelFileLocator.of(5, 16384);
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            for (int i = 0; i < 6; i++) {
                bounds.add(wal.insertWithBounds(new XLogRecordBuilder(RmgrId.HEAP, 0x10, 7)
                        .registerBlock(0, rel, ForkNumber.MAIN, i, null, XLogRecordBuilder.REGBUF_NO_IMAGE)
                        .registerBlockData(0, payload(i, 50)).mainData(payload(i + 1, 20))));
            }
        }
        XLog.Inserted victim = bounds.get(3);
        int realLength = 32 + 36 + 50 + 20; // header, one block header, block data, main data
        WalTestSupport.overwrite(walDir, victim.startLsn(), le32(realLength + 4096));
        try (XLogReader r = new XLogReader(walDir, 1, SEG, START)) {
            for (int i = 0; i < 3; i++) {
                assertNotNull(r.next());
            }
            assertNull(r.next());
            assertEquals(victim.startLsn(), r.endOfWal());
            assertTrue(r.endReason().contains("invalid record length"), r.endReason());
        }
    }
}
