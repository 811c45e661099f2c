/**
 * The heap access method (PostgreSQL's {@code access/heap}): tuple format, MVCC visibility, insert, update
 * (HOT when the new version fits on the same page), delete, sequential scan, and their WAL redo.
 *
 * <p>Invariants:
 * <ul>
 * <li>The WAL rule: a page is changed only under its exclusive content lock, and before that lock is
 *     released the change's WAL record is inserted, its end LSN stamped on the page (pd_lsn) and the buffer
 *     marked dirty. Redo re-applies a record only to a page whose LSN is below the record's end.</li>
 * <li>Hint bits are the only page changes made under a shared lock; they are never logged, and a
 *     "committed" hint is set only once the commit record is durable (see {@link
 *     dev.tusk.access.heap.HeapTupleVisibility}).</li>
 * <li>A version's xmax and ctid are set together: after an update the old version's ctid names the new one;
 *     a deleted (or live) version's ctid names itself. A heap-only tuple (HOT) lives on the same page as
 *     its predecessor, which carries HEAP_HOT_UPDATED, and has no index entry of its own.</li>
 * <li>Lock order: buffer content locks of one relation in ascending block number; no content lock is held
 *     while waiting for another transaction ({@code XactLockTable.waitFor}) or for WAL to be flushed.</li>
 * <li>A read-only transaction never writes a heap page except hint bits, and never writes WAL.</li>
 * </ul>
 */
package dev.tusk.access.heap;
