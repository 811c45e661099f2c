package dev.tusk.utils.memory;

import java.lang.foreign.MemorySegment;

/**
 * The one way Tusk takes off-heap memory: every allocation is tagged and counted so that tests can assert
 * that nothing leaks (QuestDB's {@code assertMemoryLeak} idea).
 *
 * <p>API CONTRACT (stub; implemented with the buffer pool work item): {@link #allocate} returns zeroed,
 * 4096-aligned memory from a shared {@code Arena}-like owner; {@link #free} releases it; {@link #allocatedBytes()}
 * is the live total, also per tag.
 */
public final class OffHeapAllocator {
    /** What an allocation is for. */
    public enum Tag { BUFFER_POOL, WAL_BUFFERS, OTHER }

    /** The process-wide allocator. */
    public static OffHeapAllocator global() {
        throw new UnsupportedOperationException("OffHeapAllocator not implemented yet");
    }

    public MemorySegment allocate(Tag tag, long bytes) {
        throw new UnsupportedOperationException();
    }

    public void free(MemorySegment segment) {
        throw new UnsupportedOperationException();
    }

    public long allocatedBytes() {
        throw new UnsupportedOperationException();
    }

    public long allocatedBytes(Tag tag) {
        throw new UnsupportedOperationException();
    }
}
