package dev.tusk.access.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.transam.Transaction;
import dev.tusk.utils.time.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Savepoints under concurrency: transfers between accounts made in nested subtransactions that are released,
 * rolled back and redone, while other sessions update the same rows (waiting for running subtransactions)
 * and readers check that every snapshot sees a consistent total. A snapshot that saw a child committed
 * without its top level (or the reverse), or a row of a rolled-back subtransaction, would break the total.
 */
class SubtransactionConcurrencyTest {
    static final TupleDesc DESC = TupleDesc.of(Attribute.of("id", AttrType.INT4), Attribute.of("bal", AttrType.INT8));
    static final int ACCOUNTS = 8;
    static final long START = 1000;

    @TempDir
    Path dir;

    private static Map<Integer, HeapTuple> visible(HeapTestEnv env, HeapRelation rel, Snapshot snap) {
        Map<Integer, HeapTuple> m = new TreeMap<>();
        for (HeapTuple t : env.scan(rel, snap)) {
            assertNull(m.put((Integer) t.values()[0], t), "two visible versions of account " + t.values()[0]);
        }
        return m;
    }

    private static long total(Map<Integer, HeapTuple> rows) {
        return rows.values().stream().mapToLong(t -> (Long) t.values()[1]).sum();
    }

    /** UPDATE accounts SET bal = bal + delta WHERE id = ? as one command of {@code tx}. */
    private static void move(HeapTestEnv env, HeapUpdater upd, HeapRelation rel, Transaction tx, int id, long delta) {
        HeapTuple row = visible(env, rel, tx.statementSnapshot()).get(id);
        HeapUpdater.Outcome o = upd.update(tx, rel, row.tid(), v -> {
            v[1] = (Long) v[1] + delta;
            return v;
        }, v -> true, true);
        assertInstanceOf(HeapUpdater.Outcome.Updated.class, o, "account " + id);
        tx.commandCounterIncrement();
    }

    @Test
    void transfersInSavepointsKeepEverySnapshotsTotal() throws Exception {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 256)) {
            Transaction setup = env.txm.begin();
            HeapRelation rel = env.heap.createRelation(setup, HeapTestEnv.locator(16420), DESC);
            for (int i = 0; i < ACCOUNTS; i++) {
                env.heap.insert(setup, rel, new Object[] {i, START});
            }
            setup.commit();
            HeapUpdater upd = new HeapUpdater(env.heap);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    try {
                        for (int i = 0; i < 120 && failure.get() == null; i++) {
                            int a = rnd.nextInt(ACCOUNTS);
                            int b = (a + 1 + rnd.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                            int lo = Math.min(a, b);
                            int hi = Math.max(a, b); // rows are always taken in id order: no deadlock
                            long amount = 1 + rnd.nextInt(10);
                            Transaction tx = env.txm.begin();
                            tx.beginSubtransaction();
                            move(env, upd, rel, tx, lo, -amount);
                            tx.beginSubtransaction();
                            move(env, upd, rel, tx, hi, amount);
                            switch (rnd.nextInt(4)) {
                                case 0 -> { // ROLLBACK TO the outer savepoint: nothing of the transfer is left
                                    tx.releaseSubtransaction();
                                    tx.rollbackSubtransaction();
                                }
                                case 1 -> { // ROLLBACK TO the inner one, then redo it in a new subtransaction
                                    tx.rollbackSubtransaction();
                                    tx.beginSubtransaction();
                                    move(env, upd, rel, tx, hi, amount);
                                    tx.releaseSubtransaction();
                                    tx.releaseSubtransaction();
                                }
                                case 2 -> { // a third row changed in a savepoint that is rolled back
                                    tx.releaseSubtransaction();
                                    if (hi + 1 < ACCOUNTS) {
                                        tx.beginSubtransaction();
                                        move(env, upd, rel, tx, hi + 1, 1_000_000);
                                        tx.rollbackSubtransaction();
                                    }
                                }
                                default -> { } // both still open at COMMIT
                            }
                            if (rnd.nextInt(5) == 0) {
                                tx.abort();
                            } else {
                                tx.commit();
                            }
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                }));
            }
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    while (!stop.get() && failure.get() == null) {
                        Transaction r = env.txm.begin();
                        Map<Integer, HeapTuple> rows = visible(env, rel, r.statementSnapshot());
                        assertEquals(ACCOUNTS, rows.size(), "every account visible once");
                        assertEquals(ACCOUNTS * START, total(rows), "a snapshot saw a partial transfer");
                        r.commit();
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            });
            for (Thread t : threads) {
                t.join(60_000);
            }
            stop.set(true);
            reader.join(60_000);
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
            Transaction check = env.txm.begin();
            Map<Integer, HeapTuple> rows = visible(env, rel, check.statementSnapshot());
            assertEquals(ACCOUNTS, rows.size());
            assertEquals(ACCOUNTS * START, total(rows));
            check.commit();
            assertEquals(0, env.txm.procArray().size(), "no transaction left running");
        }
    }
}
