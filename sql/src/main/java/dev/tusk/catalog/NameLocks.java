package dev.tusk.catalog;

import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.ipc.Interrupts;
import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The stand-in for the unique catalog indexes PostgreSQL checks names against (pg_class_relname_nsp_index,
 * pg_namespace_nspname_index, pg_authid_rolname_index, pg_database_datname_index): a transaction that creates or
 * renames to a name holds a lock on (kind, scope, name) until it ends, so a second transaction taking the same
 * name waits like an insert into a unique index waits for the in-progress inserter, then re-checks (and fails
 * if the first committed). Deadlocks between such waits raise 40P01 like PostgreSQL's deadlock detector.
 */
final class NameLocks {
    /** What a name is unique in: kind 'r' relations of namespace {@code scope}, 'n' schemas, 'a' roles, 'd' databases. */
    record Key(char kind, int database, int scope, String name) {
    }

    private final Map<Key, Transaction> owners = new HashMap<>();
    private final Map<Transaction, Set<Key>> held = new HashMap<>();
    private final Map<Transaction, Transaction> waitingFor = new HashMap<>();

    /**
     * Takes {@code key} for {@code tx}, waiting while another in-progress transaction holds it. Returns the
     * transaction it waited for (now ended), or null when there was no wait.
     */
    synchronized Transaction acquire(Key key, Transaction tx) {
        Transaction waitedFor = null;
        try {
            while (true) {
                Transaction owner = owners.get(key);
                if (owner != null && owner != tx && owner.state() != Transaction.State.IN_PROGRESS) {
                    releaseAll(owner); // ended without transactionEnded (should not happen, but never wait forever)
                    owner = null;
                }
                if (owner == null || owner == tx) {
                    owners.put(key, tx);
                    held.computeIfAbsent(tx, t -> new HashSet<>()).add(key);
                    return waitedFor;
                }
                for (Transaction t = owner; t != null; t = waitingFor.get(t)) {
                    if (t == tx) {
                        throw new TuskException(Severity.ERROR, SqlState.T_R_DEADLOCK_DETECTED, "deadlock detected",
                                "Process waits for a catalog name lock held by another transaction, which waits "
                                + "for this one.", "See server log for query details.", 0, null);
                    }
                }
                waitingFor.put(tx, owner);
                waitedFor = owner;
                Interrupts.checkForInterrupts();
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TuskException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
                }
            }
        } finally {
            waitingFor.remove(tx);
        }
    }

    /** Releases every name {@code tx} holds (its transaction ended) and wakes the waiters. */
    synchronized void releaseAll(Transaction tx) {
        Set<Key> keys = held.remove(tx);
        if (keys != null) {
            for (Key k : keys) {
                owners.remove(k, tx);
            }
            notifyAll();
        }
    }

    /** Whether any name is held (tests). */
    synchronized boolean isEmpty() {
        return owners.isEmpty();
    }
}
