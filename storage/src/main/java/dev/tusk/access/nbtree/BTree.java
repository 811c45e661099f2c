package dev.tusk.access.nbtree;

import dev.tusk.access.nbtree.NbtPage.Access;
import dev.tusk.access.transam.XLog;
import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.buffer.BufferPool;
import dev.tusk.storage.smgr.Smgr;
import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * One B-tree index: the entry points the executor, DDL and VACUUM call (PostgreSQL's {@code nbtree.c}:
 * {@code btbuildempty}, {@code btbuild}, {@code btinsert}, {@code btbeginscan}/{@code btgettuple},
 * {@code btbulkdelete}). The object holds no page state; any number of threads may use one instance.
 */
public final class BTree {
    private final IndexRelation relation;
    private final BufferPool buffers;
    private final XLog wal;
    private final NbtPage pages;

    private BTree(IndexRelation relation, BufferPool buffers, XLog wal) {
        this.relation = Objects.requireNonNull(relation, "relation");
        this.buffers = Objects.requireNonNull(buffers, "buffers");
        this.wal = Objects.requireNonNull(wal, "wal");
        this.pages = new NbtPage(this);
    }

    /** btbuildempty: a new index with its metapage and an empty root leaf, WAL-logged as page images. */
    public static BTree create(BufferPool buffers, Smgr smgr, XLog wal, IndexRelation relation) {
        return build(buffers, smgr, wal, relation, Collections.emptyIterator());
    }

    /**
     * index_create's storage part inside a transaction: the file is created and its creation WAL-logged
     * (RelationCreateStorage), removed again if {@code tx} (or the subtransaction creating it) aborts, and
     * filled with an empty index. REINDEX and TRUNCATE use this with a new relfilenode and drop the old one
     * with {@code RelationStorage.drop} at commit.
     */
    public static BTree create(dev.tusk.access.transam.Transaction tx, BufferPool buffers, Smgr smgr, XLog wal,
            IndexRelation relation) {
        dev.tusk.access.transam.RelationStorage.create(tx, wal, smgr, relation.locator(), ForkNumber.MAIN);
        return create(buffers, smgr, wal, relation);
    }

    /** As {@link #build(BufferPool, Smgr, XLog, IndexRelation, Iterator)} into a file created in {@code tx}. */
    public static BTree build(dev.tusk.access.transam.Transaction tx, BufferPool buffers, Smgr smgr, XLog wal,
            IndexRelation relation, Iterator<IndexEntry> sorted) {
        dev.tusk.access.transam.RelationStorage.create(tx, wal, smgr, relation.locator(), ForkNumber.MAIN);
        return build(buffers, smgr, wal, relation, sorted);
    }

    /**
     * btbuild (nbtsort.c): builds the index bottom-up from entries already sorted in index order (key
     * columns as declared, then heap TID). For a unique index, equal non-null keys raise 23505.
     */
    public static BTree build(BufferPool buffers, Smgr smgr, XLog wal, IndexRelation relation,
            Iterator<IndexEntry> sorted) {
        BTree tree = new BTree(relation, buffers, wal);
        if (!smgr.exists(relation.locator(), ForkNumber.MAIN)) {
            smgr.create(relation.locator(), ForkNumber.MAIN, false);
        }
        if (buffers.nblocks(relation.locator(), ForkNumber.MAIN) != 0) {
            throw new IllegalStateException("index \"" + relation.name() + "\" already contains data");
        }
        new NbtSort(tree).build(sorted);
        return tree;
    }

    /** Opens an existing index, checking its metapage. */
    public static BTree open(BufferPool buffers, XLog wal, IndexRelation relation) {
        BTree tree = new BTree(relation, buffers, wal);
        tree.pages.meta();
        return tree;
    }

    /** btinsert for a non-unique index. */
    public void insert(Object[] values, long heapTid) {
        insert(values, heapTid, null);
    }

    /**
     * btinsert with the uniqueness check (UNIQUE_CHECK_YES) when the index is unique: a live equal key raises
     * SQLSTATE 23505, an in-progress one makes the call wait for that transaction and retry.
     */
    public void insert(Object[] values, long heapTid, HeapLiveness liveness) {
        NbtInsert.insert(this, values.clone(), heapTid, liveness);
    }

    /** A scan between optional bounds on a prefix of the key columns, in either direction. */
    public BTScan scan(BTScan.Bound lower, BTScan.Bound upper, BTScan.Direction direction) {
        return new BTScan(this, lower, upper, direction);
    }

    /** All entries whose first key columns equal {@code prefix}, ascending. */
    public BTScan scanEqual(Object... prefix) {
        BTScan.Bound b = BTScan.Bound.inclusive(prefix);
        return scan(b, b, BTScan.Direction.FORWARD);
    }

    /** btbulkdelete: removes every leaf entry whose heap TID {@code isDead} says is gone. */
    public NbtVacuum.Result bulkDelete(LongPredicate isDead) {
        return NbtVacuum.bulkDelete(this, isDead);
    }

    /** The root's level (0 while the root is a leaf). */
    public int height() {
        return pages.meta().level();
    }

    /** Largest leaf tuple accepted (BTMaxItemSize). */
    public static int maxItemSize() {
        return NbtInsert.maxItemSize();
    }

    public IndexRelation relation() {
        return relation;
    }

    BufferPool buffers() {
        return buffers;
    }

    XLog wal() {
        return wal;
    }

    NbtPage pages() {
        return pages;
    }

    /** Number of blocks in the index (metapage included). */
    public long blocks() {
        return buffers.nblocks(relation.locator(), ForkNumber.MAIN);
    }

    /** The leftmost leaf's block, for tests and tools. */
    long leftmostLeaf() {
        int buf = pages.endpoint(0, false, Access.READ);
        try {
            return pages.block(buf);
        } finally {
            pages.release(buf);
        }
    }
}
