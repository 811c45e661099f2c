package dev.tusk.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapIndexLiveness;
import dev.tusk.access.heap.HeapRelation;
import dev.tusk.access.heap.ItemPointer;
import dev.tusk.access.nbtree.BTree;
import dev.tusk.access.nbtree.IndexKeyDesc;
import dev.tusk.access.nbtree.IndexRelation;
import dev.tusk.access.transam.Transaction;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TRUNCATE as PostgreSQL does it (ExecuteTruncateGuts with a new relfilenode): the transaction creates new,
 * empty files for the table and its index and drops the old ones at commit; an abort removes the new files
 * and keeps the old ones. Shown with the storage calls the catalog layer makes.
 */
class TruncateStorageTest {
    static final StorageEngine.Config SMALL = StorageEngineTest.SMALL;
    static final TupleDesc DESC = TupleDesc.of(Attribute.of("id", AttrType.INT4));
    static final IndexKeyDesc KEYS = IndexKeyDesc.ascending(DESC);
    static final RelFileLocator OLD_HEAP = RelFileLocator.of(5, 16700);
    static final RelFileLocator OLD_INDEX = RelFileLocator.of(5, 16701);
    static final RelFileLocator NEW_HEAP = RelFileLocator.of(5, 16702);
    static final RelFileLocator NEW_INDEX = RelFileLocator.of(5, 16703);

    @TempDir
    Path dir;

    private static HeapAm heap(StorageEngine e) {
        return new HeapAm(e.buffers(), e.smgr(), e.transactions());
    }

    private static boolean exists(StorageEngine e, RelFileLocator rel) {
        return e.smgr().exists(rel, ForkNumber.MAIN);
    }

    /** A table with 100 rows and a unique index, committed. */
    private static void populate(StorageEngine e) {
        HeapAm heap = heap(e);
        Transaction tx = e.transactions().begin();
        HeapRelation rel = heap.createRelation(tx, OLD_HEAP, DESC);
        BTree index = BTree.create(tx, e.buffers(), e.smgr(), e.wal(), new IndexRelation("t_pkey", OLD_INDEX, KEYS, true));
        for (int i = 0; i < 100; i++) {
            ItemPointer tid = heap.insert(tx, rel, new Object[] {i});
            index.insert(new Object[] {i}, tid.packed(), new HeapIndexLiveness(heap, rel, tx));
        }
        tx.commit();
    }

    /** The storage half of TRUNCATE t in {@code tx}. */
    private static void truncate(StorageEngine e, Transaction tx) {
        HeapAm heap = heap(e);
        HeapRelation fresh = heap.createRelation(tx, NEW_HEAP, DESC);
        BTree.create(tx, e.buffers(), e.smgr(), e.wal(), new IndexRelation("t_pkey", NEW_INDEX, KEYS, true));
        heap.dropRelation(tx, new HeapRelation(OLD_HEAP, DESC));
        dev.tusk.access.transam.RelationStorage.drop(tx, OLD_INDEX);
        assertEquals(0, heap.nblocks(fresh));
    }

    private static int rows(StorageEngine e, RelFileLocator rel) {
        Transaction tx = e.transactions().begin();
        try (var scan = heap(e).scan(new HeapRelation(rel, DESC), tx.statementSnapshot())) {
            int n = 0;
            while (scan.hasNext()) {
                scan.next();
                n++;
            }
            return n;
        } finally {
            tx.commit();
        }
    }

    @Test
    void committedTruncateSwapsFilesAndSurvivesACrash() {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        StorageEngine e = StorageEngine.open(dir, SMALL);
        populate(e);
        Transaction tx = e.transactions().begin();
        truncate(e, tx);
        assertTrue(exists(e, OLD_HEAP), "old files stay until commit");
        tx.commit();
        assertFalse(exists(e, OLD_HEAP));
        assertFalse(exists(e, OLD_INDEX));
        assertTrue(exists(e, NEW_HEAP));
        assertTrue(heap(e).isEmpty(new HeapRelation(NEW_HEAP, DESC), e.transactions().begin().statementSnapshot()));
        e.closeAfterCrash();
        try (StorageEngine again = StorageEngine.open(dir, SMALL)) {
            assertFalse(exists(again, OLD_HEAP), "redo of the commit record drops the old files again");
            assertFalse(exists(again, OLD_INDEX));
            assertEquals(0, rows(again, NEW_HEAP));
            BTree index = BTree.open(again.buffers(), again.wal(), new IndexRelation("t_pkey", NEW_INDEX, KEYS, true));
            assertFalse(index.scan(null, null, dev.tusk.access.nbtree.BTScan.Direction.FORWARD).hasNext());
        }
    }

    @Test
    void abortedTruncateKeepsTheOldFilesAlsoAfterACrash() {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        StorageEngine e = StorageEngine.open(dir, SMALL);
        populate(e);
        Transaction tx = e.transactions().begin();
        truncate(e, tx);
        tx.abort();
        assertFalse(exists(e, NEW_HEAP), "new files go at abort");
        assertFalse(exists(e, NEW_INDEX));
        assertEquals(100, rows(e, OLD_HEAP));
        // A truncate interrupted by a crash leaves the old table whole.
        Transaction inflight = e.transactions().begin();
        truncate(e, inflight);
        Transaction flush = e.transactions().begin();
        flush.getOrAssignXid();
        flush.commit();
        e.closeAfterCrash();
        try (StorageEngine again = StorageEngine.open(dir, SMALL)) {
            assertTrue(exists(again, OLD_HEAP));
            assertEquals(100, rows(again, OLD_HEAP));
            assertEquals(100, count(BTree.open(again.buffers(), again.wal(),
                    new IndexRelation("t_pkey", OLD_INDEX, KEYS, true))));
        }
    }

    private static int count(BTree index) {
        var scan = index.scan(null, null, dev.tusk.access.nbtree.BTScan.Direction.FORWARD);
        int n = 0;
        while (scan.hasNext()) {
            scan.next();
            n++;
        }
        return n;
    }
}
