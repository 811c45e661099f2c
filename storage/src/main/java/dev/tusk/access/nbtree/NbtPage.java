package dev.tusk.access.nbtree;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.buffer.BufferPool;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;

/**
 * Buffer access for one B-tree (PostgreSQL's {@code nbtpage.c}: {@code _bt_getbuf}, {@code _bt_relandgetbuf},
 * {@code _bt_relbuf}, {@code _bt_getroot}, and {@code _bt_get_endpoint} from nbtsearch.c). Every buffer
 * handed out is pinned and content-locked; {@link #release} drops both.
 */
final class NbtPage {
    /** BT_READ / BT_WRITE. */
    enum Access { READ, WRITE }

    private final BTree tree;
    private final BufferPool buffers;
    /** The root block as last read from the metapage (PostgreSQL keeps it in rd_amcache); P_NONE = unknown. */
    private volatile long cachedRoot = BTPageOpaque.P_NONE;

    NbtPage(BTree tree) {
        this.tree = tree;
        this.buffers = tree.buffers();
    }

    /** _bt_getbuf for an existing block. */
    int get(long blk, Access access) {
        int buf = buffers.readBuffer(tree.relation().locator(), ForkNumber.MAIN, blk);
        lock(buf, access);
        return buf;
    }

    private void lock(int buf, Access access) {
        if (access == Access.WRITE) {
            buffers.lockExclusive(buf);
        } else {
            buffers.lockShared(buf);
        }
    }

    /** _bt_relandgetbuf. */
    int releaseAndGet(int buf, long blk, Access access) {
        release(buf);
        return get(blk, access);
    }

    /** _bt_relbuf. */
    void release(int buf) {
        buffers.unlockAndRelease(buf);
    }

    /** Trades the lock on a pinned buffer for the other kind (the page may change in between). */
    void relock(int buf, Access access) {
        buffers.unlock(buf);
        lock(buf, access);
    }

    /** _bt_getbuf(P_NEW): a new block at the end of the relation, exclusively locked and initialised. */
    int allocate(int level, int flags) {
        int buf = buffers.extend(tree.relation().locator(), ForkNumber.MAIN);
        BTPageOpaque.init(buffers.page(buf), BTPageOpaque.P_NONE, BTPageOpaque.P_NONE, level, flags);
        return buf;
    }

    MemorySegment page(int buf) {
        return buffers.page(buf);
    }

    long block(int buf) {
        return buffers.blockNumber(buf);
    }

    /** The metapage's root and level, read under a short shared lock (and remembered as the cached root). */
    BTMetaPage meta() {
        int buf = get(BTMetaPage.METAPAGE_BLOCK, Access.READ);
        try {
            BTMetaPage meta = BTMetaPage.read(page(buf), tree.relation().name());
            cachedRoot = meta.root();
            return meta;
        } finally {
            release(buf);
        }
    }

    /** The root block a descent may start at: the cached one, or the metapage's the first time. */
    long cachedRoot() {
        long root = cachedRoot;
        return root != BTPageOpaque.P_NONE ? root : meta().root();
    }

    /** Re-reads the root from the metapage. */
    long refreshRoot() {
        return meta().root();
    }

    /**
     * _bt_get_endpoint: the leftmost (or rightmost) page of {@code level}, locked as asked. Leftmost blocks
     * never change (a split keeps the left half in place), so following first downlinks is enough; for the
     * rightmost page the walk also follows right-links, since the page found may have split meanwhile.
     */
    int endpoint(int level, boolean rightmost, Access access) {
        BTMetaPage meta = meta();
        int buf = get(meta.root(), Access.READ);
        while (true) {
            MemorySegment page = page(buf);
            if (rightmost) {
                while (!BTPageOpaque.isRightmost(page)) {
                    buf = releaseAndGet(buf, BTPageOpaque.next(page), Access.READ);
                    page = page(buf);
                }
            }
            int pageLevel = BTPageOpaque.level(page);
            if (pageLevel == level) {
                if (access == Access.WRITE) {
                    relock(buf, Access.WRITE);
                    if (rightmost) {
                        return moveToRightmost(buf);
                    }
                }
                return buf;
            }
            if (pageLevel < level) {
                release(buf);
                throw new IllegalStateException("index \"" + tree.relation().name() + "\" has no level " + level);
            }
            int off = rightmost ? Page.maxOffsetNumber(page) : BTPageOpaque.firstDataKey(page);
            long child = IndexTuple.downlink(Page.item(page, off));
            buf = releaseAndGet(buf, child, Access.READ);
        }
    }

    private int moveToRightmost(int buf) {
        while (!BTPageOpaque.isRightmost(page(buf))) {
            buf = releaseAndGet(buf, BTPageOpaque.next(page(buf)), Access.WRITE);
        }
        return buf;
    }
}
