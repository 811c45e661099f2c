package dev.tusk.tcop;

import dev.tusk.access.transam.Transaction;

/**
 * The storage calls behind SAVEPOINT, RELEASE and ROLLBACK TO (PostgreSQL's {@code StartSubTransaction},
 * {@code CommitSubTransaction}, {@code AbortSubTransaction}).
 */
final class Subtransactions {
    private Subtransactions() {
    }

    static void begin(Transaction tx) {
        tx.beginSubtransaction();
    }

    static void release(Transaction tx) {
        tx.releaseSubtransaction();
    }

    static void rollback(Transaction tx) {
        tx.rollbackSubtransaction();
    }
}
