package dev.tusk.access.heap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.nbtree.BTree;
import dev.tusk.access.nbtree.IndexKeyDesc;
import dev.tusk.access.nbtree.IndexRelation;
import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.transam.IsolationLevel;
import dev.tusk.access.transam.Transaction;
import dev.tusk.access.transam.XidStatus;
import dev.tusk.storage.ForkNumber;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubtransactionTest {
    @TempDir
    Path dir;

    @Test
    void rollbackToSavepointHidesTheSubtransactionsRowsFromOwnAndOthers() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 64)) {
            HeapRelation rel = env.createTable(16384);
            Transaction tx = env.txm.begin();
            env.heap.insert(tx, rel, new Object[] {1, "top"});
            assertEquals(1, tx.beginSubtransaction());
            long sub = tx.getOrAssignXid();
            assertTrue(sub > tx.xid(), "child xid above the parent's");
            env.heap.insert(tx, rel, new Object[] {2, "sub"});
            tx.commandCounterIncrement();
            assertEquals(Map.of(1, "top", 2, "sub"), env.visibleRows(rel, tx.statementSnapshot()));
            // Another transaction sees neither: the subxid counts as running with its top level.
            Transaction other = env.txm.begin();
            assertEquals(Map.of(), env.visibleRows(rel, other.statementSnapshot()));
            assertTrue(env.txm.isInProgress(sub));

            tx.rollbackSubtransaction();
            assertEquals(XidStatus.ABORTED, env.clog.status(sub));
            assertFalse(env.txm.isInProgress(sub));
            assertFalse(tx.isCurrentTransactionId(sub));
            assertEquals(Map.of(1, "top"), env.visibleRows(rel, tx.statementSnapshot()));
            // Continue after the rollback (ROLLBACK TO keeps the savepoint: begin again) and commit.
            tx.beginSubtransaction();
            env.heap.insert(tx, rel, new Object[] {3, "again"});
            tx.commandCounterIncrement();
            assertEquals(Map.of(1, "top", 3, "again"), env.visibleRows(rel, tx.statementSnapshot()));
            tx.commit();
            assertEquals(Map.of(1, "top", 3, "again"), env.visibleRows(rel, other.statementSnapshot()));
            other.commit();
        }
    }

    @Test
    void manySavepointsInARowKeepOnlyTheReleasedWork() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 64)) {
            HeapRelation rel = env.createTable(16393);
            Transaction tx = env.txm.begin();
            Map<Integer, String> expected = new TreeMap<>();
            for (int i = 0; i < 300; i++) {
                tx.beginSubtransaction();
                env.heap.insert(tx, rel, new Object[] {i, "r" + i});
                if (i % 3 == 0) {
                    tx.rollbackSubtransaction();
                } else {
                    tx.releaseSubtransaction();
                    expected.put(i, "r" + i);
                }
                // Nested: every 10th row goes in two levels deep, inner released, outer kept open.
                if (i % 10 == 5) {
                    tx.beginSubtransaction();
                }
            }
            tx.commandCounterIncrement();
            assertEquals(expected, env.visibleRows(rel, tx.statementSnapshot()));
            tx.commit();
            Transaction reader = env.txm.begin();
            assertEquals(expected, env.visibleRows(rel, reader.statementSnapshot()));
            reader.commit();
        }
    }

    @Test
    void xidAssignedInsideASavepointGivesTheTopLevelOneFirst() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 64)) {
            HeapRelation rel = env.createTable(16385);
            Transaction tx = env.txm.begin();
            tx.beginSubtransaction();
            tx.beginSubtransaction();
            assertEquals(0, tx.xid());
            env.heap.insert(tx, rel, new Object[] {1, "deep"});
            long[] own = tx.ownXids().all();
            assertEquals(3, own.length, "top, level 1 and level 2 all got xids");
            assertTrue(own[0] < own[1] && own[1] < own[2]);
            assertEquals(own[2], tx.currentXid());
            tx.releaseSubtransaction();
            assertEquals(own[1], tx.currentXid());
            tx.commit(); // commits the still-open level 1 too
            for (long x : own) {
                assertEquals(XidStatus.COMMITTED, env.clog.status(x));
            }
            Transaction reader = env.txm.begin();
            assertEquals(Map.of(1, "deep"), env.visibleRows(rel, reader.statementSnapshot()));
            reader.commit();
        }
    }

    @Test
    void nestedSavepointsReleaseThenRollbackOfTheParent() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 64)) {
            HeapRelation rel = env.createTable(16386);
            Transaction tx = env.txm.begin();
            env.heap.insert(tx, rel, new Object[] {1, "a"});
            tx.beginSubtransaction(); // s1
            env.heap.insert(tx, rel, new Object[] {2, "b"});
            long s1 = tx.currentXid();
            tx.beginSubtransaction(); // s2
            env.heap.insert(tx, rel, new Object[] {3, "c"});
            long s2 = tx.currentXid();
            tx.releaseSubtransaction(); // RELEASE s2: its row now belongs to s1
            tx.commandCounterIncrement();
            assertEquals(Map.of(1, "a", 2, "b", 3, "c"), env.visibleRows(rel, tx.statementSnapshot()));
            assertTrue(tx.isCurrentTransactionId(s2));
            tx.rollbackSubtransaction(); // ROLLBACK TO s1 takes s2's released work with it
            assertEquals(XidStatus.ABORTED, env.clog.status(s1));
            assertEquals(XidStatus.ABORTED, env.clog.status(s2));
            assertEquals(Map.of(1, "a"), env.visibleRows(rel, tx.statementSnapshot()));
            assertEquals(0, tx.subtransactionDepth());
            tx.commit();
            assertEquals(XidStatus.ABORTED, env.clog.status(s2), "an aborted child never commits with the top");
            Transaction reader = env.txm.begin();
            assertEquals(Map.of(1, "a"), env.visibleRows(rel, reader.statementSnapshot()));
            assertThrows(IllegalStateException.class, reader::releaseSubtransaction, "no savepoint open");
            reader.commit();
        }
    }

    @Test
    void rollbackToSavepointRestoresTheParentsVersionOfAnUpdatedRow() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 64)) {
            HeapRelation rel = env.createTable(16387);
            Transaction setup = env.txm.begin();
            ItemPointer v1 = env.heap.insert(setup, rel, new Object[] {1, "v1"});
            setup.commit();

            HeapUpdater updater = new HeapUpdater(env.heap);
            Transaction tx = env.txm.begin();
            HeapUpdater.Outcome.Updated u2 = assertInstanceOf(HeapUpdater.Outcome.Updated.class,
                    updater.update(tx, rel, v1, v -> new Object[] {1, "v2"}, v -> true, true));
            tx.commandCounterIncrement();
            tx.beginSubtransaction();
            HeapUpdater.Outcome.Updated u3 = assertInstanceOf(HeapUpdater.Outcome.Updated.class,
                    updater.update(tx, rel, u2.newTid(), v -> new Object[] {1, "v3"}, v -> true, true));
            tx.commandCounterIncrement();
            assertEquals(Map.of(1, "v3"), env.visibleRows(rel, tx.statementSnapshot()));
            tx.rollbackSubtransaction();
            assertEquals(Map.of(1, "v2"), env.visibleRows(rel, tx.statementSnapshot()));
            assertNull(env.heap.fetch(rel, u3.newTid(), tx.statementSnapshot()));
            // The parent's version can be updated again (its xmax is the aborted subxid: no wait on ourselves).
            tx.commandCounterIncrement();
            assertInstanceOf(HeapUpdater.Outcome.Updated.class,
                    updater.update(tx, rel, u2.newTid(), v -> new Object[] {1, "v4"}, v -> true, true));
            tx.commandCounterIncrement();
            assertEquals(Map.of(1, "v4"), env.visibleRows(rel, tx.statementSnapshot()));
            tx.commit();
            Transaction reader = env.txm.begin();
            assertEquals(Map.of(1, "v4"), env.visibleRows(rel, reader.statementSnapshot()));
            reader.commit();
        }
    }

    @Test
    void aWaiterOnASubtransactionsRowWakesWhenItRollsBackAndWaitsForTheTopAfterRelease() throws Exception {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 64)) {
            HeapRelation rel = env.createTable(16388);
            Transaction setup = env.txm.begin();
            ItemPointer a = env.heap.insert(setup, rel, new Object[] {1, "a"});
            ItemPointer b = env.heap.insert(setup, rel, new Object[] {2, "b"});
            setup.commit();
            HeapUpdater updater = new HeapUpdater(env.heap);

            Transaction tx = env.txm.begin();
            tx.beginSubtransaction();
            assertInstanceOf(HeapUpdater.Outcome.Deleted.class, updater.delete(tx, rel, a, v -> true));
            Transaction other = env.txm.begin();
            CompletableFuture<HeapUpdater.Outcome> waiting = CompletableFuture.supplyAsync(
                    () -> updater.update(other, rel, a, v -> new Object[] {1, "other"}, v -> true, true));
            Thread.sleep(100);
            assertFalse(waiting.isDone(), "blocked on the subtransaction's delete");
            tx.rollbackSubtransaction();
            assertInstanceOf(HeapUpdater.Outcome.Updated.class, waiting.get(10, TimeUnit.SECONDS),
                    "woken by ROLLBACK TO while the top level is still running");

            tx.beginSubtransaction();
            assertInstanceOf(HeapUpdater.Outcome.Deleted.class, updater.delete(tx, rel, b, v -> true));
            tx.releaseSubtransaction();
            CompletableFuture<HeapUpdater.Outcome> second = CompletableFuture.supplyAsync(
                    () -> updater.delete(other, rel, b, v -> true));
            Thread.sleep(100);
            assertFalse(second.isDone(), "a released subtransaction's lock is held until the top level ends");
            tx.commit();
            assertInstanceOf(HeapUpdater.Outcome.Skipped.class, second.get(10, TimeUnit.SECONDS),
                    "row was deleted by the committed transaction");
            other.commit();
        }
    }

    @Test
    void uniqueCheckTreatsARowOfAnAbortedSubtransactionAsDead() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 64)) {
            HeapRelation rel = env.createTable(16389);
            IndexKeyDesc keys = IndexKeyDesc.ascending(TupleDesc.of(Attribute.of("id", AttrType.INT4)));
            BTree index = BTree.create(env.pool, env.smgr, env.wal,
                    new IndexRelation("t_pkey", HeapTestEnv.locator(16390), keys, true));
            Transaction tx = env.txm.begin();
            tx.beginSubtransaction();
            ItemPointer first = env.heap.insert(tx, rel, new Object[] {7, "x"});
            index.insert(new Object[] {7}, first.packed(), new HeapIndexLiveness(env.heap, rel, tx));
            ItemPointer dup = env.heap.insert(tx, rel, new Object[] {7, "dup"});
            TuskException e = assertThrows(TuskException.class,
                    () -> index.insert(new Object[] {7}, dup.packed(), new HeapIndexLiveness(env.heap, rel, tx)));
            assertEquals(SqlState.UNIQUE_VIOLATION, e.sqlState());
            tx.rollbackSubtransaction();
            // Own transaction after ROLLBACK TO: the old entry is dead.
            ItemPointer again = env.heap.insert(tx, rel, new Object[] {7, "again"});
            index.insert(new Object[] {7}, again.packed(), new HeapIndexLiveness(env.heap, rel, tx));
            tx.commit();
            // Another transaction also sees the aborted subtransaction's entry as dead and the committed one live.
            Transaction other = env.txm.begin();
            ItemPointer third = env.heap.insert(other, rel, new Object[] {7, "third"});
            assertThrows(TuskException.class,
                    () -> index.insert(new Object[] {7}, third.packed(), new HeapIndexLiveness(env.heap, rel, other)));
            other.abort();
        }
    }

    @Test
    void filesCreatedInAnAbortedSubtransactionAreRemovedAndDropsForgotten() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 64)) {
            HeapRelation keep = env.createTable(16391);
            Transaction tx = env.txm.begin();
            tx.beginSubtransaction();
            HeapRelation created = env.heap.createRelation(tx, HeapTestEnv.locator(16392), HeapTestEnv.DESC);
            env.heap.dropRelation(tx, keep);
            assertTrue(env.smgr.exists(created.locator(), ForkNumber.MAIN));
            tx.rollbackSubtransaction();
            assertFalse(env.smgr.exists(created.locator(), ForkNumber.MAIN), "created in the aborted subtransaction");
            tx.commit();
            assertTrue(env.smgr.exists(keep.locator(), ForkNumber.MAIN), "the drop was rolled back with it");
        }
    }

    @Test
    void isolationCanChangeOnlyBeforeTheFirstSnapshot() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 16)) {
            Transaction tx = env.txm.begin();
            tx.setIsolation(IsolationLevel.REPEATABLE_READ);
            assertEquals(IsolationLevel.REPEATABLE_READ, tx.isolation());
            var s1 = tx.statementSnapshot();
            tx.commandCounterIncrement();
            assertArrayEquals(s1.xip(), tx.statementSnapshot().xip());
            TuskException e = assertThrows(TuskException.class, () -> tx.setIsolation(IsolationLevel.READ_COMMITTED));
            assertEquals(SqlState.ACTIVE_SQL_TRANSACTION, e.sqlState());
            assertEquals("SET TRANSACTION ISOLATION LEVEL must be called before any query", e.getMessage());
            tx.commit();

            Transaction sub = env.txm.begin();
            sub.beginSubtransaction();
            assertEquals("SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction",
                    assertThrows(TuskException.class, () -> sub.setIsolation(IsolationLevel.SERIALIZABLE)).getMessage());
            sub.abort();
        }
    }

    @Test
    void readWriteModeCanBeRestoredOnlyBeforeTheFirstQueryAtTopLevel() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 16)) {
            Transaction ro = env.txm.begin(IsolationLevel.READ_COMMITTED, true);
            ro.setReadOnly(false);
            assertFalse(ro.isReadOnly());
            ro.statementSnapshot();
            ro.setReadOnly(true);
            TuskException late = assertThrows(TuskException.class, () -> ro.setReadOnly(false));
            assertEquals("transaction read-write mode must be set before any query", late.getMessage());
            assertEquals(SqlState.ACTIVE_SQL_TRANSACTION, late.sqlState());
            ro.commit();
            Transaction nested = env.txm.begin(IsolationLevel.READ_COMMITTED, true);
            nested.beginSubtransaction();
            assertEquals("cannot set transaction read-write mode inside a read-only transaction",
                    assertThrows(TuskException.class, () -> nested.setReadOnly(false)).getMessage());
            nested.commit();
        }
    }

}
