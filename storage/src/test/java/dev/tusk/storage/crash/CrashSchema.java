package dev.tusk.storage.crash;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapRelation;
import dev.tusk.access.nbtree.BTree;
import dev.tusk.access.nbtree.IndexKeyDesc;
import dev.tusk.access.nbtree.IndexRelation;
import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.StorageEngine;

/**
 * The table the crash test writes: {@code crash(k int8, round int4, worker int4, seq int8, payload text)} with
 * a unique B-tree on {@code k}. Each transaction inserts {@link #rowsOf(long)} rows with keys
 * {@link #key(int, int, long, int)}, so the checker knows exactly what a committed transaction left.
 */
final class CrashSchema {
    static final StorageEngine.Config CONFIG = new StorageEngine.Config(96, 256 * 1024, 1024 * 1024, true, true);
    static final TupleDesc DESC = TupleDesc.of(Attribute.of("k", AttrType.INT8), Attribute.of("round", AttrType.INT4),
            Attribute.of("worker", AttrType.INT4), Attribute.of("seq", AttrType.INT8),
            Attribute.of("payload", AttrType.TEXT));
    static final HeapRelation HEAP = new HeapRelation(RelFileLocator.of(5, 16384), DESC);
    static final IndexRelation INDEX = new IndexRelation("crash_pkey", RelFileLocator.of(5, 16385),
            IndexKeyDesc.ascending(TupleDesc.of(Attribute.of("k", AttrType.INT8))), true);

    /** Added to the worker number of rows written in savepoints that are rolled back. */
    static final int ROLLED_BACK_WORKER_OFFSET = 100;

    private CrashSchema() {
    }

    static int rowsOf(long seq) {
        return 1 + (int) (seq % 3);
    }

    static long key(int round, int worker, long seq, int row) {
        return ((long) round << 48) | ((long) worker << 40) | (seq << 4) | row;
    }

    /** Creates the table and index on first use; both exist durably when this returns. */
    static BTree openOrCreate(StorageEngine engine, HeapAm heap) {
        if (engine.smgr().exists(HEAP.locator(), dev.tusk.storage.ForkNumber.MAIN)) {
            return BTree.open(engine.buffers(), engine.wal(), INDEX);
        }
        try (Transaction tx = engine.transactions().begin()) {
            heap.createRelation(tx, HEAP.locator(), DESC);
            tx.commit();
        }
        BTree index = BTree.create(engine.buffers(), engine.smgr(), engine.wal(), INDEX);
        engine.createCheckPoint(false);
        return index;
    }
}
