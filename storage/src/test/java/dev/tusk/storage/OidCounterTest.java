package dev.tusk.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.transam.Transaction;
import dev.tusk.access.transam.TransamVariables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OidCounterTest {
    static final StorageEngine.Config SMALL = StorageEngineTest.SMALL;

    @TempDir
    Path dir;

    /** Allocates {@code n} OIDs, then makes the WAL durable the way a later commit would. */
    private static List<Integer> allocateThenCommit(StorageEngine engine, int n) {
        List<Integer> oids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            oids.add(engine.nextOid());
        }
        Transaction tx = engine.transactions().begin();
        tx.getOrAssignXid();
        tx.commit();
        return oids;
    }

    @Test
    void firstOidIsFirstNormalObjectIdAndOidsAreNeverReusedAcrossCrashes() {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        Set<Integer> seen = new HashSet<>();
        int max = 0;
        StorageEngine engine = StorageEngine.open(dir, SMALL);
        List<Integer> first = allocateThenCommit(engine, 10);
        assertEquals(TransamVariables.FIRST_NORMAL_OBJECT_ID, first.getFirst());
        // Round 1: crash inside the first reserved range. Round 2: past a range boundary. Round 3: after an
        // online checkpoint taken mid-range (redo then starts after the XLOG_NEXTOID record).
        for (int round = 0; round < 3; round++) {
            List<Integer> oids = new ArrayList<>(first);
            first = List.of();
            if (round == 2) {
                oids.addAll(allocateThenCommit(engine, 100));
                engine.createCheckPoint(false);
            }
            oids.addAll(allocateThenCommit(engine, round == 1 ? TransamVariables.OID_PREFETCH + 5 : 50));
            for (int oid : oids) {
                assertTrue(oid > max, "oid " + oid + " after " + max);
                assertTrue(seen.add(oid));
                max = oid;
            }
            engine.closeAfterCrash();
            engine = StorageEngine.open(dir, SMALL);
            int next = engine.nextOid();
            assertTrue(next > max, "after crash " + round + ": " + next + " must be above " + max);
            seen.add(next);
            max = next;
        }
        engine.close();
        // A clean shutdown records the exact counter: no gap of a whole range.
        try (StorageEngine again = StorageEngine.open(dir, SMALL)) {
            int next = again.nextOid();
            assertTrue(next > max);
        }
    }

    @Test
    void concurrentAllocationGivesDistinctOids() throws Exception {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        try (StorageEngine engine = StorageEngine.open(dir, SMALL)) {
            Set<Integer> all = ConcurrentHashMap.newKeySet();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 5000; i++) {
                        assertTrue(all.add(engine.nextOid()));
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(20000, all.size());
            assertEquals(TransamVariables.FIRST_NORMAL_OBJECT_ID, all.stream().mapToInt(i -> i).min().orElseThrow());
        }
    }

    /**
     * An OID becomes a file name (a relfilenode) the moment it is handed out, before anything that uses it is
     * committed; the file outlives a crash that loses the unflushed WAL. The reservation must therefore be
     * durable before the first OID of its range is handed out, or the counter restarts below the OID and the
     * next CREATE with the same relfilenode fails on the leftover file.
     */
    @Test
    void anOidUsedAsAFileNameIsNotHandedOutAgainAfterACrashThatLostTheUncommittedWork() {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        TupleDesc desc = TupleDesc.of(Attribute.of("id", AttrType.INT4));
        StorageEngine engine = StorageEngine.open(dir, SMALL);
        int oid = engine.nextOid();
        Transaction tx = engine.transactions().begin();
        new HeapAm(engine.buffers(), engine.smgr(), engine.transactions())
                .createRelation(tx, RelFileLocator.of(5, oid), desc); // the file exists on disk from now on
        engine.closeAfterCrash(); // never committed, WAL never flushed
        try (StorageEngine again = StorageEngine.open(dir, SMALL)) {
            int next = again.nextOid();
            assertNotEquals(oid, next, "OID " + oid + " names a file left over from before the crash");
            Transaction create = again.transactions().begin();
            new HeapAm(again.buffers(), again.smgr(), again.transactions())
                    .createRelation(create, RelFileLocator.of(5, next), desc);
            create.commit();
        }
    }

    /**
     * Moving the counter by other means (redo of a record, a caller's advanceNextOidPast after reading catalog
     * contents, the unlogged test-only newOid) must not let later logged allocations hand out OIDs beyond the
     * last XLOG_NEXTOID reservation: recovery would restart below them.
     */
    @Test
    void everyLoggedOidIsBelowTheLastLoggedReservationWhateverMovedTheCounter() {
        TransamVariables vars = TransamVariables.initial();
        List<Long> logged = new ArrayList<>();
        int first = vars.newOid(logged::add);
        assertTrue(first < logged.getLast());
        vars.advanceNextOidPast(first + 3 * TransamVariables.OID_PREFETCH);
        int afterAdvance = vars.newOid(logged::add);
        assertTrue(afterAdvance < logged.getLast(),
                "OID " + afterAdvance + " handed out beyond the logged reservation " + logged.getLast());
        for (int i = 0; i < TransamVariables.OID_PREFETCH; i++) {
            vars.newOid(); // unlogged
        }
        int afterUnlogged = vars.newOid(logged::add);
        assertTrue(afterUnlogged < logged.getLast(),
                "OID " + afterUnlogged + " handed out beyond the logged reservation " + logged.getLast());
        assertTrue(vars.checkpointNextOid(false) >= logged.getLast(), "an online checkpoint covers the reservation");
    }

    /** The same through the engine: an OID handed out after advanceNextOidPast survives a crash. */
    @Test
    void oidsAfterAnAdvanceAreNotReusedAfterACrash() {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        StorageEngine engine = StorageEngine.open(dir, SMALL);
        int first = engine.nextOid();
        engine.variables().advanceNextOidPast(first + 2 * TransamVariables.OID_PREFETCH);
        List<Integer> oids = allocateThenCommit(engine, 3);
        int max = oids.getLast();
        engine.closeAfterCrash();
        try (StorageEngine again = StorageEngine.open(dir, SMALL)) {
            int next = again.nextOid();
            assertTrue(Integer.toUnsignedLong(next) > Integer.toUnsignedLong(max),
                    "after the crash " + next + " must be above " + max);
        }
    }
}
