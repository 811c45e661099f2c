package dev.tusk.access.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.ipc.Interrupts;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptsTest {
    @TempDir
    Path dir;

    @Test
    void aCancelledSessionsScanStopsAtTheNextPageAndTheFlagIsCleared() {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 64)) {
            Transaction setup = env.txm.begin();
            HeapRelation rel = env.heap.createRelation(setup, HeapTestEnv.locator(16800), HeapTestEnv.DESC);
            for (int i = 0; i < 2000; i++) {
                env.heap.insert(setup, rel, new Object[] {i, "row " + i});
            }
            setup.commit();
            Interrupts session = new Interrupts();
            Transaction tx = env.txm.begin();
            try (Interrupts.Scope scope = Interrupts.bind(session); HeapScan scan = env.heap.scan(rel,
                    tx.statementSnapshot())) {
                scan.next();
                session.cancel();
                TuskException e = assertThrows(TuskException.class, () -> {
                    while (scan.hasNext()) {
                        scan.next();
                    }
                });
                assertEquals(SqlState.QUERY_CANCELED, e.sqlState());
                assertEquals("canceling statement due to user request", e.getMessage());
                // The next statement runs normally.
                assertEquals(2000, env.scan(rel, tx.statementSnapshot()).size());
            }
            tx.commit();
            // Unbound threads are never interrupted.
            Interrupts.checkForInterrupts();
        }
    }

    @Test
    void aRowLockWaitEndsWithTheSessionsTimeout() throws Exception {
        try (HeapTestEnv env = HeapTestEnv.create(dir, 64)) {
            Transaction setup = env.txm.begin();
            HeapRelation rel = env.heap.createRelation(setup, HeapTestEnv.locator(16801), HeapTestEnv.DESC);
            ItemPointer row = env.heap.insert(setup, rel, new Object[] {1, "a"});
            setup.commit();
            Transaction holder = env.txm.begin();
            env.heap.delete(holder, rel, row);
            Interrupts session = new Interrupts();
            Transaction waiter = env.txm.begin();
            CompletableFuture<HeapUpdater.Outcome> blocked = CompletableFuture.supplyAsync(() -> {
                try (Interrupts.Scope s = Interrupts.bind(session)) {
                    return new HeapUpdater(env.heap).delete(waiter, rel, row, v -> true);
                }
            });
            Thread.sleep(100);
            session.cancel(Interrupts.Reason.LOCK_TIMEOUT);
            ExecutionException e = assertThrows(ExecutionException.class, () -> blocked.get(10, TimeUnit.SECONDS));
            TuskException te = assertInstanceOf(TuskException.class, e.getCause());
            assertEquals(SqlState.LOCK_NOT_AVAILABLE, te.sqlState());
            assertEquals("canceling statement due to lock timeout", te.getMessage());
            waiter.abort();
            holder.commit();
        }
    }
}
