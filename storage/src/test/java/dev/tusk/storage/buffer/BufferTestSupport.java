package dev.tusk.storage.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.page.Page;
import dev.tusk.storage.smgr.Smgr;
import dev.tusk.utils.memory.OffHeapAllocator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** A pool on a real data directory with a private allocator, plus page helpers shared by the buffer tests. */
final class BufferTestSupport implements AutoCloseable {
    static final RelFileLocator REL = RelFileLocator.of(5, 16384);
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** Where the tests keep their payload: the special space of a page initialised with 16 bytes of it. */
    static final int SPECIAL = 16;
    static final long OFF_BLOCK = Page.BLCKSZ - SPECIAL;
    static final long OFF_COUNTER = Page.BLCKSZ - 8;

    final OffHeapAllocator allocator = new OffHeapAllocator();
    final Smgr smgr;
    final BufferPool pool;

    BufferTestSupport(Path dir, int nBuffers, WalFlusher wal) {
        smgr = new Smgr(dir, 8); // small segments: every relation here spans several files
        pool = new BufferPool(nBuffers, smgr, wal, allocator);
    }

    /** Creates the relation and extends it by {@code n} initialised pages carrying their block number. */
    void createRelation(RelFileLocator rel, int n, long lsnBase) {
        smgr.create(rel, ForkNumber.MAIN, false);
        for (int i = 0; i < n; i++) {
            int b = pool.extend(rel, ForkNumber.MAIN);
            assertEquals(i, pool.blockNumber(b));
            MemorySegment page = pool.page(b);
            Page.init(page, SPECIAL);
            page.set(LONG, OFF_BLOCK, i);
            Page.setLsn(page, lsnBase + i);
            pool.markDirty(b);
            pool.unlockAndRelease(b);
        }
    }

    static long counter(MemorySegment page) {
        return page.get(LONG, OFF_COUNTER);
    }

    /** Closes the pool and the smgr and asserts that neither leaked (memory, pins, files). */
    @Override
    public void close() {
        assertEquals(0, pool.pinnedBuffers(), "pins leaked");
        pool.close();
        smgr.close();
        assertEquals(0, allocator.allocatedBytes(), "off-heap memory leaked");
        assertEquals(0, smgr.openFiles(), "files left open");
    }
}
