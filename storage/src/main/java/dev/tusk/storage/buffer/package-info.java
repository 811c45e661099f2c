/**
 * Shared buffers (PostgreSQL's {@code storage/buffer}: {@code bufmgr.c}, {@code buf_table.c},
 * {@code freelist.c}, {@code buf_init.c}).
 *
 * <p>Invariants:
 * <ul>
 * <li><b>Pin before lock.</b> A page may be looked at only while its buffer is pinned, and the content lock
 *     (shared or exclusive) is taken only on a pinned buffer. A pinned buffer is never evicted or retagged:
 *     its tag changes only under the header lock with a pin count of exactly one (the evictor's own).</li>
 * <li><b>Lock order.</b> header lock (a spin bit in the state word, held for a few instructions, never while
 *     blocking) &lt; mapping table bin (inside {@code ConcurrentHashMap}) — nothing else is taken while holding
 *     either. A fork's extension lock is held around the file extension and the pinning and exclusive locking
 *     of the new block, which nobody else can know of before the new size is published; eviction under it
 *     only tries victims' content locks (never waits), so the extension lock may be requested while holding
 *     content locks. Truncation, which drops buffers under it, needs the relation otherwise unused
 *     (AccessExclusiveLock). Content locks of several buffers are taken in the access method's order (left to
 *     right, parent before child). A write takes the shared content lock before claiming IO_IN_PROGRESS, so an
 *     I/O in progress never waits for a content lock.</li>
 * <li><b>Checkpoints.</b> {@code flushAll} also waits for writes already in progress (their dirty flag is
 *     cleared when they start), so every page dirty when it began is on disk when it returns.</li>
 * <li><b>WAL rule.</b> A page is modified under the exclusive content lock, its LSN is set to the end of the
 *     WAL record describing the change, and only then is the buffer marked dirty. {@code BufferWriter} calls
 *     {@code WalFlusher.flush(pageLsn)} before handing the page to the storage manager, so the log always
 *     reaches disk before the data it describes.</li>
 * <li><b>Checksums.</b> Computed at write time on a private copy of the frame (taken under the shared content
 *     lock), never on the shared frame; verified whenever a block is read from disk. All-zero pages carry no
 *     checksum and are valid. A verification failure is SQLSTATE XX001
 *     {@code invalid page in block N of relation base/D/R[_fork]} and leaves no valid buffer behind.</li>
 * <li><b>One buffer per block.</b> The mapping table holds at most one buffer per tag; two threads missing on
 *     the same block share the buffer the first one inserted (the second waits for its read).</li>
 * <li><b>Sizes.</b> Every block in the pool exists in the file: extension writes the zero block at once, so
 *     {@code BufferPool.nblocks} (cached per fork) and the file agree; truncation goes through
 *     {@code BufferPool.truncate} (drop buffers, then shrink the file).</li>
 * <li>The frames are one off-heap segment from {@code OffHeapAllocator} (tag BUFFER_POOL), freed by
 *     {@code BufferPool.close()}, which does not write dirty buffers (a checkpoint does).</li>
 * </ul>
 */
package dev.tusk.storage.buffer;
