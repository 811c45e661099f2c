/**
 * Off-heap memory (the role of PostgreSQL's {@code ShmemAlloc} for the large shared areas).
 *
 * <p>Invariants:
 * <ul>
 * <li>All off-heap memory Tusk takes goes through {@code OffHeapAllocator}, tagged by purpose, so that
 *     {@code allocatedBytes()} is exact and tests can assert it returns to zero (no leaks).</li>
 * <li>Each allocation has its own shared {@code Arena}: zeroed, 4096-aligned, accessible from every thread, and
 *     really released by {@code free}; after {@code free} any access fails instead of touching freed memory.</li>
 * <li>The owner that allocates (buffer pool, WAL buffers) frees in its {@code close()}.</li>
 * </ul>
 */
package dev.tusk.utils.memory;
