package dev.tusk.access.transam;

import static dev.tusk.access.transam.WalTestSupport.SEG;
import static dev.tusk.access.transam.WalTestSupport.SMALL;
import static dev.tusk.access.transam.WalTestSupport.payload;
import static dev.tusk.access.transam.WalTestSupport.readAll;
import static dev.tusk.access.transam.WalTestSupport.record;
import static dev.tusk.access.transam.WalTestSupport.segment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XLogReadWriteTest {
    private static final long START = 40;

    @TempDir
    Path walDir;

    /** Inserts {@code count} records of varied sizes; returns their bounds. */
    private List<XLog.Inserted> insertMany(XLog wal, int count, int maxLength, long seedBase) {
        Random rnd = new Random(seedBase);
        List<XLog.Inserted> bounds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = rnd.nextInt(maxLength + 1);
            bounds.add(wal.insertWithBounds(record(seedBase + i, payload(seedBase + i, length))));
        }
        return bounds;
    }

    private static void assertRecord(XLogRecord rec, XLog.Inserted at, long seed) {
        assertEquals(at.startLsn(), rec.startLsn());
        assertEquals(at.endLsn(), rec.endLsn());
        assertEquals(seed, rec.xid());
        assertEquals(RmgrId.HEAP, rec.rmid());
        assertEquals(0x20, rec.info());
        assertArrayEquals(payload(seed, rec.mainData().length), rec.mainData());
    }

    @Test
    void recordsOfVariedSizesRoundTripAcrossSegments() {
        List<XLog.Inserted> bounds;
        long end;
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            bounds = insertMany(wal, 1500, 2000, 1000);
            end = wal.flushAll();
            assertEquals(wal.insertLsn(), end);
        }
        assertTrue(bounds.stream().anyMatch(b -> b.startLsn() / SEG != (b.endLsn() - 1) / SEG),
                "some record must cross a segment boundary");
        assertTrue(end / SEG >= 10, "the test should span many segments");
        try (XLogReader r = new XLogReader(walDir, 1, SEG, START)) {
            for (int i = 0; i < bounds.size(); i++) {
                XLogRecord rec = r.next();
                assertRecord(rec, bounds.get(i), 1000 + i);
                assertEquals(0, rec.startLsn() % 8);
            }
            assertNull(r.next());
            assertEquals(end, r.endOfWal());
            assertTrue(r.endReason().contains("invalid record length"), r.endReason());
        }
    }

    @Test
    void readingStartsAtAnyRecordAndReadAtGivesExactlyOne() {
        List<XLog.Inserted> bounds;
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            bounds = insertMany(wal, 300, 1500, 7);
        }
        int k = 211;
        List<XLogRecord> tail = readAll(walDir, bounds.get(k).startLsn());
        assertEquals(bounds.size() - k, tail.size());
        for (int i = 0; i < tail.size(); i++) {
            assertRecord(tail.get(i), bounds.get(k + i), 7 + k + i);
        }
        try (XLogReader r = new XLogReader(walDir, 1, SEG, START)) {
            assertRecord(r.readAt(bounds.get(42).startLsn()), bounds.get(42), 7 + 42);
            assertRecord(r.next(), bounds.get(43), 7 + 43);
            WalException e = assertThrows(WalException.class, () -> r.readAt(bounds.get(42).startLsn() + 8));
            assertTrue(e.getMessage().contains(Lsn.format(bounds.get(42).startLsn() + 8)), e.getMessage());
        }
    }

    @Test
    void blockReferencesRoundTrip() {
        RelFileLocator rel = RelFileLocator.of(5, 16384);
        long end;
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            XLogRecordBuilder b = new XLogRecordBuilder(RmgrId.BTREE, 0x30, 77)
                    .registerBlock(3, rel, ForkNumber.FSM, 123456789L, null, XLogRecordBuilder.REGBUF_WILL_INIT)
                    .registerBlock(1, rel, ForkNumber.MAIN, 9, null, XLogRecordBuilder.REGBUF_NO_IMAGE)
                    .registerBlockData(1, new byte[] {1, 2}).registerBlockData(1, new byte[] {3})
                    .mainData(new byte[] {9, 8, 7});
            end = wal.insert(b);
        }
        XLogRecord rec = readAll(walDir, START).getFirst();
        assertEquals(end, rec.endLsn());
        assertEquals(List.of(1, 3), rec.blocks().stream().map(XLogBlockRef::id).toList());
        XLogBlockRef b1 = rec.block(1);
        assertEquals(rel, b1.rel());
        assertEquals(ForkNumber.MAIN, b1.fork());
        assertEquals(9, b1.blockNo());
        assertArrayEquals(new byte[] {1, 2, 3}, b1.data());
        assertFalse(b1.hasImage());
        assertFalse(b1.willInit());
        XLogBlockRef b3 = rec.block(3);
        assertEquals(ForkNumber.FSM, b3.fork());
        assertEquals(123456789L, b3.blockNo());
        assertTrue(b3.willInit());
        assertEquals(0, b3.data().length);
        assertArrayEquals(new byte[] {9, 8, 7}, rec.mainData());
    }

    @Test
    void corruptedByteInTheMiddleEndsTheWalThere() throws IOException {
        List<XLog.Inserted> bounds;
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            bounds = insertMany(wal, 200, 1000, 3);
        }
        XLog.Inserted victim = bounds.get(100);
        long at = victim.startLsn() + 40;
        if (victim.endLsn() - victim.startLsn() <= 48) {
            at = victim.startLsn() + 16; // the xid field: covered by the CRC too
        }
        byte[] old = WalTestSupport.readBytes(walDir, at, 1);
        WalTestSupport.overwrite(walDir, at, new byte[] {(byte) (old[0] ^ 0x5A)});
        try (XLogReader r = new XLogReader(walDir, 1, SEG, START)) {
            for (int i = 0; i < 100; i++) {
                assertRecord(r.next(), bounds.get(i), 3 + i);
            }
            assertNull(r.next());
            assertEquals(victim.startLsn(), r.endOfWal());
            assertTrue(r.endReason().contains("checksum"), r.endReason());
        }
    }

    @Test
    void tornLastRecordEndsTheWalAndReopenContinuesThere() throws IOException {
        List<XLog.Inserted> bounds;
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            bounds = insertMany(wal, 120, 1200, 11);
            // The torn record: only its first part reached the disk.
            bounds.add(wal.insertWithBounds(record(999, payload(999, 3000))));
        }
        XLog.Inserted torn = bounds.getLast();
        long cut = torn.startLsn() + 100;
        byte[] zeros = new byte[(int) Math.min(torn.endLsn() - cut, SEG - cut % SEG)];
        WalTestSupport.overwrite(walDir, cut, zeros);
        long endOfWal;
        try (XLogReader r = new XLogReader(walDir, 1, SEG, START)) {
            for (int i = 0; i < 120; i++) {
                assertRecord(r.next(), bounds.get(i), 11 + i);
            }
            assertNull(r.next());
            endOfWal = r.endOfWal();
        }
        assertEquals(torn.startLsn(), endOfWal);
        List<XLog.Inserted> more;
        try (XLog wal = XLog.open(walDir, 1, endOfWal, SMALL)) {
            assertEquals(endOfWal, wal.insertLsn());
            more = insertMany(wal, 50, 1200, 5000);
        }
        assertEquals(endOfWal, more.getFirst().startLsn());
        List<XLogRecord> all = readAll(walDir, START);
        assertEquals(170, all.size());
        for (int i = 0; i < 50; i++) {
            assertRecord(all.get(120 + i), more.get(i), 5000 + i);
        }
    }

    @Test
    void staleBytesAfterTheNewEndAreNeverReadAsRecords() {
        List<XLog.Inserted> bounds;
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            bounds = insertMany(wal, 400, 1000, 21);
        }
        // Pretend recovery ended at record 50 (later ones lost): re-insert the very same bytes lengths there.
        long restart = bounds.get(50).startLsn();
        try (XLog wal = XLog.open(walDir, 1, restart, SMALL)) {
            for (int i = 50; i < 60; i++) {
                int length = (int) (bounds.get(i).endLsn() - bounds.get(i).startLsn()) - 32;
                wal.insert(record(70_000 + i, payload(70_000 + i, Math.max(0, length))));
            }
        }
        List<XLogRecord> all = readAll(walDir, START);
        assertEquals(60, all.size(), "records of the older run after the restart point must not come back");
        assertEquals(70_059, all.getLast().xid());
    }

    @Test
    void missingMiddleSegmentIsAnError() throws IOException {
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            insertMany(wal, 400, 2000, 5);
            assertTrue(wal.insertLsn() / SEG >= 5);
        }
        Files.delete(segment(walDir, 2));
        String name = walDir.getFileName() + "/" + XLog.segmentFileName(1, 2, SEG);
        WalException e = assertThrows(WalException.class, () -> readAll(walDir, START));
        assertEquals("could not open WAL segment \"" + name + "\": No such file or directory", e.getMessage());
        // Asking to start inside the missing segment is an error too.
        WalException e2 = assertThrows(WalException.class, () -> readAll(walDir, 2L * SEG + 8));
        assertTrue(e2.getMessage().contains(name), e2.getMessage());
    }

    @Test
    void recordCutOffByTheEndOfTheLastSegmentIsTheEndOfWal() throws IOException {
        List<XLog.Inserted> bounds = new ArrayList<>();
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            for (int i = 0; ; i++) {
                XLog.Inserted at = wal.insertWithBounds(record(i, payload(i, 700)));
                bounds.add(at);
                if (at.startLsn() / SEG == 2 && (at.endLsn() - 1) / SEG == 3) {
                    break; // this record runs from segment 2 into segment 3
                }
            }
        }
        Files.delete(segment(walDir, 3));
        try (XLogReader r = new XLogReader(walDir, 1, SEG, START)) {
            for (int i = 0; i < bounds.size() - 1; i++) {
                assertRecord(r.next(), bounds.get(i), i);
            }
            assertNull(r.next());
            assertEquals(bounds.getLast().startLsn(), r.endOfWal());
            assertTrue(r.endReason().contains("continues past the end of WAL"), r.endReason());
        }
    }

    @Test
    void shortSegmentIsAnError() throws IOException {
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            insertMany(wal, 200, 2000, 5);
            assertTrue(wal.insertLsn() / SEG >= 3);
        }
        try (FileChannel ch = FileChannel.open(segment(walDir, 1), StandardOpenOption.WRITE)) {
            ch.truncate(SEG / 2);
        }
        WalException e = assertThrows(WalException.class, () -> readAll(walDir, START));
        assertEquals("WAL segment \"" + walDir.getFileName() + "/" + XLog.segmentFileName(1, 1, SEG)
                + "\" has size " + SEG / 2 + ", expected " + SEG, e.getMessage());
    }

    @Test
    void segmentsAreCreatedAtFullSize() throws IOException {
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            wal.insert(record(1, payload(1, 10)));
        }
        assertEquals(SEG, Files.size(segment(walDir, 0)));
    }

    @Test
    void removeSegmentsBeforeDeletesWholeOldSegmentsOnly() {
        long keepFrom;
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            insertMany(wal, 400, 2000, 5);
            wal.flushAll();
            assertTrue(wal.insertLsn() / SEG >= 5);
            keepFrom = 3L * SEG + 100;
            assertEquals(3, wal.removeSegmentsBefore(keepFrom));
            assertEquals(0, wal.removeSegmentsBefore(keepFrom));
            // Never the segment being written, even when asked for everything.
            wal.removeSegmentsBefore(Long.MAX_VALUE / 2);
            assertTrue(Files.exists(segment(walDir, wal.insertLsn() / SEG)));
            wal.insert(record(1, payload(1, 100)));
        }
        assertFalse(Files.exists(segment(walDir, 0)));
        assertFalse(Files.exists(segment(walDir, 2)));
    }

    @Test
    void removeKeepsTheSegmentHoldingKeepFrom() {
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            insertMany(wal, 400, 2000, 5);
            wal.flushAll();
            assertEquals(2, wal.removeSegmentsBefore(2L * SEG));
            assertFalse(Files.exists(segment(walDir, 1)));
            assertTrue(Files.exists(segment(walDir, 2)));
        }
    }
}
