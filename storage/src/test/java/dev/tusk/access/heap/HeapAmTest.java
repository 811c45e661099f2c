package dev.tusk.access.heap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.IsolationLevel;
import dev.tusk.access.transam.Transaction;
import dev.tusk.access.transam.XidStatus;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.time.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapAmTest {
    @TempDir
    Path dir;

    @Test
    void insertFetchUpdateDeleteScan() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 64)) {
            HeapRelation rel = env.createTable(16384);
            Transaction t1 = env.txm.begin();
            ItemPointer a = env.heap.insert(t1, rel, new Object[] {1, "one"});
            ItemPointer b = env.heap.insert(t1, rel, new Object[] {2, null});
            for (int i = 3; i <= 400; i++) {
                env.heap.insert(t1, rel, new Object[] {i, "x".repeat(100)});
            }
            t1.commit();
            assertTrue(env.pool.nblocks(rel.locator(), dev.tusk.storage.ForkNumber.MAIN) > 3, "spans pages");

            Transaction t2 = env.txm.begin();
            Snapshot s = t2.statementSnapshot();
            assertArrayEquals(new Object[] {1, "one"}, env.heap.fetch(rel, a, s));
            TmResult up = env.heap.update(t2, rel, a, new Object[] {1, "uno"}, true);
            ItemPointer a2 = assertInstanceOf(TmResult.Ok.class, up).newTid();
            assertEquals(a.block(), a2.block());
            assertTrue(((TmResult.Ok) up).hot(), "fits on the same page: HOT");
            assertEquals(TmResult.OK, env.heap.delete(t2, rel, b));
            t2.commandCounterIncrement();
            Snapshot s2 = t2.statementSnapshot();
            assertNull(env.heap.fetch(rel, a, s2), "old version gone for the updater");
            assertArrayEquals(new Object[] {1, "uno"}, env.heap.fetch(rel, a2, s2));
            assertEquals(new HeapTuple(a2, new Object[] {1, "uno"}), env.heap.hotSearch(rel, a, s2),
                    "index entry of the old version reaches the new one through the HOT chain");
            t2.commit();

            Transaction t3 = env.txm.begin(IsolationLevel.READ_COMMITTED, true);
            Map<Integer, String> seen = env.visibleRows(rel, t3.statementSnapshot());
            assertEquals(399, seen.size());
            assertEquals("uno", seen.get(1));
            assertFalse(seen.containsKey(2));
            assertEquals(TupleLiveness.LIVE, env.heap.liveness(rel, a, t3), "HOT chain has a live member");
            assertEquals(TupleLiveness.DEAD, env.heap.liveness(rel, b, t3));
            t3.commit();
        }
    }

    @Test
    void updateToAnotherPageWhenFull() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 64)) {
            HeapRelation rel = env.createTable(16390);
            Transaction t1 = env.txm.begin();
            ItemPointer first = env.heap.insert(t1, rel, new Object[] {1, "a"});
            for (int i = 2; i <= 70; i++) {
                env.heap.insert(t1, rel, new Object[] {i, "y".repeat(100)});
            }
            t1.commit();
            Transaction t2 = env.txm.begin();
            TmResult.Ok ok = assertInstanceOf(TmResult.Ok.class,
                    env.heap.update(t2, rel, first, new Object[] {1, "z".repeat(3000)}, true));
            assertNotEquals(first.block(), ok.newTid().block());
            assertFalse(ok.hot());
            t2.commit();
            Transaction t3 = env.txm.begin();
            assertEquals("z".repeat(3000), env.visibleRows(rel, t3.statementSnapshot()).get(1));
            assertInstanceOf(TmResult.Updated.class, env.heap.delete(t3, rel, first), "old version was updated");
            t3.commit();
        }
    }

    @Test
    void commandIdsSeparateStatements() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 32)) {
            HeapRelation rel = env.createTable(16385);
            Transaction tx = env.txm.begin();
            Snapshot st0 = tx.statementSnapshot();
            ItemPointer t = env.heap.insert(tx, rel, new Object[] {1, "a"});
            assertNull(env.heap.fetch(rel, t, st0), "a command does not see its own insert");
            tx.commandCounterIncrement();
            Snapshot st1 = tx.statementSnapshot();
            assertArrayEquals(new Object[] {1, "a"}, env.heap.fetch(rel, t, st1));
            assertEquals(TmResult.OK, env.heap.delete(tx, rel, t));
            assertArrayEquals(new Object[] {1, "a"}, env.heap.fetch(rel, t, st1), "deleted by the current command");
            assertInstanceOf(TmResult.SelfModified.class, env.heap.delete(tx, rel, t));
            tx.commandCounterIncrement();
            assertNull(env.heap.fetch(rel, t, tx.statementSnapshot()), "deleted by an earlier command");
            tx.commit();
        }
    }

    @Test
    void readOnlyWorkWritesNoWalAndGetsNoXid() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 32)) {
            HeapRelation rel = env.createTable(16386);
            Transaction w = env.txm.begin();
            env.heap.insert(w, rel, new Object[] {1, "a"});
            w.commit();
            long before = env.wal.insertLsn();
            Transaction r = env.txm.begin(IsolationLevel.REPEATABLE_READ, false);
            assertEquals(1, env.scan(rel, r.statementSnapshot()).size());
            r.commit();
            assertEquals(0, r.xid());
            assertEquals(0, r.commitLsn());
            Transaction ro = env.txm.begin(IsolationLevel.READ_COMMITTED, true);
            TuskException e = assertThrows(TuskException.class,
                    () -> env.heap.insert(ro, rel, new Object[] {2, "b"}));
            assertEquals(SqlState.READ_ONLY_SQL_TRANSACTION, e.sqlState());
            assertEquals("cannot execute INSERT in a read-only transaction", e.getMessage());
            ro.abort();
            assertEquals(before, env.wal.insertLsn(), "read-only transactions wrote no WAL");
            Transaction w2 = env.txm.begin();
            env.heap.insert(w2, rel, new Object[] {3, "c"});
            w2.commit();
            assertTrue(w2.commitLsn() > before);
            assertTrue(env.wal.flushLsn() >= w2.commitLsn(), "synchronous commit flushed its record");
            assertEquals(XidStatus.COMMITTED, env.clog.status(w2.xid()));
        }
    }

    @Test
    void readCommittedSeesNewCommitsRepeatableReadDoesNot() throws Exception {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 32)) {
            HeapRelation rel = env.createTable(16387);
            Transaction rc = env.txm.begin(IsolationLevel.READ_COMMITTED, false);
            Transaction rr = env.txm.begin(IsolationLevel.REPEATABLE_READ, false);
            assertEquals(0, env.scan(rel, rc.statementSnapshot()).size());
            assertEquals(0, env.scan(rel, rr.statementSnapshot()).size());
            CompletableFuture.runAsync(() -> {
                Transaction w = env.txm.begin();
                env.heap.insert(w, rel, new Object[] {1, "new"});
                w.commit();
            }, r -> Thread.ofPlatform().start(r)).get(30, TimeUnit.SECONDS);
            assertEquals(1, env.scan(rel, rc.statementSnapshot()).size(), "RC: next statement sees the commit");
            assertEquals(0, env.scan(rel, rr.statementSnapshot()).size(), "RR: still the transaction snapshot");
            rc.commit();
            rr.commit();
        }
    }

    @Test
    void repeatableReadUpdateAfterConcurrentCommittedUpdateFails() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 32)) {
            HeapRelation rel = env.createTable(16388);
            Transaction setup = env.txm.begin();
            ItemPointer tid = env.heap.insert(setup, rel, new Object[] {1, "v0"});
            setup.commit();
            HeapUpdater updater = new HeapUpdater(env.heap);
            Transaction rr = env.txm.begin(IsolationLevel.REPEATABLE_READ, false);
            assertEquals(1, env.scan(rel, rr.statementSnapshot()).size());
            Transaction other = env.txm.begin();
            updater.update(other, rel, tid, v -> new Object[] {v[0], "other"}, v -> true, true);
            other.commit();
            TuskException e = assertThrows(TuskException.class,
                    () -> updater.update(rr, rel, tid, v -> new Object[] {v[0], "rr"}, v -> true, true));
            assertEquals(SqlState.T_R_SERIALIZATION_FAILURE, e.sqlState());
            assertEquals("could not serialize access due to concurrent update", e.getMessage());
            rr.abort();
        }
    }

    @Test
    void readCommittedUpdateWaitsForWriterThenUpdatesNewestVersion() throws Exception {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 32)) {
            HeapRelation rel = env.createTable(16389);
            Transaction setup = env.txm.begin();
            ItemPointer tid = env.heap.insert(setup, rel, new Object[] {1, "0"});
            setup.commit();
            HeapUpdater updater = new HeapUpdater(env.heap);
            Transaction t1 = env.txm.begin();
            updater.update(t1, rel, tid, v -> new Object[] {v[0], v[1] + "+1"}, v -> true, true);

            Transaction t2 = env.txm.begin(IsolationLevel.READ_COMMITTED, false);
            t2.statementSnapshot();
            CompletableFuture<HeapUpdater.Outcome> f = new CompletableFuture<>();
            Thread th = Thread.ofPlatform().start(() -> {
                try {
                    f.complete(updater.update(t2, rel, tid, v -> new Object[] {v[0], v[1] + "+10"}, v -> true, true));
                } catch (Throwable ex) {
                    f.completeExceptionally(ex);
                }
            });
            th.join(300);
            assertFalse(f.isDone(), "t2 waits for t1's row lock (its xmax)");
            t1.commit();
            HeapUpdater.Outcome o = f.get(30, TimeUnit.SECONDS);
            HeapUpdater.Outcome.Updated u = assertInstanceOf(HeapUpdater.Outcome.Updated.class, o);
            assertEquals("0+1+10", u.newValues()[1], "applied on top of the committed newer version");
            t2.commit();
            Transaction check = env.txm.begin();
            assertEquals(Map.of(1, "0+1+10"), env.visibleRows(rel, check.statementSnapshot()));
            check.commit();
        }
    }

    @Test
    void waitingWriterProceedsWhenHolderAborts() throws Exception {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 32)) {
            HeapRelation rel = env.createTable(16391);
            Transaction setup = env.txm.begin();
            ItemPointer tid = env.heap.insert(setup, rel, new Object[] {1, "0"});
            setup.commit();
            HeapUpdater updater = new HeapUpdater(env.heap);
            Transaction t1 = env.txm.begin();
            assertInstanceOf(HeapUpdater.Outcome.Deleted.class, updater.delete(t1, rel, tid, v -> true));
            Transaction rr = env.txm.begin(IsolationLevel.REPEATABLE_READ, false);
            rr.statementSnapshot();
            CompletableFuture<HeapUpdater.Outcome> f = CompletableFuture.supplyAsync(
                    () -> updater.update(rr, rel, tid, v -> new Object[] {v[0], "rr"}, v -> true, true),
                    r -> Thread.ofPlatform().start(r));
            Thread.sleep(200);
            assertFalse(f.isDone());
            t1.abort();
            assertInstanceOf(HeapUpdater.Outcome.Updated.class, f.get(30, TimeUnit.SECONDS));
            rr.commit();
        }
    }

    @Test
    void crashRecoveryReplaysCommittedWorkOnly() {
        HeapRelation rel;
        Map<Integer, String> expected;
        long lastXid;
        try (HeapTestEnv env = HeapTestEnv.create(dir, 16)) {
            rel = env.createTable(16392);
            Transaction t1 = env.txm.begin();
            ItemPointer[] tids = new ItemPointer[300];
            for (int i = 0; i < tids.length; i++) {
                tids[i] = env.heap.insert(t1, rel, new Object[] {i, "row" + i + "-" + "p".repeat(60)});
            }
            t1.commit();
            Transaction t2 = env.txm.begin();
            env.heap.update(t2, rel, tids[0], new Object[] {0, "updated"}, true);
            env.heap.update(t2, rel, tids[1], new Object[] {1, "moved-" + "m".repeat(2000)}, false);
            env.heap.delete(t2, rel, tids[2]);
            t2.commit();
            Transaction aborted = env.txm.begin();
            env.heap.insert(aborted, rel, new Object[] {1000, "aborted"});
            env.heap.delete(aborted, rel, tids[3]);
            aborted.abort();
            Transaction dropped = env.txm.begin();
            HeapRelation temp = env.heap.createRelation(dropped, HeapTestEnv.locator(16393), HeapTestEnv.DESC);
            env.heap.insert(dropped, temp, new Object[] {1, "gone"});
            dropped.abort();
            assertFalse(Files.exists(dir.resolve("base/5/16393")), "aborted creation removed its file");
            Transaction inFlight = env.txm.begin();
            env.heap.insert(inFlight, rel, new Object[] {2000, "in flight"});
            env.heap.update(inFlight, rel, tids[4], new Object[] {4, "in flight"}, true);
            Transaction reader = env.txm.begin();
            expected = new TreeMap<>(env.visibleRows(rel, reader.statementSnapshot()));
            reader.commit();
            lastXid = inFlight.xid();
            assertEquals(299, expected.size());
            env.crash();
        }
        try (HeapTestEnv env = HeapTestEnv.recover(dir, 16)) {
            assertTrue(env.replayed > 300);
            Transaction tx = env.txm.begin();
            Map<Integer, String> after = env.visibleRows(rel, tx.statementSnapshot());
            assertEquals(expected, after);
            assertEquals("updated", after.get(0));
            assertFalse(after.containsKey(2000), "in-progress transaction at the crash is invisible");
            assertEquals(XidStatus.IN_PROGRESS, env.clog.status(lastXid), "crashed: never committed");
            env.heap.insert(tx, rel, new Object[] {5000, "after"});
            assertTrue(tx.xid() > lastXid, "next xid advanced past every xid in the WAL");
            tx.commit();
            assertFalse(Files.exists(dir.resolve("base/5/16393")));
            expected.put(5000, "after");
            env.crash();
        }
        // Replaying the same WAL again over pages that already have it changes nothing (page LSNs).
        try (HeapTestEnv env = HeapTestEnv.recover(dir, 16)) {
            Transaction tx = env.txm.begin();
            assertEquals(expected, env.visibleRows(rel, tx.statementSnapshot()));
            tx.commit();
        }
    }

    @Test
    void concurrentInsertersGetDistinctSlots() throws Exception {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 32)) {
            HeapRelation rel = env.createTable(16394);
            List<CompletableFuture<Void>> fs = new java.util.ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int base = w * 1000;
                fs.add(CompletableFuture.runAsync(() -> {
                    Transaction tx = env.txm.begin();
                    for (int i = 0; i < 150; i++) {
                        env.heap.insert(tx, rel, new Object[] {base + i, "w".repeat(50)});
                    }
                    tx.commit();
                }, r -> Thread.ofPlatform().start(r)));
            }
            for (CompletableFuture<Void> f : fs) {
                f.get(60, TimeUnit.SECONDS);
            }
            Transaction tx = env.txm.begin();
            assertEquals(450, env.visibleRows(rel, tx.statementSnapshot()).size());
            tx.commit();
        }
    }

    @Test
    void asynchronousCommitDefersCommittedHintUntilWalFlush() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 32)) {
            HeapRelation rel = env.createTable(16395);
            Transaction tx = env.txm.begin();
            tx.setSynchronousCommit(false);
            env.heap.insert(tx, rel, new Object[] {1, "async"});
            tx.commit();
            assertEquals(XidStatus.COMMITTED, env.clog.status(tx.xid()));
            if (env.wal.flushLsn() < tx.commitLsn()) {
                assertFalse(env.txm.mayHintCommitted(tx.xid()), "commit record not durable yet");
            }
            env.wal.flush(tx.commitLsn());
            assertTrue(env.txm.mayHintCommitted(tx.xid()));
            Transaction r = env.txm.begin();
            assertEquals(1, env.scan(rel, r.statementSnapshot()).size());
            r.commit();
        }
    }

    @Test
    void uniqueCheckLivenessFollowsTheRowsFate() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 32)) {
            HeapRelation rel = env.createTable(16396);
            Transaction ins = env.txm.begin();
            ItemPointer tid = env.heap.insert(ins, rel, new Object[] {7, "k"});
            Transaction checker = env.txm.begin();
            HeapIndexLiveness live = new HeapIndexLiveness(env.heap, rel, checker);
            assertEquals(new dev.tusk.access.nbtree.HeapLiveness.InProgress(ins.xid()), live.check(tid.packed()));
            assertEquals(dev.tusk.access.nbtree.HeapLiveness.LIVE,
                    new HeapIndexLiveness(env.heap, rel, ins).check(tid.packed()), "own insert conflicts");
            ins.commit();
            live.waitForTransaction(ins.xid());
            assertEquals(dev.tusk.access.nbtree.HeapLiveness.LIVE, live.check(tid.packed()));
            Transaction del = env.txm.begin();
            env.heap.delete(del, rel, tid);
            assertEquals(new dev.tusk.access.nbtree.HeapLiveness.InProgress(del.xid()), live.check(tid.packed()));
            del.commit();
            assertEquals(dev.tusk.access.nbtree.HeapLiveness.DEAD, live.check(tid.packed()));
            checker.commit();
        }
    }
}
