package dev.tusk.storage.lmgr;

import dev.tusk.storage.ipc.Interrupts;
import dev.tusk.storage.ipc.ProcArray;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waiting for another transaction to end (PostgreSQL's {@code XactLockTableWait} in {@code lmgr.c}). In
 * PostgreSQL every transaction holds an exclusive lock on its own xid and a waiter takes a share lock on
 * it; here the running transaction's {@link ProcArray.Proc#ended()} future plays that lock. Row-level
 * waiting ("wait for the xmax of the row I want to update") is built on this.
 *
 * <p>Subtransactions: a wait for a subtransaction's xid ends when that subtransaction aborts (ROLLBACK TO
 * SAVEPOINT) or when its top-level transaction ends; a released (subcommitted) subtransaction's xid stays
 * "locked" until the top level ends, as PostgreSQL transfers the lock to the parent.
 *
 * <p>No deadlock detection yet: a wait on a transaction that waits for us blocks both (to be added with
 * the lock manager, SQLSTATE 40P01).
 */
public final class XactLockTable {
    private final ProcArray procArray;

    public XactLockTable(ProcArray procArray) {
        this.procArray = procArray;
    }

    /**
     * XactLockTableWait: blocks until {@code xid}'s transaction has ended; returns at once if it is not running.
     * A cancel of the session bound to this thread ({@link Interrupts}) ends the wait with its error.
     */
    public void waitFor(long xid) {
        CompletableFuture<Void> f = endFuture(xid);
        boolean interrupted = false;
        Interrupts session = Interrupts.current();
        while (true) {
            try {
                if (session == null) {
                    f.get();
                } else {
                    // A cancel (or lock/statement timeout) must end the wait: poll the session's flag.
                    session.check();
                    f.get(20, TimeUnit.MILLISECONDS);
                }
                break;
            } catch (TimeoutException e) {
                // check again
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                throw new IllegalStateException("transaction end future failed", e.getCause());
            } catch (RuntimeException e) {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                throw e;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** As {@link #waitFor(long)} with a bound; returns whether the transaction ended in time (lock_timeout). */
    public boolean waitFor(long xid, long timeout, TimeUnit unit) throws InterruptedException {
        try {
            endFuture(xid).get(timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("transaction end future failed", e.getCause());
        }
    }

    /** A future completing when {@code xid} has ended (already complete when it is not running). */
    public CompletableFuture<Void> endFuture(long xid) {
        ProcArray.Proc p = procArray.procOf(xid);
        return p == null ? CompletableFuture.completedFuture(null) : p.endedFuture(xid);
    }
}
