package dev.tusk.storage.buffer;

import static dev.tusk.storage.buffer.BufferTestSupport.LONG;
import static dev.tusk.storage.buffer.BufferTestSupport.OFF_BLOCK;
import static dev.tusk.storage.buffer.BufferTestSupport.OFF_COUNTER;
import static dev.tusk.storage.buffer.BufferTestSupport.REL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.page.Page;
import dev.tusk.storage.page.PageChecksum;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BufferPoolTest {
    @TempDir
    Path dir;

    private static final WalFlusher NO_WAL = upTo -> { };

    @Test
    void relationTenTimesThePoolIsWrittenAndReadBack() {
        try (BufferTestSupport s = new BufferTestSupport(dir, 16, NO_WAL)) {
            s.createRelation(REL, 160, 1000);
            assertEquals(160, s.pool.nblocks(REL, ForkNumber.MAIN));
            for (int pass = 0; pass < 2; pass++) {
                for (long blk = 0; blk < 160; blk++) {
                    int b = s.pool.readBuffer(REL, ForkNumber.MAIN, blk);
                    s.pool.lockShared(b);
                    MemorySegment page = s.pool.page(b);
                    assertEquals(blk, page.get(LONG, OFF_BLOCK));
                    assertEquals(1000 + blk, Page.lsn(page));
                    s.pool.unlockAndRelease(b);
                }
            }
            assertEquals(s.pool.dirtyBuffers(), s.pool.flushAll());
            assertEquals(0, s.pool.dirtyBuffers());
            assertEquals(160, s.smgr.nblocks(REL, ForkNumber.MAIN));
        }
        // A fresh pool reads everything back from disk, verifying every checksum.
        try (BufferTestSupport s = new BufferTestSupport(dir, 16, NO_WAL)) {
            for (long blk = 159; blk >= 0; blk--) {
                int b = s.pool.readBuffer(REL, ForkNumber.MAIN, blk);
                assertEquals(blk, s.pool.page(b).get(LONG, OFF_BLOCK));
                s.pool.release(b);
            }
        }
    }

    @Test
    void hitsReturnTheSameBufferAndPinsNest() {
        try (BufferTestSupport s = new BufferTestSupport(dir, 8, NO_WAL)) {
            s.createRelation(REL, 3, 1);
            int a = s.pool.readBuffer(REL, ForkNumber.MAIN, 1);
            int b = s.pool.readBuffer(REL, ForkNumber.MAIN, 1);
            assertEquals(a, b);
            assertEquals(new BufferTag(REL, ForkNumber.MAIN, 1), s.pool.tag(a));
            s.pool.release(a);
            s.pool.release(b);
            assertThrows(IllegalStateException.class, () -> s.pool.release(a), "no pin left");
            assertThrows(IllegalStateException.class, () -> s.pool.lockShared(a), "locking needs a pin");
        }
    }

    @Test
    void pinnedBuffersAreNeverEvicted() {
        try (BufferTestSupport s = new BufferTestSupport(dir, 4, NO_WAL)) {
            s.createRelation(REL, 8, 1);
            int[] pinned = new int[4];
            for (int i = 0; i < 4; i++) {
                pinned[i] = s.pool.readBuffer(REL, ForkNumber.MAIN, i);
            }
            TuskException e = assertThrows(TuskException.class, () -> s.pool.readBuffer(REL, ForkNumber.MAIN, 5));
            assertEquals(SqlState.INSUFFICIENT_RESOURCES, e.sqlState());
            assertEquals("no unpinned buffers available", e.getMessage());
            for (int i = 0; i < 4; i++) {
                assertEquals(i, s.pool.blockNumber(pinned[i]), "pinned buffers kept their blocks");
                assertEquals(i, s.pool.page(pinned[i]).get(LONG, OFF_BLOCK));
            }
            s.pool.release(pinned[2]);
            int b = s.pool.readBuffer(REL, ForkNumber.MAIN, 5);
            assertEquals(pinned[2], b, "the only unpinned buffer is the victim");
            assertEquals(5, s.pool.page(b).get(LONG, OFF_BLOCK));
            s.pool.release(b);
            for (int i : new int[] {0, 1, 3}) {
                s.pool.release(pinned[i]);
            }
        }
    }

    @Test
    void walIsFlushedUpToThePageLsnBeforeEveryWrite() throws Exception {
        AtomicLong flushedUpTo = new AtomicLong();
        ConcurrentSkipListSet<Long> flushRequests = new ConcurrentSkipListSet<>();
        WalFlusher wal = upTo -> {
            flushRequests.add(upTo);
            flushedUpTo.accumulateAndGet(upTo, Math::max);
        };
        try (BufferTestSupport s = new BufferTestSupport(dir, 4, wal)) {
            // 12 pages with rising LSNs through a 4-buffer pool: evictions write pages along the way.
            s.smgr.create(REL, ForkNumber.MAIN, false);
            for (int i = 0; i < 12; i++) {
                int b = s.pool.extend(REL, ForkNumber.MAIN);
                Page.init(s.pool.page(b), BufferTestSupport.SPECIAL);
                Page.setLsn(s.pool.page(b), 5000 + 100L * i);
                s.pool.markDirty(b);
                s.pool.unlockAndRelease(b);
                assertEveryPageOnDiskCoveredByWal(s, flushedUpTo.get(), i + 1);
            }
            assertTrue(flushRequests.size() >= 8, "evictions wrote pages: " + flushRequests);
            s.pool.flushAll();
            assertEveryPageOnDiskCoveredByWal(s, flushedUpTo.get(), 12);
            for (int i = 0; i < 12; i++) {
                assertTrue(flushRequests.contains(5000 + 100L * i), "flush(" + (5000 + 100L * i) + ") requested");
            }
        }
    }

    private void assertEveryPageOnDiskCoveredByWal(BufferTestSupport s, long flushed, int nblocks) throws Exception {
        MemorySegment page = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
        for (long blk = 0; blk < nblocks; blk++) {
            s.smgr.read(REL, ForkNumber.MAIN, blk, page);
            assertTrue(Page.lsn(page) <= flushed, "block " + blk + " reached disk with LSN " + Page.lsn(page)
                    + " before WAL was flushed past " + flushed);
            assertTrue(PageChecksum.verify(page, blk), "checksum set on write");
        }
    }

    @Test
    void corruptedBlockIsDetectedOnRead() throws Exception {
        try (BufferTestSupport s = new BufferTestSupport(dir, 8, NO_WAL)) {
            s.createRelation(REL, 12, 1);
            s.pool.flushAll();
        }
        // Flip one byte of block 9 (in segment 1 with 8-block segments).
        Path seg1 = dir.resolve("base/5/16384.1");
        try (FileChannel ch = FileChannel.open(seg1, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long pos = (long) Page.BLCKSZ + 4000;
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, pos);
            one.flip();
            one.put(0, (byte) (one.get(0) ^ 0x40));
            ch.write(one, pos);
        }
        try (BufferTestSupport s = new BufferTestSupport(dir, 8, NO_WAL)) {
            for (int attempt = 0; attempt < 2; attempt++) { // a failed read leaves no half-valid buffer behind
                TuskException e = assertThrows(TuskException.class, () -> s.pool.readBuffer(REL, ForkNumber.MAIN, 9));
                assertEquals(SqlState.DATA_CORRUPTED, e.sqlState());
                assertEquals("XX001", e.sqlState().code());
                assertEquals("invalid page in block 9 of relation base/5/16384", e.getMessage());
            }
            int b = s.pool.readBuffer(REL, ForkNumber.MAIN, 8);
            assertEquals(8, s.pool.page(b).get(LONG, OFF_BLOCK), "neighbours are fine");
            s.pool.release(b);
            TuskException past = assertThrows(TuskException.class, () -> s.pool.readBuffer(REL, ForkNumber.MAIN, 40));
            assertEquals(SqlState.DATA_CORRUPTED, past.sqlState());
            assertEquals("could not read block 40 in file \"base/5/16384.5\": read only 0 of 8192 bytes",
                    past.getMessage());
        }
    }

    @Test
    void corruptedForkIsNamedWithItsSuffix() throws Exception {
        try (BufferTestSupport s = new BufferTestSupport(dir, 8, NO_WAL)) {
            s.smgr.create(REL, ForkNumber.FSM, false);
            MemorySegment garbage = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
            Page.init(garbage, 0);
            PageChecksum.set(garbage, 0); // right checksum, wrong block: written to block 1
            s.smgr.extend(REL, ForkNumber.FSM, 1, garbage);
            TuskException e = assertThrows(TuskException.class, () -> s.pool.readBuffer(REL, ForkNumber.FSM, 1));
            assertEquals("invalid page in block 1 of relation base/5/16384_fsm", e.getMessage());
            int zero = s.pool.readBuffer(REL, ForkNumber.FSM, 0);
            assertTrue(Page.isNew(s.pool.page(zero)), "an all-zero block is valid");
            s.pool.release(zero);
        }
    }

    @Test
    void readModesZeroAndLockAndExtendOnMiss() throws Exception {
        try (BufferTestSupport s = new BufferTestSupport(dir, 8, NO_WAL)) {
            RelFileLocator rel = RelFileLocator.of(5, 20000);
            // Redo of a relation that does not exist yet: the fork is created and zero-extended.
            int b = s.pool.readBuffer(rel, ForkNumber.MAIN, 5, BufferPool.ReadMode.EXTEND_ON_MISS);
            assertTrue(Page.isNew(s.pool.page(b)));
            assertEquals(6, s.pool.nblocks(rel, ForkNumber.MAIN));
            assertEquals(6, s.smgr.nblocks(rel, ForkNumber.MAIN));
            s.pool.release(b);
            int z = s.pool.readBuffer(rel, ForkNumber.MAIN, 9, BufferPool.ReadMode.ZERO_AND_LOCK);
            assertFalse(otherThreadCanLock(s.pool, z), "returned exclusively locked");
            assertEquals(10, s.pool.nblocks(rel, ForkNumber.MAIN));
            Page.init(s.pool.page(z), 0);
            Page.setLsn(s.pool.page(z), 77);
            s.pool.markDirty(z);
            s.pool.unlockAndRelease(z);
            assertEquals(1, s.pool.flushAll());
            int again = s.pool.readBuffer(rel, ForkNumber.MAIN, 3, BufferPool.ReadMode.NORMAL);
            assertTrue(Page.isNew(s.pool.page(again)));
            s.pool.release(again);
        }
    }

    private static boolean otherThreadCanLock(BufferPool pool, int buffer) throws InterruptedException {
        boolean[] got = new boolean[1];
        Thread t = new Thread(() -> {
            got[0] = pool.tryLockExclusive(buffer);
            if (got[0]) {
                pool.unlock(buffer);
            }
        });
        t.start();
        t.join();
        return got[0];
    }

    @Test
    void hintBitsUnderSharedLockDirtyTheBufferAndLocksExclude() throws Exception {
        try (BufferTestSupport s = new BufferTestSupport(dir, 8, NO_WAL)) {
            s.createRelation(REL, 2, 1);
            assertEquals(2, s.pool.flushAll());
            int b = s.pool.readBuffer(REL, ForkNumber.MAIN, 1);
            s.pool.lockShared(b);
            assertFalse(otherThreadCanLock(s.pool, b), "shared lock excludes an exclusive one");
            Page.setFlags(s.pool.page(b), Page.PD_ALL_VISIBLE);
            s.pool.markDirtyHint(b);
            s.pool.unlock(b);
            assertTrue(otherThreadCanLock(s.pool, b));
            assertTrue(s.pool.tryLockExclusive(b));
            s.pool.unlockAndRelease(b);
            assertEquals(1, s.pool.dirtyBuffers());
            assertEquals(1, s.pool.flushAll());
            s.pool.dropRelationBuffers(REL, ForkNumber.MAIN, 0);
            int again = s.pool.readBuffer(REL, ForkNumber.MAIN, 1);
            assertEquals(Page.PD_ALL_VISIBLE, Page.flags(s.pool.page(again)), "hint reached disk, checksum valid");
            s.pool.release(again);
        }
    }

    @Test
    void bgWriterWritesOnlyUnpinnedDirtyBuffers() {
        try (BufferTestSupport s = new BufferTestSupport(dir, 16, NO_WAL)) {
            s.createRelation(REL, 10, 1);
            assertEquals(10, s.pool.dirtyBuffers());
            int pinned = s.pool.readBuffer(REL, ForkNumber.MAIN, 4);
            assertEquals(3, s.pool.bgWriterSweep(3));
            assertEquals(7, s.pool.dirtyBuffers());
            assertEquals(6, s.pool.bgWriterSweep(100), "the pinned one is skipped");
            assertEquals(1, s.pool.dirtyBuffers());
            s.pool.release(pinned);
            assertEquals(1, s.pool.bgWriterSweep(100));
            assertEquals(0, s.pool.flushAll());
        }
    }

    @Test
    void dropRelationBuffersForgetsWithoutWriting() {
        try (BufferTestSupport s = new BufferTestSupport(dir, 16, NO_WAL)) {
            s.createRelation(REL, 6, 1);
            s.pool.flushAll();
            for (long blk = 0; blk < 6; blk++) {
                int b = s.pool.readBuffer(REL, ForkNumber.MAIN, blk);
                s.pool.lockExclusive(b);
                s.pool.page(b).set(LONG, OFF_COUNTER, 99);
                s.pool.markDirty(b);
                s.pool.unlockAndRelease(b);
            }
            s.pool.dropRelationBuffers(REL, ForkNumber.MAIN, 3);
            assertEquals(3, s.pool.dirtyBuffers());
            s.pool.flushAll();
            List<Long> counters = new ArrayList<>();
            for (long blk = 0; blk < 6; blk++) {
                int b = s.pool.readBuffer(REL, ForkNumber.MAIN, blk);
                counters.add(BufferTestSupport.counter(s.pool.page(b)));
                s.pool.release(b);
            }
            assertEquals(List.of(99L, 99L, 99L, 0L, 0L, 0L), counters);
            s.pool.truncate(REL, ForkNumber.MAIN, 2);
            assertEquals(2, s.pool.nblocks(REL, ForkNumber.MAIN));
            assertEquals(2, s.smgr.nblocks(REL, ForkNumber.MAIN));
            int b = s.pool.extend(REL, ForkNumber.MAIN);
            assertEquals(2, s.pool.blockNumber(b));
            assertTrue(Page.isNew(s.pool.page(b)), "no stale buffer of the old block 2 survives");
            s.pool.unlockAndRelease(b);
        }
    }

    @Test
    void closeFreesMemoryEvenWithDirtyBuffersAndRejectsPins() {
        BufferTestSupport s = new BufferTestSupport(dir, 8, NO_WAL);
        s.createRelation(REL, 4, 1);
        assertEquals(8L * Page.BLCKSZ, s.allocator.allocatedBytes());
        int b = s.pool.readBuffer(REL, ForkNumber.MAIN, 0);
        assertThrows(IllegalStateException.class, s.pool::close, "closing with a pin is an error");
        assertEquals(0, s.allocator.allocatedBytes(), "memory is freed all the same");
        assertThrows(IllegalStateException.class, () -> s.pool.page(b).get(LONG, 0), "frames are gone");
        s.smgr.close();
        assertEquals(0, s.smgr.openFiles());
    }
}
