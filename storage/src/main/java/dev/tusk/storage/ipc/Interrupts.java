package dev.tusk.storage.ipc;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/**
 * One session's pending interrupts (PostgreSQL's {@code QueryCancelPending}/{@code ProcDiePending} with
 * {@code CHECK_FOR_INTERRUPTS()} from {@code ProcessInterrupts}). Any thread may {@link #cancel} (a cancel
 * request, a statement or lock timeout, a terminate); the session's own thread notices it at the next check.
 *
 * <p>Long storage loops (heap and B-tree scans per page, waits for another transaction) call
 * {@link #checkForInterrupts()}, which consults the instance bound to the current thread with {@link #bind}:
 * the SQL layer binds its session's instance while it executes a statement (a session may run on a
 * different pool thread for each message). With nothing bound the check is a no-op.
 */
public final class Interrupts {
    /** Why the current statement (or session) is to be stopped, with PostgreSQL's SQLSTATE and message. */
    public enum Reason {
        USER_REQUEST(SqlState.QUERY_CANCELED, "canceling statement due to user request", Severity.ERROR),
        STATEMENT_TIMEOUT(SqlState.QUERY_CANCELED, "canceling statement due to statement timeout", Severity.ERROR),
        LOCK_TIMEOUT(SqlState.LOCK_NOT_AVAILABLE, "canceling statement due to lock timeout", Severity.ERROR),
        TERMINATE(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command", Severity.FATAL);

        private final SqlState sqlState;
        private final String message;
        private final Severity severity;

        Reason(SqlState sqlState, String message, Severity severity) {
            this.sqlState = sqlState;
            this.message = message;
            this.severity = severity;
        }

        public TuskException toException() {
            return new TuskException(severity, sqlState, message, null, null, 0, null);
        }
    }

    private static final ThreadLocal<Interrupts> CURRENT = new ThreadLocal<>();

    private volatile Reason pending;

    /** Requests an interrupt; a terminate is never downgraded to a cancel. Safe from any thread. */
    public void cancel(Reason reason) {
        synchronized (this) {
            if (pending != Reason.TERMINATE) {
                pending = reason;
            }
        }
    }

    /** Requests a cancel of the running statement (a CancelRequest from the client). */
    public void cancel() {
        cancel(Reason.USER_REQUEST);
    }

    /** The pending interrupt, or null. */
    public Reason pending() {
        return pending;
    }

    /** Forgets a pending cancel (at the start of a new statement); a pending terminate stays. */
    public void clear() {
        synchronized (this) {
            if (pending != Reason.TERMINATE) {
                pending = null;
            }
        }
    }

    /** CHECK_FOR_INTERRUPTS on this instance: throws (and clears a cancel) when one is pending. */
    public void check() {
        Reason r = pending;
        if (r != null) {
            clear();
            throw r.toException();
        }
    }

    /** Makes {@code interrupts} the current thread's instance until the returned scope is closed. */
    public static Scope bind(Interrupts interrupts) {
        Interrupts previous = CURRENT.get();
        CURRENT.set(interrupts);
        return new Scope(previous);
    }

    /** The instance bound to the current thread, or null. */
    public static Interrupts current() {
        return CURRENT.get();
    }

    /** CHECK_FOR_INTERRUPTS(): checks the current thread's instance, if any. */
    public static void checkForInterrupts() {
        Interrupts i = CURRENT.get();
        if (i != null) {
            i.check();
        }
    }

    /** Restores the previously bound instance on close. */
    public static final class Scope implements AutoCloseable {
        private final Interrupts previous;

        private Scope(Interrupts previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
