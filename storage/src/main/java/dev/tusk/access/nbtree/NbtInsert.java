package dev.tusk.access.nbtree;

import dev.tusk.access.common.TupleCodec;
import dev.tusk.access.nbtree.NbtPage.Access;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;

/**
 * Insertion (PostgreSQL's {@code nbtinsert.c}): {@code _bt_doinsert}, {@code _bt_check_unique},
 * {@code _bt_findinsertloc}, {@code _bt_insertonpg}, {@code _bt_insert_parent}, {@code _bt_getstackbuf},
 * {@code _bt_finish_split}, {@code _bt_newroot}. Splitting itself is {@link NbtSplit}.
 *
 * <p>Locks are taken downward one at a time, rightward with coupling (the next page is locked before the
 * current one is released while looking for the insertion page, which is what makes the unique check
 * race-free), and upward only while holding the split child(ren).
 */
final class NbtInsert {
    private NbtInsert() {
    }

    /** Largest leaf tuple (a third of a page, less room for the heap TID that a pivot copy adds). */
    static int maxItemSize() {
        return ((BTPageOpaque.usableSpace() - 3 * Page.ITEM_ID_SIZE) / 3 & ~(Page.MAXIMUM_ALIGNOF - 1))
                - Page.MAXIMUM_ALIGNOF;
    }

    /** _bt_check_third_page. */
    static byte[] formChecked(BTree tree, Object[] values, long heapTid) {
        byte[] tuple = IndexTuple.formLeaf(tree.relation().keys(), values, heapTid);
        if (tuple.length > maxItemSize()) {
            throw BTreeErrors.rowTooBig(tree.relation(), tuple.length, maxItemSize());
        }
        return tuple;
    }

    /** _bt_doinsert. */
    static void insert(BTree tree, Object[] values, long heapTid, HeapLiveness liveness) {
        IndexRelation rel = tree.relation();
        if (values.length != rel.keys().natts()) {
            throw new IllegalArgumentException("index \"" + rel.name() + "\" has " + rel.keys().natts()
                    + " key columns, got " + values.length);
        }
        byte[] tuple = formChecked(tree, values, heapTid);
        BTScanKey key = BTScanKey.forInsert(rel.keys(), values, heapTid);
        // NULLs never conflict, so an entry with a null key column needs no check.
        boolean checkUnique = rel.unique() && !TupleCodec.hasNulls(values);
        if (checkUnique && liveness == null) {
            throw new IllegalArgumentException("unique index \"" + rel.name() + "\" needs a HeapLiveness");
        }
        NbtPage pages = tree.pages();
        while (true) {
            NbtSearch.Descent d = NbtSearch.search(tree, checkUnique ? key.withoutTid() : key, Access.WRITE);
            int buf = d.buf();
            if (checkUnique) {
                long xid;
                try {
                    xid = checkUnique(tree, buf, key.withoutTid(), values, liveness);
                } catch (RuntimeException | Error e) {
                    pages.release(buf);
                    throw e;
                }
                if (xid != 0) {
                    pages.release(buf);
                    liveness.waitForTransaction(xid);
                    continue;
                }
            }
            buf = stepRightCoupled(tree, key, buf);
            if (BTPageOpaque.isIncompleteSplit(pages.page(buf))) {
                finishSplit(tree, buf, d.stack());
                continue;
            }
            int off = key.binarySearch(pages.page(buf));
            insertOnPage(tree, buf, d.stack(), tuple, off, 0);
            return;
        }
    }

    /**
     * _bt_check_unique: scans the equal keys from the first position where they could be, stepping right
     * while the high key is still equal. Returns 0 when no entry conflicts, or the xid to wait for; throws
     * the unique violation for a live duplicate. {@code buf} stays locked; pages to its right are read-locked
     * (left-to-right order) and released here.
     */
    private static long checkUnique(BTree tree, int buf, BTScanKey key, Object[] values, HeapLiveness liveness) {
        NbtPage pages = tree.pages();
        MemorySegment page = pages.page(buf);
        int off = key.binarySearch(page);
        int nbuf = 0;
        try {
            while (true) {
                if (off <= Page.maxOffsetNumber(page)) {
                    if (key.compare(page, off) != 0) {
                        return 0;
                    }
                    long htid = IndexTuple.heapTid(Page.item(page, off));
                    switch (liveness.check(htid)) {
                        case HeapLiveness.Live _ -> throw BTreeErrors.uniqueViolation(tree.relation(), values);
                        case HeapLiveness.InProgress p -> {
                            return p.xid();
                        }
                        case HeapLiveness.Dead _ -> off++;
                    }
                    continue;
                }
                if (BTPageOpaque.isRightmost(page) || key.compare(page, BTPageOpaque.P_HIKEY) != 0) {
                    return 0;
                }
                long next = BTPageOpaque.next(page);
                nbuf = nbuf == 0 ? pages.get(next, Access.READ) : pages.releaseAndGet(nbuf, next, Access.READ);
                page = pages.page(nbuf);
                off = BTPageOpaque.firstDataKey(page);
            }
        } finally {
            if (nbuf != 0) {
                pages.release(nbuf);
            }
        }
    }

    /** _bt_stepright as used by _bt_findinsertloc: lock the right page before letting go of this one. */
    private static int stepRightCoupled(BTree tree, BTScanKey key, int buf) {
        NbtPage pages = tree.pages();
        while (key.beyondHighKey(pages.page(buf))) {
            int next = pages.get(BTPageOpaque.next(pages.page(buf)), Access.WRITE);
            pages.release(buf);
            buf = next;
        }
        return buf;
    }

    /**
     * _bt_insertonpg: puts {@code tuple} at {@code off} of the locked page {@code buf}, splitting it when full.
     * {@code childBuf} (non-zero for a downlink insertion) is the left half of the child split whose
     * INCOMPLETE_SPLIT flag this insertion clears in the same WAL record. Releases every buffer passed in.
     */
    static void insertOnPage(BTree tree, int buf, BTStack stack, byte[] tuple, int off, int childBuf) {
        NbtPage pages = tree.pages();
        MemorySegment page = pages.page(buf);
        if (Page.freeSpace(page) >= Page.maxAlign(tuple.length)) {
            if (Page.addItem(page, tuple, off, true) != off) {
                throw BTreeErrors.splitFailed(tree.relation(), pages.block(buf));
            }
            if (childBuf != 0) {
                BTPageOpaque.clearIncompleteSplit(pages.page(childBuf));
            }
            NbtXLog.logInsert(tree, buf, off, tuple, childBuf);
            if (childBuf != 0) {
                pages.release(childBuf);
            }
            pages.release(buf);
            return;
        }
        boolean isRoot = BTPageOpaque.isRoot(page);
        int rbuf = NbtSplit.split(tree, buf, off, tuple, childBuf);
        insertParent(tree, buf, rbuf, stack, isRoot);
    }

    /**
     * _bt_insert_parent: after {@code buf} split into {@code buf} + {@code rbuf} (both still locked), adds
     * the downlink to the right half into the parent, or grows a new root. Releases both.
     */
    static void insertParent(BTree tree, int buf, int rbuf, BTStack stack, boolean isRoot) {
        NbtPage pages = tree.pages();
        if (isRoot) {
            newRoot(tree, buf, rbuf);
            return;
        }
        MemorySegment lpage = pages.page(buf);
        long lblk = pages.block(buf);
        long rblk = pages.block(rbuf);
        byte[] downlink = IndexTuple.withDownlink(
                IndexTuple.bytes(Page.item(lpage, BTPageOpaque.P_HIKEY)), rblk);
        if (stack == null) {
            // The root split after our descent: start from the leftmost page of the parent level and move right.
            int pbuf = pages.endpoint(BTPageOpaque.level(lpage) + 1, false, Access.READ);
            stack = new BTStack(pages.block(pbuf), BTPageOpaque.firstDataKey(pages.page(pbuf)), null);
            pages.release(pbuf);
        }
        StackHit hit = getStackBuf(tree, stack, lblk);
        pages.release(rbuf);
        if (hit == null) {
            pages.release(buf);
            throw BTreeErrors.parentNotFound(tree.relation(), lblk, rblk);
        }
        insertOnPage(tree, hit.buf(), stack.parent(), downlink, hit.offnum() + 1, buf);
    }

    /** A parent page, exclusively locked, and where the child's downlink sits on it. */
    private record StackHit(int buf, int offnum) {
    }

    /**
     * _bt_getstackbuf: re-finds the downlink to {@code child} starting at the remembered position and moving
     * right as needed; finishes an incomplete split of the parent first. Null if the level ends first.
     */
    private static StackHit getStackBuf(BTree tree, BTStack stack, long child) {
        NbtPage pages = tree.pages();
        long blk = stack.blkno();
        int start = stack.offnum();
        int buf = pages.get(blk, Access.WRITE);
        while (true) {
            MemorySegment page = pages.page(buf);
            if (BTPageOpaque.isIncompleteSplit(page)) {
                finishSplit(tree, buf, stack.parent());
                buf = pages.get(blk, Access.WRITE);
                continue;
            }
            int min = BTPageOpaque.firstDataKey(page);
            int max = Page.maxOffsetNumber(page);
            start = Math.max(min, Math.min(start, max + 1));
            for (int off = start; off <= max; off++) {
                if (IndexTuple.downlink(Page.item(page, off)) == child) {
                    return new StackHit(buf, off);
                }
            }
            for (int off = start - 1; off >= min; off--) {
                if (IndexTuple.downlink(Page.item(page, off)) == child) {
                    return new StackHit(buf, off);
                }
            }
            if (BTPageOpaque.isRightmost(page)) {
                pages.release(buf);
                return null;
            }
            blk = BTPageOpaque.next(page);
            buf = pages.releaseAndGet(buf, blk, Access.WRITE);
            start = BTPageOpaque.firstDataKey(pages.page(buf));
        }
    }

    /**
     * _bt_finish_split: {@code lbuf} (locked exclusively) is the left half of a split whose downlink never
     * reached the parent; insert it now. Releases {@code lbuf}.
     */
    static void finishSplit(BTree tree, int lbuf, BTStack stack) {
        NbtPage pages = tree.pages();
        int rbuf = pages.get(BTPageOpaque.next(pages.page(lbuf)), Access.WRITE);
        boolean wasRoot = stack == null && pages.meta().root() == pages.block(lbuf);
        insertParent(tree, lbuf, rbuf, stack, wasRoot);
    }

    /**
     * _bt_newroot: the root split into {@code lbuf} + {@code rbuf}; a new root one level up gets a
     * minus-infinity downlink to the left half and the left half's high key as the separator for the right
     * half, and the metapage points at it (the tree grows at the top). Releases everything.
     */
    private static void newRoot(BTree tree, int lbuf, int rbuf) {
        NbtPage pages = tree.pages();
        MemorySegment lpage = pages.page(lbuf);
        int level = BTPageOpaque.level(lpage) + 1;
        int rootBuf = pages.allocate(level, BTPageOpaque.BTP_ROOT);
        MemorySegment root = pages.page(rootBuf);
        byte[] first = IndexTuple.minusInfinity(pages.block(lbuf));
        byte[] second = IndexTuple.withDownlink(IndexTuple.bytes(Page.item(lpage, BTPageOpaque.P_HIKEY)),
                pages.block(rbuf));
        if (Page.addItem(root, first, 1, true) != 1 || Page.addItem(root, second, 2, true) != 2) {
            throw BTreeErrors.splitFailed(tree.relation(), pages.block(rootBuf));
        }
        int metaBuf = pages.get(BTMetaPage.METAPAGE_BLOCK, Access.WRITE);
        BTMetaPage.write(pages.page(metaBuf), pages.block(rootBuf), level);
        BTPageOpaque.clearIncompleteSplit(lpage);
        NbtXLog.logImages(tree, NbtXLog.NEWROOT, rootBuf, lbuf, metaBuf);
        pages.release(metaBuf);
        pages.release(rootBuf);
        pages.release(lbuf);
        pages.release(rbuf);
    }
}
