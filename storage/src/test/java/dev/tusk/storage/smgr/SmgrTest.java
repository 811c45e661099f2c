package dev.tusk.storage.smgr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.page.Page;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmgrTest {
    private static final RelFileLocator REL = RelFileLocator.of(5, 16384);
    private static final int SEG = 4;

    @TempDir
    Path dir;

    private static MemorySegment block(long marker) {
        MemorySegment b = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
        b.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, marker);
        b.set(ValueLayout.JAVA_LONG_UNALIGNED, Page.BLCKSZ - 8, ~marker);
        return b;
    }

    private static long readMarker(Smgr smgr, RelFileLocator rel, ForkNumber fork, long blockNo) {
        MemorySegment b = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
        smgr.read(rel, fork, blockNo, b);
        assertEquals(~b.get(ValueLayout.JAVA_LONG_UNALIGNED, 0), b.get(ValueLayout.JAVA_LONG_UNALIGNED, Page.BLCKSZ - 8));
        return b.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
    }

    @Test
    void filesFollowPostgresNaming() {
        try (Smgr smgr = new Smgr(dir)) {
            assertEquals(dir.resolve("base/5/16384"), smgr.segmentPath(REL, ForkNumber.MAIN, 0));
            assertEquals(dir.resolve("base/5/16384_fsm.2"), smgr.segmentPath(REL, ForkNumber.FSM, 2));
            assertEquals(dir.resolve("base/5/16384_vm"), smgr.segmentPath(REL, ForkNumber.VISIBILITYMAP, 0));
            RelFileLocator shared = new RelFileLocator(RelFileLocator.GLOBALTABLESPACE_OID, 0, 1262);
            assertEquals(dir.resolve("global/1262"), smgr.segmentPath(shared, ForkNumber.MAIN, 0));
            smgr.create(shared, ForkNumber.MAIN, false);
            assertTrue(Files.exists(dir.resolve("global/1262")));
        }
    }

    @Test
    void extendAcrossSegmentsThenReopenAndReadBack() throws Exception {
        try (Smgr smgr = new Smgr(dir, SEG)) {
            smgr.create(REL, ForkNumber.MAIN, false);
            assertTrue(smgr.exists(REL, ForkNumber.MAIN));
            assertFalse(smgr.exists(REL, ForkNumber.FSM));
            assertEquals(0, smgr.nblocks(REL, ForkNumber.MAIN));
            for (long b = 0; b < 10; b++) {
                smgr.extend(REL, ForkNumber.MAIN, b, block(1000 + b));
            }
            assertEquals(10, smgr.nblocks(REL, ForkNumber.MAIN));
            assertEquals(SEG * Page.BLCKSZ, Files.size(dir.resolve("base/5/16384")));
            assertEquals(SEG * Page.BLCKSZ, Files.size(dir.resolve("base/5/16384.1")));
            assertEquals(2 * Page.BLCKSZ, Files.size(dir.resolve("base/5/16384.2")));
            smgr.write(REL, ForkNumber.MAIN, 5, block(55));
            assertEquals(3, smgr.syncAll(), "three segment files were written");
            assertEquals(0, smgr.syncAll(), "nothing written since");
            assertEquals(3, smgr.openFiles());
        }
        try (Smgr smgr = new Smgr(dir, SEG)) {
            assertEquals(0, smgr.openFiles());
            assertEquals(10, smgr.nblocks(REL, ForkNumber.MAIN));
            for (long b = 0; b < 10; b++) {
                assertEquals(b == 5 ? 55 : 1000 + b, readMarker(smgr, REL, ForkNumber.MAIN, b));
            }
            smgr.close();
            assertEquals(0, smgr.openFiles());
        }
    }

    @Test
    void extendPastEndZeroFillsTheGap() {
        try (Smgr smgr = new Smgr(dir, SEG)) {
            smgr.create(REL, ForkNumber.FSM, false);
            smgr.extend(REL, ForkNumber.FSM, 6, block(6));
            assertEquals(7, smgr.nblocks(REL, ForkNumber.FSM));
            MemorySegment b = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
            b.fill((byte) 1);
            smgr.read(REL, ForkNumber.FSM, 4, b);
            assertEquals(-1, b.mismatch(MemorySegment.ofArray(new byte[Page.BLCKSZ])), "gap block is zeros");
            assertEquals(6, readMarker(smgr, REL, ForkNumber.FSM, 6));
        }
    }

    @Test
    void readingPastTheEndIsAnErrorWithPostgresWording() {
        try (Smgr smgr = new Smgr(dir, SEG)) {
            smgr.create(REL, ForkNumber.MAIN, false);
            smgr.extend(REL, ForkNumber.MAIN, 0, block(1));
            MemorySegment b = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
            TuskException e = assertThrows(TuskException.class, () -> smgr.read(REL, ForkNumber.MAIN, 1, b));
            assertEquals(SqlState.DATA_CORRUPTED, e.sqlState());
            assertEquals("could not read block 1 in file \"base/5/16384\": read only 0 of 8192 bytes", e.getMessage());
            e = assertThrows(TuskException.class, () -> smgr.read(REL, ForkNumber.MAIN, 9, b));
            assertEquals("could not read block 9 in file \"base/5/16384.2\": read only 0 of 8192 bytes", e.getMessage());
            e = assertThrows(TuskException.class, () -> smgr.nblocks(REL, ForkNumber.VISIBILITYMAP));
            assertEquals(SqlState.UNDEFINED_FILE, e.sqlState());
            e = assertThrows(TuskException.class, () -> smgr.create(REL, ForkNumber.MAIN, false));
            assertEquals(SqlState.DUPLICATE_FILE, e.sqlState());
            smgr.create(REL, ForkNumber.MAIN, true); // redo tolerates an existing file
        }
    }

    @Test
    void truncateRemovesLaterSegments() throws Exception {
        try (Smgr smgr = new Smgr(dir, SEG)) {
            smgr.create(REL, ForkNumber.MAIN, false);
            smgr.extend(REL, ForkNumber.MAIN, 10, block(10));
            assertEquals(11, smgr.nblocks(REL, ForkNumber.MAIN));
            smgr.truncate(REL, ForkNumber.MAIN, 6);
            assertEquals(6, smgr.nblocks(REL, ForkNumber.MAIN));
            assertFalse(Files.exists(dir.resolve("base/5/16384.2")));
            assertEquals(2 * Page.BLCKSZ, Files.size(dir.resolve("base/5/16384.1")));
            smgr.truncate(REL, ForkNumber.MAIN, 4);
            assertEquals(4, smgr.nblocks(REL, ForkNumber.MAIN));
            assertFalse(Files.exists(dir.resolve("base/5/16384.1")));
            TuskException e = assertThrows(TuskException.class, () -> smgr.truncate(REL, ForkNumber.MAIN, 9));
            assertTrue(e.getMessage().contains("it's only 4 blocks now"), e.getMessage());
            smgr.truncate(REL, ForkNumber.MAIN, 0);
            assertEquals(0, smgr.nblocks(REL, ForkNumber.MAIN));
            assertTrue(smgr.exists(REL, ForkNumber.MAIN), "segment 0 stays, empty");
            smgr.extend(REL, ForkNumber.MAIN, 0, block(77));
            assertEquals(77, readMarker(smgr, REL, ForkNumber.MAIN, 0));
        }
    }

    @Test
    void unlinkRemovesEveryForkAndSegmentAndClosesFiles() {
        try (Smgr smgr = new Smgr(dir, SEG)) {
            smgr.create(REL, ForkNumber.MAIN, false);
            smgr.create(REL, ForkNumber.FSM, false);
            smgr.extend(REL, ForkNumber.MAIN, 9, block(9));
            smgr.extend(REL, ForkNumber.FSM, 0, block(0));
            RelFileLocator other = RelFileLocator.of(5, 16385);
            smgr.create(other, ForkNumber.MAIN, false);
            smgr.unlink(REL);
            assertFalse(smgr.exists(REL, ForkNumber.MAIN));
            assertFalse(smgr.exists(REL, ForkNumber.FSM));
            assertFalse(Files.exists(dir.resolve("base/5/16384.1")));
            assertTrue(smgr.exists(other, ForkNumber.MAIN));
            assertEquals(1, smgr.openFiles(), "only the other relation's file stays open");
            assertEquals(0, smgr.syncAll(), "nothing pending: removed files are forgotten, create alone is not a write");
        }
    }

    @Test
    void concurrentWritersOnDistinctBlocksAndExtenders() throws Exception {
        try (Smgr smgr = new Smgr(dir, SEG)) {
            smgr.create(REL, ForkNumber.MAIN, false);
            smgr.extend(REL, ForkNumber.MAIN, 15, block(0));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    fs.add(pool.submit(() -> {
                        for (int i = 0; i < 4; i++) {
                            long b = thread * 4L + i;
                            smgr.write(REL, ForkNumber.MAIN, b, block(b * 3));
                            smgr.extend(REL, ForkNumber.MAIN, 16 + b, block(b * 7));
                        }
                    }));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(32, smgr.nblocks(REL, ForkNumber.MAIN));
            for (long b = 0; b < 16; b++) {
                assertEquals(b * 3, readMarker(smgr, REL, ForkNumber.MAIN, b));
                assertEquals(b * 7, readMarker(smgr, REL, ForkNumber.MAIN, 16 + b));
            }
        }
    }

    @Test
    void interruptedThreadDoesNotBreakTheSharedChannel() throws Exception {
        try (Smgr smgr = new Smgr(dir, SEG)) {
            smgr.create(REL, ForkNumber.MAIN, false);
            smgr.extend(REL, ForkNumber.MAIN, 0, block(5));
            AtomicReference<Throwable> seen = new AtomicReference<>();
            Thread t = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    smgr.write(REL, ForkNumber.MAIN, 0, block(6));
                } catch (Throwable e) {
                    seen.set(e);
                }
            });
            t.start();
            t.join();
            assertTrue(seen.get() instanceof TuskException te && te.sqlState() == SqlState.IO_ERROR, "" + seen.get());
            assertEquals(5, readMarker(smgr, REL, ForkNumber.MAIN, 0), "other threads reopen and go on");
        }
    }
}
