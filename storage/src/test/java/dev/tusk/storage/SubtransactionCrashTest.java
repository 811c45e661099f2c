package dev.tusk.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapRelation;
import dev.tusk.access.heap.HeapScan;
import dev.tusk.access.transam.Transaction;
import dev.tusk.access.transam.XidStatus;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubtransactionCrashTest {
    static final StorageEngine.Config SMALL = StorageEngineTest.SMALL;
    static final TupleDesc DESC = TupleDesc.of(Attribute.of("id", AttrType.INT4));
    static final RelFileLocator REL = RelFileLocator.of(5, 16500);

    @TempDir
    Path dir;

    private static HeapAm heap(StorageEngine e) {
        return new HeapAm(e.buffers(), e.smgr(), e.transactions());
    }

    private static Set<Integer> visible(StorageEngine e) {
        Transaction tx = e.transactions().begin();
        Set<Integer> out = new TreeSet<>();
        try (HeapScan scan = heap(e).scan(new HeapRelation(REL, DESC), tx.statementSnapshot())) {
            scan.forEachRemaining(t -> out.add((Integer) t.values()[0]));
        }
        tx.commit();
        return out;
    }

    private static HeapRelation setup(StorageEngine e) {
        Transaction tx = e.transactions().begin();
        HeapRelation rel = heap(e).createRelation(tx, REL, DESC);
        tx.commit();
        return rel;
    }

    @Test
    void crashAfterTopCommitKeepsCommittedChildrenAndDropsAbortedOnes() {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        StorageEngine e = StorageEngine.open(dir, SMALL);
        HeapRelation rel = setup(e);
        HeapAm heap = heap(e);
        Transaction tx = e.transactions().begin();
        heap.insert(tx, rel, new Object[] {1});
        tx.beginSubtransaction();
        heap.insert(tx, rel, new Object[] {2});
        long released = tx.currentXid();
        tx.beginSubtransaction();
        heap.insert(tx, rel, new Object[] {3});
        long aborted = tx.currentXid();
        tx.rollbackSubtransaction();
        tx.releaseSubtransaction();
        tx.beginSubtransaction();
        heap.insert(tx, rel, new Object[] {4}); // open at COMMIT: committed with the top level
        long open = tx.currentXid();
        tx.commit();
        e.closeAfterCrash();

        try (StorageEngine again = StorageEngine.open(dir, SMALL)) {
            assertEquals(Set.of(1, 2, 4), visible(again));
            assertEquals(XidStatus.COMMITTED, again.clog().status(released));
            assertEquals(XidStatus.COMMITTED, again.clog().status(open));
            assertEquals(XidStatus.ABORTED, again.clog().status(aborted));
        }
    }

    @Test
    void crashInsideASubtransactionLeavesNothingVisible() {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        StorageEngine e = StorageEngine.open(dir, SMALL);
        HeapRelation rel = setup(e);
        HeapAm heap = heap(e);
        Transaction done = e.transactions().begin();
        heap.insert(done, rel, new Object[] {0});
        done.commit();
        Transaction tx = e.transactions().begin();
        tx.beginSubtransaction();
        heap.insert(tx, rel, new Object[] {1});
        long top = tx.xid();
        long sub = tx.currentXid();
        tx.releaseSubtransaction();
        tx.beginSubtransaction();
        heap.insert(tx, rel, new Object[] {2});
        long sub2 = tx.currentXid();
        // Another transaction commits afterwards, so the in-flight one's records are durable at the crash.
        Transaction later = e.transactions().begin();
        heap.insert(later, rel, new Object[] {9});
        later.commit();
        e.closeAfterCrash();

        try (StorageEngine again = StorageEngine.open(dir, SMALL)) {
            assertEquals(Set.of(0, 9), visible(again));
            assertNotEquals(XidStatus.COMMITTED, again.clog().status(top));
            assertEquals(XidStatus.ABORTED, again.clog().status(sub));
            assertEquals(XidStatus.ABORTED, again.clog().status(sub2));
            // New xids never reuse the crashed ones.
            Transaction next = again.transactions().begin();
            next.beginSubtransaction();
            assertEquals(true, next.getOrAssignXid() > sub2);
            next.commit();
        }
    }
}
