package dev.tusk.access.nbtree;

import dev.tusk.access.transam.RmgrId;
import dev.tusk.access.transam.XLog;
import dev.tusk.access.transam.XLogRecordBuilder;
import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.buffer.BufferPool;
import dev.tusk.storage.page.Page;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The B-tree's WAL records (PostgreSQL's {@code nbtxlog.h}), written by the operations that change pages.
 * Every function here is called with all registered buffers exclusively locked and already changed; it
 * inserts the record, stamps the returned end LSN on every registered page and marks each buffer dirty,
 * so that the caller may unlock right after (the WAL rule: the page cannot reach disk before its record).
 *
 * <ul>
 * <li>{@link #INSERT_LEAF}, {@link #INSERT_UPPER}: block 0 = the page, data = offset (u16) + tuple;
 *     INSERT_UPPER also registers block 1, the left child whose INCOMPLETE_SPLIT flag the insertion of its
 *     right sibling's downlink clears (no data).</li>
 * <li>{@link #SPLIT_L}, {@link #SPLIT_R}, {@link #NEWROOT}, {@link #NEWPAGES}: every block with a forced
 *     full-page image (left, new right, old right sibling, child / new root, left child, metapage /
 *     freshly built pages); redo only restores images. NEWPAGES is Tusk's own code standing in for
 *     PostgreSQL's {@code XLOG_FPI} records written by {@code log_newpage} during index builds.</li>
 * <li>{@link #VACUUM}: block 0 = the leaf, data = count (u16) + ascending offsets (u16) removed.</li>
 * </ul>
 */
final class NbtXLog {
    static final int INSERT_LEAF = 0x00;
    static final int INSERT_UPPER = 0x10;
    static final int SPLIT_L = 0x30;
    static final int SPLIT_R = 0x40;
    static final int NEWROOT = 0xA0;
    static final int VACUUM = 0xC0;
    static final int NEWPAGES = 0xF0;

    private NbtXLog() {
    }

    /** xl_btree_insert. */
    static void logInsert(BTree tree, int buf, int offnum, byte[] tuple, int childBuf) {
        XLogRecordBuilder rec = new XLogRecordBuilder(RmgrId.BTREE, childBuf == 0 ? INSERT_LEAF : INSERT_UPPER, 0);
        register(tree, rec, 0, buf, 0);
        ByteBuffer data = ByteBuffer.allocate(2 + tuple.length).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) offnum).put(tuple);
        rec.registerBlockData(0, data.array());
        if (childBuf != 0) {
            register(tree, rec, 1, childBuf, 0);
        }
        stamp(tree, tree.wal().insert(rec), buf, childBuf);
    }

    /** xl_btree_vacuum. */
    static void logVacuum(BTree tree, int buf, int[] offsets) {
        XLogRecordBuilder rec = new XLogRecordBuilder(RmgrId.BTREE, VACUUM, 0);
        register(tree, rec, 0, buf, 0);
        ByteBuffer data = ByteBuffer.allocate(2 + 2 * offsets.length).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) offsets.length);
        for (int off : offsets) {
            data.putShort((short) off);
        }
        rec.registerBlockData(0, data.array());
        stamp(tree, tree.wal().insert(rec), buf);
    }

    /** A record carrying a full image of each buffer (splits, new roots, built pages). Zeros are skipped. */
    static void logImages(BTree tree, int info, int... bufs) {
        XLogRecordBuilder rec = new XLogRecordBuilder(RmgrId.BTREE, info, 0);
        int id = 0;
        for (int buf : bufs) {
            if (buf != 0) {
                register(tree, rec, id++, buf, XLogRecordBuilder.REGBUF_FORCE_IMAGE);
            }
        }
        stamp(tree, tree.wal().insert(rec), bufs);
    }

    private static void register(BTree tree, XLogRecordBuilder rec, int id, int buf, int flags) {
        BufferPool buffers = tree.buffers();
        rec.registerBlock(id, tree.relation().locator(), ForkNumber.MAIN, buffers.blockNumber(buf),
                buffers.page(buf), flags);
    }

    private static void stamp(BTree tree, long lsn, int... bufs) {
        for (int buf : bufs) {
            if (buf != 0) {
                Page.setLsn(tree.buffers().page(buf), lsn);
                tree.buffers().markDirty(buf);
            }
        }
    }
}
