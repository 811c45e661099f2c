package dev.tusk.utils.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OffHeapAllocatorTest {
    @Test
    void allocationsAreZeroedAlignedAndCountedPerTag() {
        OffHeapAllocator a = new OffHeapAllocator();
        MemorySegment s1 = a.allocate(OffHeapAllocator.Tag.BUFFER_POOL, 3 * 8192);
        MemorySegment s2 = a.allocate(OffHeapAllocator.Tag.WAL_BUFFERS, 1000);
        assertEquals(0, s1.address() % OffHeapAllocator.ALIGNMENT);
        assertEquals(0, s2.address() % OffHeapAllocator.ALIGNMENT);
        assertEquals(3 * 8192 + 1000, a.allocatedBytes());
        assertEquals(3 * 8192, a.allocatedBytes(OffHeapAllocator.Tag.BUFFER_POOL));
        assertEquals(1000, a.allocatedBytes(OffHeapAllocator.Tag.WAL_BUFFERS));
        assertEquals(0, a.allocatedBytes(OffHeapAllocator.Tag.OTHER));
        for (long off = 0; off < s1.byteSize(); off += 8) {
            assertEquals(0L, s1.get(ValueLayout.JAVA_LONG, off));
        }
        a.free(s1);
        assertEquals(1000, a.allocatedBytes());
        a.free(s2);
        assertEquals(0, a.allocatedBytes());
    }

    @Test
    void freedMemoryCannotBeTouchedOrFreedTwice() {
        OffHeapAllocator a = new OffHeapAllocator();
        MemorySegment s = a.allocate(OffHeapAllocator.Tag.OTHER, 64);
        s.set(ValueLayout.JAVA_INT, 0, 42);
        a.free(s);
        assertThrows(IllegalStateException.class, () -> s.get(ValueLayout.JAVA_INT, 0));
        assertThrows(IllegalArgumentException.class, () -> a.free(s));
        assertThrows(IllegalArgumentException.class, () -> a.allocate(OffHeapAllocator.Tag.OTHER, 0));
    }

    @Test
    void sharedSegmentsWorkAcrossThreadsAndCountsStayExact() throws Exception {
        OffHeapAllocator a = new OffHeapAllocator();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        MemorySegment s = a.allocate(OffHeapAllocator.Tag.OTHER, 4096);
                        s.set(ValueLayout.JAVA_LONG, 8, i);
                        a.free(s);
                    }
                }));
            }
            MemorySegment shared = a.allocate(OffHeapAllocator.Tag.BUFFER_POOL, 8192);
            pool.submit(() -> shared.set(ValueLayout.JAVA_LONG, 0, 7L)).get();
            assertEquals(7L, shared.get(ValueLayout.JAVA_LONG, 0));
            for (Future<?> f : futures) {
                f.get();
            }
            assertEquals(8192, a.allocatedBytes());
            a.free(shared);
            assertEquals(0, a.allocatedBytes());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void globalIsASingleton() {
        assertEquals(OffHeapAllocator.global(), OffHeapAllocator.global());
    }
}
