/**
 * The B-tree index access method (PostgreSQL's {@code src/backend/access/nbtree}): a Lehman and Yao
 * B-link tree on 8 KB buffer-pool pages of the index's MAIN fork.
 *
 * <h2>Layout</h2>
 * Block 0 is the metapage ({@link dev.tusk.access.nbtree.BTMetaPage}: magic, version, root, level). Every
 * other page is a slotted page with a 16-byte special space ({@link dev.tusk.access.nbtree.BTPageOpaque}:
 * left-link, right-link, level, flags). Leaves are level 0. Tuples are
 * {@link dev.tusk.access.nbtree.IndexTuple}s: leaf tuples carry key values and a heap TID; pivot tuples
 * (high keys and downlinks) carry all key values, with a heap TID only when it is needed to separate equal
 * keys, or nothing at all (minus infinity). Heap TIDs travel as {@code long}s packed by
 * {@link dev.tusk.access.heap.ItemPointer#packed()} ({@code block << 16 | offset}), so they order with
 * {@link java.lang.Long#compare}.
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li><b>Unique keys.</b> The heap TID is the last key column (PostgreSQL 12's heapkeyspace), so no two
 *     leaf tuples compare equal: duplicates of the user key are ordered by TID, an insertion has exactly one
 *     place to go, and VACUUM can find any entry by its full key.</li>
 * <li><b>High key.</b> Every page but the rightmost of its level has a high key at offset 1 (P_HIKEY): an
 *     upper bound (inclusive) of the page's items and a strict lower bound of everything to its right. It is
 *     the separator of the split that made the right sibling: the first right item's keys, with the last
 *     left item's heap TID when their keys tie and no TID otherwise (PostgreSQL's {@code _bt_truncate}).
 *     Data items start at {@code P_FIRSTDATAKEY} (1 on rightmost pages, else 2).</li>
 * <li><b>Downlinks.</b> On an internal page the first data item is minus infinity (only its downlink
 *     matters); item i's key is a strict lower bound of its child's subtree, and the child's high key equals
 *     item i+1's key (or the parent's high key for the last item), except during a split that has not yet
 *     reached the parent: its left half carries BTP_INCOMPLETE_SPLIT until the downlink insertion (same WAL
 *     record) clears it, and inserters finish such a split before using the page.</li>
 * <li><b>Right-links are never lost.</b> A split writes the left half back into the original block, so a
 *     page only ever loses keys to its right, and every key is reachable from any page to its left at
 *     the same level. Pages are never deleted. The leftmost page of each level never moves.</li>
 * </ul>
 *
 * <h2>Locking</h2>
 * Content locks are buffer-pool latches. A descent holds one page at a time (it releases the parent before
 * locking the child) and repairs any split it raced with by moving right while the key is beyond the high
 * key: no lock coupling is needed downward. Locks held together are only ever acquired <b>left to right</b>
 * on one level (split: original, new right, old right sibling; unique check and insertion-page search
 * couple right) and <b>bottom-up</b> (a split holds its child pages while locking the parent, then the
 * metapage for a new root). Nothing waits for a lock to its left or below while holding one, so there is no
 * deadlock. The metapage's root is cached per {@code BTree} and re-read when the cached page is no longer
 * flagged root. Backward scans let go of their page before locking the left sibling and re-find it through
 * right-links. The unique check reads heap liveness while holding the leaf lock (as PostgreSQL) and, on an
 * in-progress inserter, releases every lock before waiting.
 *
 * <h2>WAL</h2>
 * Every page change happens under the exclusive lock, then the record is inserted
 * ({@link dev.tusk.access.nbtree.NbtXLog}), its end LSN is stamped on each changed page and the buffer is
 * marked dirty before unlocking, so no page can be written before its record. Leaf and upper inserts log the
 * tuple and offset; splits, new roots and built pages log forced full-page images; VACUUM logs removed
 * offsets. {@link dev.tusk.access.nbtree.NbtRedo} replays them idempotently through the page LSN.
 * A crash between a split and its parent insertion leaves a correct tree with an INCOMPLETE_SPLIT flag that
 * the next inserter passing by completes.
 */
package dev.tusk.access.nbtree;
