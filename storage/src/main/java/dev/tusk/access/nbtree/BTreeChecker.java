package dev.tusk.access.nbtree;

import dev.tusk.access.nbtree.NbtPage.Access;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Structural verification of a B-tree (PostgreSQL's amcheck {@code bt_index_check} plus its
 * {@code heapallindexed}-style reachability probe). Meant for a quiescent index (tests, tools, after
 * recovery): pages are copied out under a short shared lock, one at a time. It checks, level by level from
 * the root down:
 * <ul>
 * <li>page level and flags, the left-link of each page against the right-link chain;</li>
 * <li>items strictly ascending within a page and at or below its high key; the right sibling's first item
 *     above the high key;</li>
 * <li>that the pages of each level are exactly the children named by the downlinks of the level above, in
 *     order (a page right of an INCOMPLETE_SPLIT page may lack its downlink), that each child's high key
 *     equals the next separator in its parent and that its items are above its own separator;</li>
 * <li>that a search from the root for each leaf entry lands on that entry.</li>
 * </ul>
 */
public final class BTreeChecker {
    private static final int MAX_PROBLEMS = 100;

    private final BTree tree;
    private final NbtPage pages;
    private final IndexKeyDesc keys;
    private final List<String> problems = new ArrayList<>();
    private int incompleteSplits;

    /** A downlink as seen from the parent level: the child and the key range the parent assigns it. */
    private record Downlink(long child, byte[] lowKey, byte[] highKey) {
    }

    /** A leaf entry and where the walk found it. */
    private record LeafEntry(Object[] values, long heapTid, long block) {
    }

    public BTreeChecker(BTree tree) {
        this.tree = tree;
        this.pages = tree.pages();
        this.keys = tree.relation().keys();
    }

    /** Runs every check; the list is empty for a sound index. */
    public List<String> check() {
        problems.clear();
        incompleteSplits = 0;
        BTMetaPage meta = pages.meta();
        if (meta.root() == BTPageOpaque.P_NONE) {
            problem("metapage has no root");
            return List.copyOf(problems);
        }
        MemorySegment root = snapshot(meta.root());
        if (!BTPageOpaque.isRoot(root) || BTPageOpaque.level(root) != meta.level()) {
            problem("root block " + meta.root() + " is not flagged root at level " + meta.level());
        }
        List<Downlink> downlinks = List.of(new Downlink(meta.root(), null, null));
        List<LeafEntry> leafEntries = new ArrayList<>();
        for (int level = meta.level(); level >= 0 && problems.size() < MAX_PROBLEMS; level--) {
            downlinks = checkLevel(level, downlinks, leafEntries);
        }
        for (LeafEntry e : leafEntries) {
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
            checkReachable(e);
        }
        return List.copyOf(problems);
    }

    /** Pages the last {@link #check()} found flagged INCOMPLETE_SPLIT (legal, but finished by the next inserter). */
    public int incompleteSplits() {
        return incompleteSplits;
    }

    /** Runs {@link #check()} and throws SQLSTATE XX002 naming the first problem. */
    public void checkOrThrow() {
        List<String> found = check();
        if (!found.isEmpty()) {
            throw BTreeErrors.checkFailed(tree.relation(), found.get(0), found.size());
        }
    }

    /** Walks one level along right-links; returns the downlinks its pages hold for the level below. */
    private List<Downlink> checkLevel(int level, List<Downlink> expected, List<LeafEntry> leafEntries) {
        List<Downlink> next = new ArrayList<>();
        long blk = expected.get(0).child();
        long prevBlk = BTPageOpaque.P_NONE;
        boolean prevIncomplete = false;
        int j = 0;
        MemorySegment page = snapshot(blk);
        while (true) {
            checkPage(blk, page, level, prevBlk);
            if (j < expected.size() && expected.get(j).child() == blk) {
                checkAgainstParent(blk, page, expected.get(j));
                j++;
            } else if (!prevIncomplete) {
                problem("block " + blk + " at level " + level + " has no downlink in its parent level");
            }
            collect(blk, page, next, leafEntries);
            prevIncomplete = BTPageOpaque.isIncompleteSplit(page);
            if (prevIncomplete) {
                incompleteSplits++;
            }
            long right = BTPageOpaque.next(page);
            if (right == BTPageOpaque.P_NONE || problems.size() >= MAX_PROBLEMS) {
                break;
            }
            MemorySegment rightPage = snapshot(right);
            checkSiblingOrder(blk, page, right, rightPage);
            prevBlk = blk;
            blk = right;
            page = rightPage;
        }
        for (; j < expected.size(); j++) {
            problem("downlink to block " + expected.get(j).child() + " does not lead to a page on level " + level);
        }
        return next;
    }

    private void checkPage(long blk, MemorySegment page, int level, long prevBlk) {
        int flags = BTPageOpaque.flags(page);
        if (BTPageOpaque.level(page) != level) {
            problem("block " + blk + " has level " + BTPageOpaque.level(page) + ", expected " + level);
        }
        if (((flags & BTPageOpaque.BTP_LEAF) != 0) != (level == 0)) {
            problem("block " + blk + " leaf flag does not match level " + level);
        }
        if ((flags & (BTPageOpaque.BTP_DELETED | BTPageOpaque.BTP_HALF_DEAD | BTPageOpaque.BTP_META)) != 0) {
            problem("block " + blk + " on level " + level + " has flags " + flags);
        }
        if (BTPageOpaque.prev(page) != prevBlk) {
            problem("left link of block " + blk + " is " + BTPageOpaque.prev(page) + ", expected " + prevBlk);
        }
        int first = BTPageOpaque.firstDataKey(page);
        int firstKeyed = level == 0 ? first : first + 1;
        int max = Page.maxOffsetNumber(page);
        if (level > 0 && max < first) {
            problem("internal block " + blk + " has no downlinks");
        }
        for (int off = firstKeyed; off < max; off++) {
            if (compare(Page.item(page, off), Page.item(page, off + 1)) >= 0) {
                problem("items " + off + " and " + (off + 1) + " of block " + blk + " are out of order");
            }
        }
        if (!BTPageOpaque.isRightmost(page) && max >= firstKeyed) {
            if (compare(Page.item(page, max), Page.item(page, BTPageOpaque.P_HIKEY)) > 0) {
                problem("item " + max + " of block " + blk + " is above the high key");
            }
        }
    }

    private void checkSiblingOrder(long blk, MemorySegment page, long right, MemorySegment rightPage) {
        MemorySegment firstRight = firstKeyedItem(rightPage);
        if (firstRight != null && compare(Page.item(page, BTPageOpaque.P_HIKEY), firstRight) >= 0) {
            problem("high key of block " + blk + " is not below the first item of its right sibling " + right);
        }
    }

    private void checkAgainstParent(long blk, MemorySegment page, Downlink d) {
        boolean rightmost = BTPageOpaque.isRightmost(page);
        if (d.highKey() == null) {
            if (!rightmost && !BTPageOpaque.isIncompleteSplit(page)) {
                problem("block " + blk + " is not rightmost but its parent gives it no upper bound");
            }
        } else if (rightmost) {
            problem("block " + blk + " is rightmost but its parent bounds it");
        } else if (!BTPageOpaque.isIncompleteSplit(page)
                && compare(Page.item(page, BTPageOpaque.P_HIKEY), MemorySegment.ofArray(d.highKey())) != 0) {
            problem("high key of block " + blk + " differs from the separator after its downlink");
        }
        MemorySegment first = firstKeyedItem(page);
        if (d.lowKey() != null && first != null && compare(MemorySegment.ofArray(d.lowKey()), first) >= 0) {
            problem("first item of block " + blk + " is not above the separator of its downlink");
        }
    }

    private void collect(long blk, MemorySegment page, List<Downlink> downlinks, List<LeafEntry> leafEntries) {
        int first = BTPageOpaque.firstDataKey(page);
        int max = Page.maxOffsetNumber(page);
        boolean leaf = BTPageOpaque.isLeaf(page);
        byte[] pageHigh = BTPageOpaque.isRightmost(page) ? null
                : IndexTuple.bytes(Page.item(page, BTPageOpaque.P_HIKEY));
        for (int off = first; off <= max; off++) {
            MemorySegment t = Page.item(page, off);
            if (leaf) {
                leafEntries.add(new LeafEntry(IndexTuple.values(keys, t), IndexTuple.heapTid(t), blk));
            } else {
                byte[] low = off == first ? null : IndexTuple.bytes(t);
                byte[] high = off < max ? IndexTuple.bytes(Page.item(page, off + 1)) : pageHigh;
                downlinks.add(new Downlink(IndexTuple.downlink(t), low, high));
            }
        }
    }

    private void checkReachable(LeafEntry e) {
        BTScanKey key = BTScanKey.forInsert(keys, e.values(), e.heapTid());
        int buf = NbtSearch.search(tree, key, Access.READ).buf();
        try {
            MemorySegment page = pages.page(buf);
            long blk = pages.block(buf);
            int off = key.binarySearch(page);
            boolean found = off <= Page.maxOffsetNumber(page) && key.compare(page, off) == 0;
            if (!found || blk != e.block()) {
                problem("entry " + new IndexEntry(e.values(), e.heapTid()) + " in block " + e.block()
                        + " is not found by a search from the root (search ended in block " + blk + ")");
            }
        } finally {
            pages.release(buf);
        }
    }

    /** The first item carrying keys: the first data item of a leaf, the second of an internal page. */
    private static MemorySegment firstKeyedItem(MemorySegment page) {
        int off = BTPageOpaque.firstDataKey(page) + (BTPageOpaque.isLeaf(page) ? 0 : 1);
        return off <= Page.maxOffsetNumber(page) ? Page.item(page, off) : null;
    }

    /**
     * Order of two tuples with keys (leaf tuples or non-minus-infinity pivots), heap TID included; a pivot
     * without a TID sorts before every tuple with the same keys (NO_HEAP_TID is negative).
     */
    private int compare(MemorySegment a, MemorySegment b) {
        int c = keys.comparePrefix(IndexTuple.values(keys, a), IndexTuple.values(keys, b), keys.natts());
        return c != 0 ? c : Long.compare(IndexTuple.heapTid(a), IndexTuple.heapTid(b));
    }

    private MemorySegment snapshot(long blk) {
        int buf = pages.get(blk, Access.READ);
        try {
            return MemorySegment.ofArray(pages.page(buf).toArray(ValueLayout.JAVA_BYTE));
        } finally {
            pages.release(buf);
        }
    }

    private void problem(String text) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(text);
        }
    }
}
