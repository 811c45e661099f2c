package dev.tusk.access.nbtree;

import dev.tusk.access.nbtree.NbtPage.Access;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;
import java.util.function.LongPredicate;

/**
 * VACUUM's pass over an index (PostgreSQL's {@code btbulkdelete} / {@code btvacuumpage}). Tusk walks the leaf
 * level left to right along right-links instead of in physical order: splits only ever move entries to the
 * right, into pages the walk has yet to visit, so no entry can slip past it (PostgreSQL needs its cycle ids
 * because it reads in physical order). Empty pages are kept, not deleted.
 */
public final class NbtVacuum {
    /** What one pass did (the IndexBulkDeleteResult counters). */
    public record Result(long pagesScanned, long tuplesRemoved, long tuplesRemaining) {
    }

    private NbtVacuum() {
    }

    static Result bulkDelete(BTree tree, LongPredicate isDead) {
        NbtPage pages = tree.pages();
        int buf = pages.endpoint(0, false, Access.WRITE);
        long scanned = 0;
        long removed = 0;
        long remaining = 0;
        while (true) {
            MemorySegment page = pages.page(buf);
            scanned++;
            int first = BTPageOpaque.firstDataKey(page);
            int max = Page.maxOffsetNumber(page);
            int[] dead = new int[Math.max(0, max - first + 1)];
            int n = 0;
            for (int off = first; off <= max; off++) {
                if (isDead.test(IndexTuple.heapTid(Page.item(page, off)))) {
                    dead[n++] = off;
                }
            }
            if (n > 0) {
                int[] offsets = java.util.Arrays.copyOf(dead, n);
                deleteItems(page, offsets);
                NbtXLog.logVacuum(tree, buf, offsets);
            }
            removed += n;
            remaining += max - first + 1 - n;
            long next = BTPageOpaque.next(page);
            if (next == BTPageOpaque.P_NONE) {
                pages.release(buf);
                return new Result(scanned, removed, remaining);
            }
            buf = pages.releaseAndGet(buf, next, Access.WRITE);
        }
    }

    /** PageIndexMultiDelete: offsets ascending; removed from the highest down so numbers stay valid. */
    static void deleteItems(MemorySegment page, int[] offsets) {
        for (int i = offsets.length - 1; i >= 0; i--) {
            Page.indexTupleDelete(page, offsets[i]);
        }
    }
}
