package dev.tusk.access.transam;

import static dev.tusk.access.transam.WalTestSupport.SMALL;
import static dev.tusk.access.transam.WalTestSupport.payload;
import static dev.tusk.access.transam.WalTestSupport.readAll;
import static dev.tusk.access.transam.WalTestSupport.record;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FullPageImageTest {
    private static final long START = 8;
    private static final RelFileLocator REL = RelFileLocator.of(5, 16384);
    private static final ValueLayout.OfLong LSN = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @TempDir
    Path walDir;

    /** A page full of pattern bytes, hole included, with the given header fields. */
    private static MemorySegment page(Arena arena, long lsn, int lower, int upper) {
        MemorySegment p = arena.allocate(8192);
        p.copyFrom(MemorySegment.ofArray(payload(42, 8192)));
        p.set(LSN, 0, lsn);
        p.set(U16, 14, (short) lower);
        p.set(U16, 16, (short) upper);
        return p;
    }

    private static XLogRecordBuilder change(MemorySegment page, int flags) {
        return new XLogRecordBuilder(RmgrId.HEAP, 0, 5).registerBlock(0, REL, ForkNumber.MAIN, 7, page, flags)
                .registerBlockData(0, new byte[] {1, 2, 3});
    }

    @Test
    void firstChangeAfterTheRedoPointerGetsAnImageWithItsHoleZeroed() {
        try (Arena arena = Arena.ofConfined(); XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            for (int i = 0; i < 20; i++) {
                wal.insert(record(i, payload(i, 50)));
            }
            MemorySegment p = page(arena, 100, 200, 6000);
            long e1 = wal.insert(change(p, 0)); // LSN 100 > redo 0: no image before a checkpoint
            p.set(LSN, 0, e1);
            long redo = wal.beginCheckpointRedo();
            assertEquals(wal.insertLsn(), redo);
            assertEquals(redo, wal.redoPointer());
            assertTrue(e1 <= redo);
            XLog.Inserted withImage = wal.insertWithBounds(change(p, 0)); // LSN <= redo: first change since
            assertEquals(redo, withImage.startLsn());
            p.set(LSN, 0, withImage.endLsn());
            wal.insert(change(p, 0)); // already logged with an image after the redo pointer

            byte[] expected = p.toArray(ValueLayout.JAVA_BYTE);
            expected[0] = 0; // restore the LSN the image was taken with
            MemorySegment.ofArray(expected).set(LSN, 0, e1);
            java.util.Arrays.fill(expected, 200, 6000, (byte) 0);

            wal.flushAll();
            List<XLogRecord> all = readAll(walDir, START);
            assertEquals(23, all.size());
            assertFalse(all.get(20).block(0).hasImage());
            XLogBlockRef img = all.get(21).block(0);
            assertTrue(img.hasImage());
            assertEquals(8192, img.pageImage().length);
            assertArrayEquals(expected, img.pageImage());
            assertArrayEquals(new byte[] {1, 2, 3}, img.data());
            assertFalse(all.get(22).block(0).hasImage());
            assertTrue(all.get(21).endLsn() - all.get(21).startLsn() < 8192 - 5000,
                    "the hole is left out of the record");
        }
    }

    @Test
    void flagsOverrideTheRedoRule() {
        try (Arena arena = Arena.ofConfined(); XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            wal.setRedoPointer(1_000_000);
            MemorySegment old = page(arena, 50, 0, 0); // no valid hole: whole page is stored
            MemorySegment fresh = page(arena, 2_000_000, 100, 200);
            wal.insert(change(old, XLogRecordBuilder.REGBUF_NO_IMAGE));
            wal.insert(change(old, XLogRecordBuilder.REGBUF_WILL_INIT));
            wal.insert(change(fresh, XLogRecordBuilder.REGBUF_FORCE_IMAGE));
            wal.insert(change(old, 0));
            wal.flushAll();
            List<XLogRecord> all = readAll(walDir, START);
            assertNull(all.get(0).block(0).pageImage());
            assertNull(all.get(1).block(0).pageImage());
            assertTrue(all.get(1).block(0).willInit());
            byte[] freshImage = fresh.toArray(ValueLayout.JAVA_BYTE);
            java.util.Arrays.fill(freshImage, 100, 200, (byte) 0);
            assertArrayEquals(freshImage, all.get(2).block(0).pageImage());
            assertArrayEquals(old.toArray(ValueLayout.JAVA_BYTE), all.get(3).block(0).pageImage());
        }
    }
}
