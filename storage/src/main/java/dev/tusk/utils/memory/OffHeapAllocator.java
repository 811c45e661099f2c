package dev.tusk.utils.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way Tusk takes off-heap memory (the role of PostgreSQL's {@code ShmemAlloc} for the big shared
 * areas): every allocation is tagged and counted so that tests can assert that nothing leaks (QuestDB's
 * {@code assertMemoryLeak} idea).
 *
 * <p>Each allocation gets its own shared {@link Arena} ({@code Arena.ofShared()}): the memory is zeroed,
 * 4096-aligned, usable from any thread, and really returned to the OS by {@link #free}. After {@code free}
 * the segment is dead: any access throws {@link IllegalStateException} instead of touching freed memory.
 * {@link #allocatedBytes()} is the live total, also per {@link Tag}.
 */
public final class OffHeapAllocator {
    /** What an allocation is for. */
    public enum Tag { BUFFER_POOL, WAL_BUFFERS, OTHER }

    /** Alignment of every allocation: a page of the OS, so frames suit direct I/O. */
    public static final long ALIGNMENT = 4096;

    private static final OffHeapAllocator GLOBAL = new OffHeapAllocator();

    private record Allocation(Tag tag, Arena arena, long bytes) {
    }

    /** Live allocations keyed by base address (an arena's segment address is unique while it lives). */
    private final Map<Long, Allocation> live = new ConcurrentHashMap<>();
    private final AtomicLong[] bytesByTag = new AtomicLong[Tag.values().length];

    /** A private allocator (tests that want an exact leak count of their own); most code uses {@link #global()}. */
    public OffHeapAllocator() {
        for (int i = 0; i < bytesByTag.length; i++) {
            bytesByTag[i] = new AtomicLong();
        }
    }

    /** The process-wide allocator. */
    public static OffHeapAllocator global() {
        return GLOBAL;
    }

    /** Zeroed, {@link #ALIGNMENT}-aligned memory of {@code bytes} bytes, owned until {@link #free}. */
    public MemorySegment allocate(Tag tag, long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("allocation size must be positive: " + bytes);
        }
        Arena arena = Arena.ofShared();
        MemorySegment segment;
        try {
            segment = arena.allocate(bytes, ALIGNMENT);
        } catch (OutOfMemoryError | RuntimeException e) {
            arena.close();
            throw e;
        }
        live.put(segment.address(), new Allocation(tag, arena, bytes));
        bytesByTag[tag.ordinal()].addAndGet(bytes);
        return segment;
    }

    /** Releases a segment returned by {@link #allocate}; freeing twice or a foreign segment is an error. */
    public void free(MemorySegment segment) {
        Allocation a = live.remove(segment.address());
        if (a == null) {
            throw new IllegalArgumentException("segment at 0x" + Long.toHexString(segment.address())
                    + " was not allocated here or is already freed");
        }
        bytesByTag[a.tag().ordinal()].addAndGet(-a.bytes());
        a.arena().close();
    }

    public long allocatedBytes() {
        long sum = 0;
        for (AtomicLong b : bytesByTag) {
            sum += b.get();
        }
        return sum;
    }

    public long allocatedBytes(Tag tag) {
        return bytesByTag[tag.ordinal()].get();
    }
}
