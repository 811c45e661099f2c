package dev.tusk.access.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.StorageEngine;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceAmTest {
    static final StorageEngine.Config SMALL = new StorageEngine.Config(64, 64 * 1024, 1024 * 1024, true, true);
    static final RelFileLocator SEQ = RelFileLocator.of(5, 16600);

    @TempDir
    Path dir;

    private static SequenceAm am(StorageEngine e) {
        return new SequenceAm(e.buffers(), e.smgr(), e.wal());
    }

    private static StorageEngine fresh(Path dir) {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        return StorageEngine.open(dir, SMALL);
    }

    private static void create(StorageEngine e, SequenceParams p) {
        Transaction tx = e.transactions().begin();
        am(e).create(tx, SEQ, p);
        tx.commit();
    }

    /** nextval in its own committed transaction, as an autocommit SELECT nextval('s') would do. */
    private static long nextvalCommitted(StorageEngine e, SequenceParams p, SequenceCache cache) {
        Transaction tx = e.transactions().begin();
        long v = am(e).nextval(SEQ, p, "s", cache, tx);
        tx.commit();
        return v;
    }

    @Test
    void nextvalCountsFromStartAndIsNotRolledBack() {
        try (StorageEngine e = fresh(dir)) {
            SequenceParams p = SequenceParams.resolve(5L, null, null, 10L, null, null);
            create(e, p);
            assertEquals(new SequenceState(10, 0, false), am(e).read(SEQ, "s"));
            assertEquals(10, nextvalCommitted(e, p, null));
            Transaction rolledBack = e.transactions().begin();
            assertEquals(15, am(e).nextval(SEQ, p, "s", null, rolledBack));
            rolledBack.abort();
            assertEquals(20, nextvalCommitted(e, p, null));
            SequenceState st = am(e).read(SEQ, "s");
            assertEquals(20, st.lastValue());
            assertTrue(st.isCalled());
            assertEquals(SequenceAm.SEQ_LOG_VALS - 2, st.logCnt(), "values covered by the WAL record beyond 20");
        }
    }

    @Test
    void limitsCycleAndSetvalFollowPostgres() {
        try (StorageEngine e = fresh(dir)) {
            SequenceParams p = SequenceParams.resolve(1L, 1L, 3L, null, null, false);
            create(e, p);
            assertEquals(List.of(1L, 2L, 3L), List.of(nextvalCommitted(e, p, null), nextvalCommitted(e, p, null),
                    nextvalCommitted(e, p, null)));
            TuskException ex = assertThrows(TuskException.class, () -> nextvalCommitted(e, p, null));
            assertEquals(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED, ex.sqlState());
            assertEquals("nextval: reached maximum value of sequence \"s\" (3)", ex.getMessage());

            SequenceParams cycling = SequenceParams.resolve(1L, 1L, 3L, null, null, true);
            assertEquals(1, nextvalCommitted(e, cycling, null), "CYCLE wraps to MINVALUE");

            am(e).setval(SEQ, p, "s", 2, false, null, null);
            assertEquals(2, nextvalCommitted(e, p, null), "is_called false: setval's value comes next");
            am(e).setval(SEQ, p, "s", 2, true, null, null);
            assertEquals(3, nextvalCommitted(e, p, null));
            TuskException out = assertThrows(TuskException.class, () -> am(e).setval(SEQ, p, "s", 4, true, null, null));
            assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, out.sqlState());
            assertEquals("setval: value 4 is out of bounds for sequence \"s\" (1..3)", out.getMessage());
        }
    }

    @Test
    void descendingSequenceStopsAtItsMinimum() {
        try (StorageEngine e = fresh(dir)) {
            SequenceParams p = SequenceParams.resolve(-2L, -5L, null, null, null, null);
            assertEquals(-1, p.maxValue());
            assertEquals(-1, p.start());
            create(e, p);
            assertEquals(List.of(-1L, -3L, -5L), List.of(nextvalCommitted(e, p, null), nextvalCommitted(e, p, null),
                    nextvalCommitted(e, p, null)));
            TuskException ex = assertThrows(TuskException.class, () -> nextvalCommitted(e, p, null));
            assertEquals("nextval: reached minimum value of sequence \"s\" (-5)", ex.getMessage());
        }
    }

    @Test
    void maximumOfBigintIsReachedWithoutOverflow() {
        try (StorageEngine e = fresh(dir)) {
            SequenceParams p = SequenceParams.resolve(null, null, null, Long.MAX_VALUE - 1, null, null);
            create(e, p);
            assertEquals(Long.MAX_VALUE - 1, nextvalCommitted(e, p, null));
            assertEquals(Long.MAX_VALUE, nextvalCommitted(e, p, null));
            TuskException ex = assertThrows(TuskException.class, () -> nextvalCommitted(e, p, null));
            assertEquals("nextval: reached maximum value of sequence \"s\" (9223372036854775807)", ex.getMessage());
        }
    }

    @Test
    void parameterErrorsUsePostgresWording() {
        assertEquals("INCREMENT must not be zero",
                assertThrows(TuskException.class, () -> SequenceParams.resolve(0L, null, null, null, null, null))
                        .getMessage());
        assertEquals("MINVALUE (5) must be less than MAXVALUE (5)",
                assertThrows(TuskException.class, () -> SequenceParams.resolve(null, 5L, 5L, null, null, null))
                        .getMessage());
        assertEquals("START value (0) cannot be less than MINVALUE (1)",
                assertThrows(TuskException.class, () -> SequenceParams.resolve(null, null, null, 0L, null, null))
                        .getMessage());
    }

    @Test
    void concurrentSessionsWithCachesGetDistinctValues() throws Exception {
        try (StorageEngine e = fresh(dir)) {
            SequenceParams p = SequenceParams.resolve(null, null, null, null, 10L, null);
            create(e, p);
            Set<Long> all = ConcurrentHashMap.newKeySet();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    SequenceCache cache = new SequenceCache();
                    SequenceAm am = am(e);
                    long prev = 0;
                    for (int i = 0; i < 2000; i++) {
                        long v = am.nextval(SEQ, p, "s", cache, null);
                        if (v <= prev || !all.add(v)) {
                            throw new AssertionError("value " + v + " after " + prev);
                        }
                        prev = v;
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(8000, all.size());
        }
    }

    @Test
    void valuesNeverRepeatAfterACrashEvenAcrossACheckpoint() {
        StorageEngine e = fresh(dir);
        SequenceParams p = SequenceParams.defaults();
        create(e, p);
        Set<Long> handedOut = new HashSet<>();
        long max = 0;
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 45; i++) {
                long v = nextvalCommitted(e, p, null);
                assertTrue(handedOut.add(v), "repeated " + v);
                assertTrue(v > max);
                max = v;
                if (round == 2 && i == 3) {
                    // The next nextval must log again, or replay from this checkpoint would lose its reservation.
                    e.createCheckPoint(false);
                }
            }
            // The last value was reserved by the WAL without a commit of its own: still never repeated.
            Transaction open = e.transactions().begin();
            long v = am(e).nextval(SEQ, p, "s", null, open);
            open.commit();
            assertTrue(handedOut.add(v));
            max = v;
            e.closeAfterCrash();
            e = StorageEngine.open(dir, SMALL);
            long after = am(e).read(SEQ, "s").lastValue();
            assertTrue(after >= max, "recovered last_value " + after + " below " + max);
        }
        long next = nextvalCommitted(e, p, null);
        assertTrue(next > max && next <= max + SequenceAm.SEQ_LOG_VALS + 1, "jumps at most one reserve: " + next);
        e.close();
    }

    @Test
    void creationRollsBackWithItsTransactionAndSurvivesRecoveryWhenCommitted() {
        StorageEngine e = fresh(dir);
        Transaction tx = e.transactions().begin();
        am(e).create(tx, RelFileLocator.of(5, 16601), SequenceParams.defaults());
        tx.abort();
        assertFalse(e.smgr().exists(RelFileLocator.of(5, 16601), ForkNumber.MAIN));
        SequenceParams p = SequenceParams.resolve(null, null, null, 100L, null, null);
        create(e, p);
        e.closeAfterCrash();
        try (StorageEngine again = StorageEngine.open(dir, SMALL)) {
            assertEquals(new SequenceState(100, 0, false), am(again).read(SEQ, "s"));
            assertEquals(100, nextvalCommitted(again, p, null));
        }
    }
}
