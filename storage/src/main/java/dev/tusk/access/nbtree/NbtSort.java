package dev.tusk.access.nbtree;

import dev.tusk.access.common.TupleCodec;
import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Bottom-up build from sorted input (PostgreSQL's {@code nbtsort.c}: {@code _bt_buildadd},
 * {@code _bt_uppershutdown}). Each level has one page being filled; when the next item would push it past
 * the fill factor ({@value NbtSplit#LEAF_FILLFACTOR}% for leaves, {@value NbtSplit#NONLEAF_FILLFACTOR}% above),
 * the page is closed with the separator between its last item and that one as its high key, a new right
 * sibling is started, and
 * the pivot with a downlink to the new page goes one level up (creating that level with a minus-infinity
 * downlink to its leftmost child the first time). At the end the last page of each level is closed as the
 * rightmost, the top level's only page becomes the root, and the metapage is written. Every page is
 * WAL-logged as a full image when it is closed.
 */
final class NbtSort {
    private final BTree tree;
    private final NbtPage pages;
    private final IndexKeyDesc keys;
    private final List<Level> levels = new ArrayList<>();

    /** The page being filled on one level (BTPageState). */
    private static final class Level {
        final int level;
        final long firstBlock;
        int buf;
        long block;
        long prevBlock = BTPageOpaque.P_NONE;
        List<byte[]> items = new ArrayList<>();
        int used;

        Level(int level, int buf, long block) {
            this.level = level;
            this.buf = buf;
            this.block = block;
            this.firstBlock = block;
        }
    }

    NbtSort(BTree tree) {
        this.tree = tree;
        this.pages = tree.pages();
        this.keys = tree.relation().keys();
    }

    void build(Iterator<IndexEntry> sorted) {
        int metaBuf = tree.buffers().extend(tree.relation().locator(), ForkNumber.MAIN);
        if (pages.block(metaBuf) != BTMetaPage.METAPAGE_BLOCK) {
            pages.release(metaBuf);
            throw new IllegalStateException("index \"" + tree.relation().name() + "\" is not empty");
        }
        try {
            newLevel();
            IndexEntry prev = null;
            while (sorted.hasNext()) {
                IndexEntry e = sorted.next();
                Object[] values = e.values();
                if (prev != null) {
                    checkOrder(prev, values, e.heapTid());
                }
                add(0, NbtInsert.formChecked(tree, values, e.heapTid()));
                prev = e;
            }
        } catch (RuntimeException | Error e) {
            // The half-built relation is garbage (the caller drops it); only the buffers need letting go.
            for (Level s : levels) {
                pages.release(s.buf);
            }
            pages.release(metaBuf);
            throw e;
        }
        long root = BTPageOpaque.P_NONE;
        for (int i = 0; i < levels.size(); i++) {
            Level s = levels.get(i);
            boolean top = i == levels.size() - 1;
            if (top) {
                MemorySegment page = pages.page(s.buf);
                BTPageOpaque.setFlags(page, BTPageOpaque.flags(page) | BTPageOpaque.BTP_ROOT);
                root = s.block;
            }
            close(s, null, BTPageOpaque.P_NONE);
        }
        BTMetaPage.init(pages.page(metaBuf), root, levels.size() - 1);
        NbtXLog.logImages(tree, NbtXLog.NEWPAGES, metaBuf);
        pages.release(metaBuf);
    }

    private void checkOrder(IndexEntry prev, Object[] values, long heapTid) {
        Object[] pv = prev.values();
        int c = keys.comparePrefix(pv, values, keys.natts());
        if (c == 0 && tree.relation().unique() && !TupleCodec.hasNulls(values)) {
            throw BTreeErrors.duplicateInBuild(tree.relation(), values);
        }
        if (c > 0 || (c == 0 && prev.heapTid() >= heapTid)) {
            throw new IllegalArgumentException("index build input out of order at " + prev + " then "
                    + new IndexEntry(values, heapTid));
        }
    }

    private Level newLevel() {
        int level = levels.size();
        int buf = pages.allocate(level, level == 0 ? BTPageOpaque.BTP_LEAF : 0);
        Level s = new Level(level, buf, pages.block(buf));
        levels.add(s);
        return s;
    }

    /** _bt_buildadd. */
    private void add(int level, byte[] tuple) {
        Level s = levels.get(level);
        boolean leaf = level == 0;
        int need = NbtSplit.space(tuple.length);
        int highKey = NbtSplit.pivotSpace(tuple.length, leaf);
        int capacity = BTPageOpaque.usableSpace();
        int target = capacity * (leaf ? NbtSplit.LEAF_FILLFACTOR : NbtSplit.NONLEAF_FILLFACTOR) / 100;
        int total = s.used + need + highKey;
        boolean full = total > capacity || (total > target && s.items.size() >= 2);
        if (full) {
            byte[] pivot = IndexTuple.separator(keys, MemorySegment.ofArray(s.items.getLast()),
                    MemorySegment.ofArray(tuple), leaf);
            int nbuf = pages.allocate(level, leaf ? BTPageOpaque.BTP_LEAF : 0);
            long nblock = pages.block(nbuf);
            close(s, pivot, nblock);
            s.prevBlock = s.block;
            s.buf = nbuf;
            s.block = nblock;
            s.items = new ArrayList<>();
            s.used = 0;
            if (levels.size() == level + 1) {
                newLevel();
                add(level + 1, IndexTuple.minusInfinity(s.firstBlock));
            }
            add(level + 1, IndexTuple.withDownlink(pivot, nblock));
            if (!leaf) {
                tuple = IndexTuple.minusInfinity(IndexTuple.downlink(MemorySegment.ofArray(tuple)));
                need = NbtSplit.space(tuple.length);
            }
        }
        s.items.add(tuple);
        s.used += need;
    }

    /** Writes out the level's current page with its high key (null when rightmost) and right-link. */
    private void close(Level s, byte[] highKey, long next) {
        MemorySegment page = pages.page(s.buf);
        BTPageOpaque.setPrev(page, s.prevBlock);
        BTPageOpaque.setNext(page, next);
        if (highKey != null) {
            append(page, highKey, s.block);
        }
        for (byte[] t : s.items) {
            append(page, t, s.block);
        }
        NbtXLog.logImages(tree, NbtXLog.NEWPAGES, s.buf);
        pages.release(s.buf);
    }

    private void append(MemorySegment page, byte[] tuple, long block) {
        if (Page.addItem(page, tuple, Page.INVALID_OFFSET_NUMBER, false) == Page.INVALID_OFFSET_NUMBER) {
            throw BTreeErrors.splitFailed(tree.relation(), block);
        }
    }
}
