package dev.tusk.access.nbtree;

import dev.tusk.access.nbtree.NbtPage.Access;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Page splits (PostgreSQL's {@code _bt_split} and {@code nbtsplitloc.c}). The left half stays in the
 * original block, so the leftmost page of a level never moves; the upper half goes to a new right sibling
 * that inherits the old high key and right-link; the left page's new high key is the separator between the
 * last item kept and the first item moved ({@link IndexTuple#separator}). The left page is flagged
 * INCOMPLETE_SPLIT until its parent has the downlink.
 */
final class NbtSplit {
    static final int LEAF_FILLFACTOR = 90;
    static final int NONLEAF_FILLFACTOR = 70;
    private static final int KEEP_FLAGS = BTPageOpaque.BTP_LEAF;

    private NbtSplit() {
    }

    /**
     * _bt_split: splits the exclusively locked {@code buf} while inserting {@code newTuple} at {@code newOff}.
     * Returns the new right page, still locked; {@code buf} stays locked; {@code childBuf} (if any) has its
     * INCOMPLETE_SPLIT cleared in the same WAL record and is released.
     */
    static int split(BTree tree, int buf, int newOff, byte[] newTuple, int childBuf) {
        NbtPage pages = tree.pages();
        IndexKeyDesc keys = tree.relation().keys();
        MemorySegment opage = pages.page(buf);
        boolean leaf = BTPageOpaque.isLeaf(opage);
        boolean rightmost = BTPageOpaque.isRightmost(opage);
        int first = BTPageOpaque.firstDataKey(opage);
        int max = Page.maxOffsetNumber(opage);
        List<byte[]> items = new ArrayList<>(max - first + 2);
        for (int off = first; off <= max; off++) {
            items.add(IndexTuple.bytes(Page.item(opage, off)));
        }
        int newIndex = newOff - first;
        items.add(newIndex, newTuple);
        byte[] oldHighKey = rightmost ? null : IndexTuple.bytes(Page.item(opage, BTPageOpaque.P_HIKEY));
        boolean fillfactorMode = rightmost && newIndex == items.size() - 1;
        int k = chooseSplit(items, oldHighKey, leaf, fillfactorMode);
        if (k < 0) {
            throw BTreeErrors.splitFailed(tree.relation(), pages.block(buf));
        }
        byte[] leftHighKey = IndexTuple.separator(keys, MemorySegment.ofArray(items.get(k - 1)),
                MemorySegment.ofArray(items.get(k)), leaf);
        if (!leaf) {
            // The first data item of an internal page is minus infinity; keep only its downlink.
            items.set(k, IndexTuple.minusInfinity(IndexTuple.downlink(MemorySegment.ofArray(items.get(k)))));
        }
        long oblk = pages.block(buf);
        long oldNext = BTPageOpaque.next(opage);
        int level = BTPageOpaque.level(opage);
        int flags = BTPageOpaque.flags(opage) & KEEP_FLAGS;

        MemorySegment left = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
        int rbuf = pages.allocate(level, flags);
        long rblk = pages.block(rbuf);
        BTPageOpaque.init(left, BTPageOpaque.prev(opage), rblk, level, flags | BTPageOpaque.BTP_INCOMPLETE_SPLIT);
        MemorySegment right = pages.page(rbuf);
        BTPageOpaque.init(right, oblk, oldNext, level, flags);
        boolean ok = add(left, leftHighKey) && fill(left, items, 0, k)
                && (oldHighKey == null || add(right, oldHighKey)) && fill(right, items, k, items.size());
        if (!ok) {
            // Nothing visible changed yet; the new page stays an empty orphan, as after an error in PostgreSQL.
            pages.release(rbuf);
            throw BTreeErrors.splitFailed(tree.relation(), oblk);
        }
        int sbuf = 0;
        if (oldNext != BTPageOpaque.P_NONE) {
            sbuf = pages.get(oldNext, Access.WRITE);
            BTPageOpaque.setPrev(pages.page(sbuf), rblk);
        }
        MemorySegment.copy(left, 0, opage, 0, Page.BLCKSZ);
        if (childBuf != 0) {
            BTPageOpaque.clearIncompleteSplit(pages.page(childBuf));
        }
        NbtXLog.logImages(tree, newIndex < k ? NbtXLog.SPLIT_L : NbtXLog.SPLIT_R, buf, rbuf, sbuf, childBuf);
        if (sbuf != 0) {
            pages.release(sbuf);
        }
        if (childBuf != 0) {
            pages.release(childBuf);
        }
        return rbuf;
    }

    private static boolean add(MemorySegment page, byte[] tuple) {
        return Page.addItem(page, tuple, Page.INVALID_OFFSET_NUMBER, false) != Page.INVALID_OFFSET_NUMBER;
    }

    private static boolean fill(MemorySegment page, List<byte[]> items, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!add(page, items.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Space an item takes on a page: MAXALIGNed tuple plus its line pointer. */
    static int space(int tupleLength) {
        return Page.maxAlign(tupleLength) + Page.ITEM_ID_SIZE;
    }

    /** Space of the pivot made from a tuple of this length (a leaf tuple gains the 6-byte heap TID). */
    static int pivotSpace(int tupleLength, boolean leaf) {
        return leaf ? space(tupleLength + 6) : space(tupleLength);
    }

    /**
     * _bt_findsplitloc, simplified: the index of the first item that goes right, such that both halves fit,
     * balancing free space, or leaving the left page fillfactor-full when the page is the rightmost and the
     * new item is the last (ascending insertions then leave pages {@value #LEAF_FILLFACTOR}% full, as
     * PostgreSQL does). -1 when no split point fits.
     */
    static int chooseSplit(List<byte[]> items, byte[] oldHighKey, boolean leaf, boolean fillfactorMode) {
        int n = items.size();
        int capacity = BTPageOpaque.usableSpace();
        int[] prefix = new int[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + space(items.get(i).length);
        }
        int rightFixed = oldHighKey == null ? 0 : space(oldHighKey.length);
        int fillfactor = leaf ? LEAF_FILLFACTOR : NONLEAF_FILLFACTOR;
        int best = -1;
        long bestScore = Long.MAX_VALUE;
        for (int k = 1; k < n; k++) {
            int leftSpace = prefix[k] + pivotSpace(items.get(k).length, leaf);
            int firstRight = leaf ? space(items.get(k).length) : space(IndexTuple.HEADER_SIZE);
            int rightSpace = rightFixed + firstRight + prefix[n] - prefix[k + 1];
            if (leftSpace > capacity || rightSpace > capacity) {
                continue;
            }
            long score = fillfactorMode
                    ? Math.abs((long) leftSpace - (long) capacity * fillfactor / 100)
                    : Math.abs((long) leftSpace - rightSpace);
            if (score < bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best;
    }
}
