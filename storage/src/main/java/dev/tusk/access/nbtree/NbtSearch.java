package dev.tusk.access.nbtree;

import dev.tusk.access.nbtree.NbtPage.Access;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;

/**
 * Descending the tree (PostgreSQL's {@code nbtsearch.c}: {@code _bt_search}, {@code _bt_moveright}).
 * A descent holds one lock at a time: it reads a page, remembers the downlink, releases the page and only
 * then locks the child. Any split that happened in between is repaired by moving right along right-links
 * while the key is beyond the page's high key (Lehman and Yao's move-right rule).
 */
final class NbtSearch {
    /** Where a descent ended: the leaf, locked, and the stack of parents. */
    record Descent(int buf, BTStack stack) {
    }

    private NbtSearch() {
    }

    /**
     * _bt_search: finds the leaf page where {@code key} belongs; the leaf is locked exclusively for WRITE,
     * shared for READ (internal pages are always read with a shared lock). For WRITE, incomplete splits met on
     * the way are finished first (as _bt_moveright does with forupdate).
     */
    static Descent search(BTree tree, BTScanKey key, Access access) {
        NbtPage pages = tree.pages();
        int buf = lockRoot(tree);
        if (access == Access.WRITE && BTPageOpaque.isLeaf(pages.page(buf))) {
            pages.relock(buf, Access.WRITE);
        }
        BTStack stack = null;
        while (true) {
            MemorySegment page = pages.page(buf);
            Access here = BTPageOpaque.isLeaf(page) ? access : Access.READ;
            buf = moveRight(tree, key, buf, stack, here, access == Access.WRITE);
            page = pages.page(buf);
            if (BTPageOpaque.isLeaf(page)) {
                return new Descent(buf, stack);
            }
            int off = key.binarySearch(page);
            long child = IndexTuple.downlink(Page.item(page, off));
            stack = new BTStack(pages.block(buf), off, stack);
            Access childAccess = BTPageOpaque.level(page) == 1 ? access : Access.READ;
            buf = pages.releaseAndGet(buf, child, childAccess);
        }
    }

    /**
     * _bt_getroot with the relcache copy of the metapage: starts at the cached root and re-reads the metapage
     * only when that page is no longer flagged root (a new root grew since). Starting below the true root is
     * still correct (the old root is the leftmost page of its level, and splits that need a parent level find it
     * through the metapage); the check just keeps descents short. Returns the page share-locked.
     */
    private static int lockRoot(BTree tree) {
        NbtPage pages = tree.pages();
        long root = pages.cachedRoot();
        int buf = pages.get(root, Access.READ);
        if (!BTPageOpaque.isRoot(pages.page(buf))) {
            long fresh = pages.refreshRoot();
            if (fresh != root) {
                buf = pages.releaseAndGet(buf, fresh, Access.READ);
            }
        }
        return buf;
    }

    /**
     * _bt_moveright: follows right-links while the key lies beyond the high key. With {@code forUpdate}, a page
     * whose split was never completed (a crash between the split and the parent insertion) gets its downlink
     * first, so that inserters never build on an incomplete split.
     */
    static int moveRight(BTree tree, BTScanKey key, int buf, BTStack stack, Access access, boolean forUpdate) {
        NbtPage pages = tree.pages();
        while (true) {
            MemorySegment page = pages.page(buf);
            if (forUpdate && BTPageOpaque.isIncompleteSplit(page)) {
                long blk = pages.block(buf);
                if (access == Access.READ) {
                    pages.relock(buf, Access.WRITE);
                }
                if (BTPageOpaque.isIncompleteSplit(pages.page(buf))) {
                    NbtInsert.finishSplit(tree, buf, stack);
                    buf = pages.get(blk, access);
                } else if (access == Access.READ) {
                    pages.relock(buf, Access.READ);
                }
                continue;
            }
            if (key.beyondHighKey(page)) {
                buf = pages.releaseAndGet(buf, BTPageOpaque.next(page), access);
                continue;
            }
            return buf;
        }
    }
}
