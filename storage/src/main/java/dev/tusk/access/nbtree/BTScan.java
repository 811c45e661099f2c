package dev.tusk.access.nbtree;

import dev.tusk.access.nbtree.NbtPage.Access;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An index scan (PostgreSQL's {@code btgettuple} with {@code _bt_first}, {@code _bt_next},
 * {@code _bt_readpage}, {@code _bt_steppage} and {@code _bt_walk_left}).
 *
 * <p>The scan reads one leaf page at a time under a shared lock, copies out every matching entry (as
 * {@code BTScanPosData} does) together with the page's sibling link, and lets the page go before returning
 * anything. Concurrent splits therefore never make it skip or repeat entries: moving right, anything that
 * moved off a page already read went to pages between it and the remembered right-link, and was copied when
 * that page was read; moving left, the remembered left sibling may have split, so the walk follows its
 * right-links until it finds the page whose right-link is the page just read.
 *
 * <p>No pin is kept between pages either (PostgreSQL drops it too for MVCC scans, see
 * {@code _bt_drop_lock_and_maybe_pin}): VACUUM may remove an entry the scan has already copied, and the heap
 * may reuse that TID, but only for a row inserted after the scan's snapshot, which an MVCC snapshot does not
 * see. A caller using a non-MVCC snapshot must recheck the key against the heap row.
 */
public final class BTScan implements Iterator<IndexEntry> {
    /** Scan direction. */
    public enum Direction { FORWARD, BACKWARD }

    /** A bound on a prefix of the key columns; equality is an inclusive lower and upper bound. */
    public record Bound(Object[] values, boolean inclusive) {
        public Bound {
            values = values.clone();
        }

        public static Bound inclusive(Object... values) {
            return new Bound(values, true);
        }

        public static Bound exclusive(Object... values) {
            return new Bound(values, false);
        }
    }

    private final BTree tree;
    private final NbtPage pages;
    private final IndexKeyDesc keys;
    private final Bound lower;
    private final Bound upper;
    private final BTScanKey lowerKey;
    private final BTScanKey upperKey;
    private final Direction direction;
    private final ArrayDeque<IndexEntry> batch = new ArrayDeque<>();
    private boolean started;
    private boolean more = true;
    /** The block whose entries are in the batch, and its sibling in the scan direction. */
    private long currentBlock;
    private long siblingBlock;

    BTScan(BTree tree, Bound lower, Bound upper, Direction direction) {
        this.tree = tree;
        this.pages = tree.pages();
        this.keys = tree.relation().keys();
        this.lower = lower;
        this.upper = upper;
        this.direction = direction;
        this.lowerKey = lower == null ? null : new BTScanKey(keys, lower.values(), IndexTuple.NO_HEAP_TID, false);
        this.upperKey = upper == null ? null : new BTScanKey(keys, upper.values(), IndexTuple.NO_HEAP_TID, false);
    }

    @Override
    public boolean hasNext() {
        while (batch.isEmpty() && more) {
            fetch();
        }
        return !batch.isEmpty();
    }

    @Override
    public IndexEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.poll();
    }

    private void fetch() {
        dev.tusk.storage.ipc.Interrupts.checkForInterrupts(); // once per page, holding no pin
        if (!started) {
            started = true;
            first();
        } else if (direction == Direction.FORWARD) {
            readForward(pages.get(siblingBlock, Access.READ), -1);
        } else {
            readBackward(walkLeft(), -1);
        }
    }

    /** _bt_first. */
    private void first() {
        if (direction == Direction.FORWARD) {
            if (lower == null) {
                readForward(pages.endpoint(0, false, Access.READ), -1);
                return;
            }
            BTScanKey key = new BTScanKey(keys, lower.values(), IndexTuple.NO_HEAP_TID, !lower.inclusive());
            int buf = NbtSearch.search(tree, key, Access.READ).buf();
            readForward(buf, key.binarySearch(pages.page(buf)));
        } else {
            if (upper == null) {
                readBackward(pages.endpoint(0, true, Access.READ), -1);
                return;
            }
            BTScanKey key = new BTScanKey(keys, upper.values(), IndexTuple.NO_HEAP_TID, upper.inclusive());
            int buf = NbtSearch.search(tree, key, Access.READ).buf();
            readBackward(buf, key.binarySearch(pages.page(buf)) - 1);
        }
    }

    /** _bt_readpage forward from {@code start} (-1: the first data item); releases the buffer. */
    private void readForward(int buf, int start) {
        MemorySegment page = pages.page(buf);
        int off = start < 0 ? BTPageOpaque.firstDataKey(page) : start;
        int max = Page.maxOffsetNumber(page);
        for (; off <= max; off++) {
            MemorySegment t = Page.item(page, off);
            if (upperKey != null) {
                int c = upperKey.compareTuple(t);
                if (c < 0 || (c == 0 && !upper.inclusive())) {
                    more = false;
                    break;
                }
            }
            batch.add(entry(t));
        }
        currentBlock = pages.block(buf);
        siblingBlock = BTPageOpaque.next(page);
        if (siblingBlock == BTPageOpaque.P_NONE) {
            more = false;
        }
        pages.release(buf);
    }

    /** _bt_readpage backward from {@code start} (-1: the last item); releases the buffer. */
    private void readBackward(int buf, int start) {
        MemorySegment page = pages.page(buf);
        int first = BTPageOpaque.firstDataKey(page);
        int off = start < 0 ? Page.maxOffsetNumber(page) : start;
        for (; off >= first; off--) {
            MemorySegment t = Page.item(page, off);
            if (lowerKey != null) {
                int c = lowerKey.compareTuple(t);
                if (c > 0 || (c == 0 && !lower.inclusive())) {
                    more = false;
                    break;
                }
            }
            batch.add(entry(t));
        }
        currentBlock = pages.block(buf);
        siblingBlock = BTPageOpaque.prev(page);
        if (siblingBlock == BTPageOpaque.P_NONE) {
            more = false;
        }
        pages.release(buf);
    }

    /**
     * _bt_walk_left: locks the left sibling remembered from the current page; if that page has split since, the
     * true left neighbour is further right, so follow right-links until the page pointing at ours.
     */
    private int walkLeft() {
        int buf = pages.get(siblingBlock, Access.READ);
        while (true) {
            MemorySegment page = pages.page(buf);
            long next = BTPageOpaque.next(page);
            if (next == currentBlock) {
                return buf;
            }
            if (next == BTPageOpaque.P_NONE) {
                pages.release(buf);
                throw BTreeErrors.leftLinkBroken(tree.relation(), currentBlock);
            }
            buf = pages.releaseAndGet(buf, next, Access.READ);
        }
    }

    private IndexEntry entry(MemorySegment t) {
        return new IndexEntry(IndexTuple.values(keys, t), IndexTuple.heapTid(t));
    }
}
