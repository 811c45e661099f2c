package dev.tusk.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapRelation;
import dev.tusk.access.heap.HeapScan;
import dev.tusk.access.heap.HeapTupleHeader;
import dev.tusk.storage.page.Page;
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

    /** The infomask of every item on block 0 of {@link #REL}. */
    private static java.util.List<Integer> infomasks(StorageEngine e) {
        int buf = e.buffers().readBuffer(REL, ForkNumber.MAIN, 0);
        e.buffers().lockShared(buf);
        try {
            java.lang.foreign.MemorySegment page = e.buffers().page(buf);
            java.util.List<Integer> out = new java.util.ArrayList<>();
            for (int off = Page.FIRST_OFFSET_NUMBER; off <= Page.maxOffsetNumber(page); off++) {
                out.add(HeapTupleHeader.infomask(Page.item(page, off)));
            }
            return out;
        } finally {
            e.buffers().unlockAndRelease(buf);
        }
    }

    /**
     * An asynchronous commit of a transaction with subtransactions: readers see the rows at once, but the
     * committed hint bit goes on no row, the children's included, before the commit record is durable (a page
     * with such a hint could otherwise reach disk ahead of the commit record); once it is, the next reader
     * sets it on all of them.
     */
    @Test
    void asyncCommitWithChildrenSetsNoHintBeforeTheCommitRecordIsDurable() {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        try (StorageEngine e = StorageEngine.open(dir, SMALL)) {
            HeapRelation rel = setup(e);
            HeapAm heap = heap(e);
            Transaction tx = e.transactions().begin();
            tx.setSynchronousCommit(false);
            heap.insert(tx, rel, new Object[] {1});
            tx.beginSubtransaction();
            heap.insert(tx, rel, new Object[] {2});
            tx.releaseSubtransaction();
            tx.beginSubtransaction();
            heap.insert(tx, rel, new Object[] {3}); // still open at COMMIT
            tx.commit();
            assertTrue(e.wal().flushLsn() < tx.commitLsn(), "precondition: the commit record is not flushed yet");
            assertEquals(Set.of(1, 2, 3), visible(e), "an asynchronous commit is visible at once");
            for (int mask : infomasks(e)) {
                assertEquals(0, mask & HeapTupleHeader.HEAP_XMIN_COMMITTED, "hint set before the commit is durable");
            }
            e.wal().flushAll();
            assertEquals(Set.of(1, 2, 3), visible(e));
            for (int mask : infomasks(e)) {
                assertEquals(HeapTupleHeader.HEAP_XMIN_COMMITTED, mask & HeapTupleHeader.HEAP_XMIN_COMMITTED,
                        "hint set once the commit is durable");
            }
        }
    }

    /**
     * Transfers made in nested savepoints (released, rolled back, redone) by concurrent sessions while
     * checkpoints run, then a crash: after recovery every committed transfer is there with all of its
     * subtransactions and nothing else, so the total is unchanged and every account is visible once.
     */
    @Test
    void concurrentTransfersInSavepointsSurviveACrashWithCheckpointsAtomically() throws Exception {
        TupleDesc accounts = TupleDesc.of(Attribute.of("id", AttrType.INT4), Attribute.of("bal", AttrType.INT8));
        RelFileLocator loc = RelFileLocator.of(5, 16510);
        int n = 6;
        StorageEngine.bootstrap(dir, 1L, SMALL);
        StorageEngine e = StorageEngine.open(dir, SMALL);
        HeapAm heap = heap(e);
        Transaction setup = e.transactions().begin();
        HeapRelation rel = heap.createRelation(setup, loc, accounts);
        for (int i = 0; i < n; i++) {
            heap.insert(setup, rel, new Object[] {i, 100L});
        }
        setup.commit();
        dev.tusk.access.heap.HeapUpdater upd = new dev.tusk.access.heap.HeapUpdater(heap);
        java.util.List<StorageTestSupport.Work> jobs = new java.util.ArrayList<>();
        for (int w = 0; w < 3; w++) {
            jobs.add(() -> {
                java.util.concurrent.ThreadLocalRandom rnd = java.util.concurrent.ThreadLocalRandom.current();
                for (int i = 0; i < 60; i++) {
                    int a = rnd.nextInt(n);
                    int b = (a + 1 + rnd.nextInt(n - 1)) % n;
                    int lo = Math.min(a, b);
                    int hi = Math.max(a, b);
                    long amount = 1 + rnd.nextInt(5);
                    Transaction tx = e.transactions().begin();
                    tx.beginSubtransaction();
                    move(heap, upd, rel, tx, lo, -amount);
                    tx.beginSubtransaction();
                    move(heap, upd, rel, tx, hi, 1_000); // wrong amount: rolled back and redone
                    tx.rollbackSubtransaction();
                    tx.beginSubtransaction();
                    move(heap, upd, rel, tx, hi, amount);
                    tx.releaseSubtransaction();
                    tx.releaseSubtransaction();
                    tx.commit();
                }
            });
        }
        StorageTestSupport.runUnderCheckpoints(e, 2, jobs);
        // One more transfer is left half-done in an open savepoint at the crash.
        Transaction open = e.transactions().begin();
        open.beginSubtransaction();
        move(heap, upd, rel, open, 0, -50);
        Transaction flusher = e.transactions().begin();
        flusher.getOrAssignXid();
        flusher.commit(); // makes the open transaction's records durable too
        e.closeAfterCrash();

        try (StorageEngine again = StorageEngine.open(dir, SMALL)) {
            Transaction r = again.transactions().begin();
            java.util.Map<Integer, Long> seen = new java.util.TreeMap<>();
            try (HeapScan scan = heap(again).scan(new HeapRelation(loc, accounts), r.statementSnapshot())) {
                scan.forEachRemaining(t -> assertEquals(null,
                        seen.put((Integer) t.values()[0], (Long) t.values()[1]), "account seen twice"));
            }
            r.commit();
            assertEquals(n, seen.size());
            assertEquals(100L * n, seen.values().stream().mapToLong(Long::longValue).sum(), "balances " + seen);
        }
    }

    private static void move(HeapAm heap, dev.tusk.access.heap.HeapUpdater upd, HeapRelation rel, Transaction tx,
            int id, long delta) {
        dev.tusk.access.heap.ItemPointer tid = null;
        try (HeapScan scan = heap.scan(rel, tx.statementSnapshot())) {
            while (scan.hasNext()) {
                var t = scan.next();
                if ((Integer) t.values()[0] == id) {
                    tid = t.tid();
                }
            }
        }
        var o = upd.update(tx, rel, tid, v -> {
            v[1] = (Long) v[1] + delta;
            return v;
        }, v -> true, true);
        assertTrue(o instanceof dev.tusk.access.heap.HeapUpdater.Outcome.Updated, "account " + id + ": " + o);
        tx.commandCounterIncrement();
    }
}
