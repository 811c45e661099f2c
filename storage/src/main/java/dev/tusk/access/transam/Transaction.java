package dev.tusk.access.transam;

import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.ipc.ProcArray;
import dev.tusk.utils.time.ComboCids;
import dev.tusk.utils.time.OwnXids;
import dev.tusk.utils.time.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * One transaction (PostgreSQL's {@code TransactionStateData} in {@code xact.c}, top level). Created by
 * {@link TransactionManager#begin}; used by one thread at a time.
 *
 * <p>Xids are assigned lazily ({@code GetCurrentTransactionId}): a transaction that only reads never gets
 * one and writes no WAL at commit. Command ids number the statements (and the steps inside them) of the
 * transaction: a command sees the changes of earlier commands but not its own, which is what keeps
 * {@code UPDATE t SET x = x + 1} from seeing the rows it has just written.
 *
 * <p>Snapshots: under READ COMMITTED every {@link #statementSnapshot()} is new; under REPEATABLE READ and
 * SERIALIZABLE the first one is kept for the whole transaction (only its command id moves on).
 *
 * <p>Subtransactions (SAVEPOINT, RELEASE, ROLLBACK TO; {@code xact.c}'s {@code StartSubTransaction},
 * {@code CommitSubTransaction}, {@code AbortSubTransaction}): {@link #beginSubtransaction()} opens one at any
 * depth. A subtransaction that writes gets its own xid, assigned after its parents' ({@code AssignTransactionId}
 * assigns missing ancestor xids first), registered with the top level's ProcArray entry so that other
 * transactions' snapshots count it as running until the top level ends. {@link #releaseSubtransaction()}
 * merges it into its parent (its xids stay "own" and commit with the top level, in one commit record that
 * lists them). {@link #rollbackSubtransaction()} writes an abort record for its xid and its released
 * children, sets them aborted in the clog, and forgets them as own xids: their rows are invisible at once
 * to this transaction and never visible to anyone. Command ids and combo cids are per top-level transaction.
 * Files created inside an aborted subtransaction are removed; drops it requested are forgotten.
 * Committing with subtransactions open releases them first; aborting aborts them all.
 */
public final class Transaction implements AutoCloseable {
    /** TransState, reduced to what callers can observe. */
    public enum State { IN_PROGRESS, COMMITTED, ABORTED }

    /** FirstCommandId. */
    public static final int FIRST_COMMAND_ID = 0;
    /** InvalidCommandId (0xFFFFFFFF). */
    public static final int INVALID_COMMAND_ID = -1;

    private final TransactionManager manager;
    private final ProcArray.Proc proc;
    private boolean readOnly;
    private final OwnXids own = new OwnXids();
    private final ComboCids comboCids = new ComboCids();
    /** A file to remove when the transaction (or the subtransaction at {@code level}) ends one way or the other. */
    private record PendingDelete(RelFileLocator rel, boolean atCommit, int level) {
    }

    /** One open subtransaction (TransactionStateData below the top level). */
    private static final class SubXact {
        long xid;
        /** Xids of released children (and theirs): they abort with this one. */
        final List<Long> childXids = new ArrayList<>();
    }

    private final List<PendingDelete> pendingDeletes = new ArrayList<>();
    private final List<SubXact> subStack = new ArrayList<>();
    private IsolationLevel isolationLevel;
    private int commandId = FIRST_COMMAND_ID;
    private Snapshot transactionSnapshot;
    private Snapshot lastSnapshot;
    private Boolean synchronousCommit;
    private long commitLsn;
    private State state = State.IN_PROGRESS;

    Transaction(TransactionManager manager, ProcArray.Proc proc, IsolationLevel isolation, boolean readOnly) {
        this.manager = manager;
        this.proc = proc;
        this.isolationLevel = isolation;
        this.readOnly = readOnly;
    }

    /** GetTopTransactionIdIfAny: the top-level xid, or 0 when none has been assigned yet. */
    public long xid() {
        return own.top();
    }

    /** GetCurrentTransactionIdIfAny: the innermost open (sub)transaction's xid, 0 when it has none yet. */
    public long currentXid() {
        return subStack.isEmpty() ? own.top() : subStack.getLast().xid;
    }

    /**
     * GetCurrentTransactionId: the xid of the innermost open (sub)transaction, assigned on its first write
     * (AssignTransactionId: the top level and every enclosing subtransaction get theirs first, so a child's
     * xid is always above its parent's).
     */
    public long getOrAssignXid() {
        checkInProgress();
        long current = currentXid();
        if (current != TransactionId.INVALID) {
            return current;
        }
        if (readOnly) {
            throw new IllegalStateException("cannot assign TransactionIds in a read-only transaction");
        }
        if (own.top() == TransactionId.INVALID) {
            long top = manager.procArray().assignXid(proc);
            own.push(top);
        }
        for (SubXact s : subStack) {
            if (s.xid == TransactionId.INVALID) {
                s.xid = manager.procArray().assignSubXid(proc);
                own.push(s.xid);
            }
        }
        return currentXid();
    }

    /**
     * GetTopTransactionId: the top-level xid, assigned now if needed (without assigning subtransaction xids),
     * for records that belong to the transaction as a whole (a sequence's WAL record).
     */
    public long getOrAssignTopXid() {
        checkInProgress();
        long top = own.top();
        if (top != TransactionId.INVALID) {
            return top;
        }
        if (readOnly) {
            throw new IllegalStateException("cannot assign TransactionIds in a read-only transaction");
        }
        top = manager.procArray().assignXid(proc);
        own.push(top);
        return top;
    }

    /**
     * StartSubTransaction (SAVEPOINT): opens a subtransaction inside the innermost open one.
     *
     * @return the new subtransaction's depth (1 for a savepoint directly in the top level)
     */
    public int beginSubtransaction() {
        checkInProgress();
        subStack.add(new SubXact());
        return subStack.size();
    }

    /** The number of open subtransactions (0 at top level). */
    public int subtransactionDepth() {
        return subStack.size();
    }

    /**
     * CommitSubTransaction (RELEASE SAVEPOINT): merges the innermost subtransaction into its parent. Its
     * changes stay visible to this transaction and commit or abort with the parent; no WAL is written.
     */
    public void releaseSubtransaction() {
        checkInProgress();
        SubXact sub = popSubtransaction();
        int level = subStack.size() + 1;
        if (!subStack.isEmpty()) {
            SubXact parent = subStack.getLast();
            if (sub.xid != TransactionId.INVALID) {
                parent.childXids.add(sub.xid);
            }
            parent.childXids.addAll(sub.childXids);
        }
        pendingDeletes.replaceAll(d -> d.level == level ? new PendingDelete(d.rel, d.atCommit, level - 1) : d);
    }

    /**
     * AbortSubTransaction + CleanupSubTransaction (ROLLBACK TO SAVEPOINT ends with this; the SQL layer then
     * calls {@link #beginSubtransaction()} again to keep the savepoint): ends the innermost subtransaction as
     * aborted. With an xid, an abort record lists it and its released children and the files it created, the
     * clog marks them aborted, and they stop being own xids; waiters for them wake up. The command counter is
     * not reset.
     */
    public void rollbackSubtransaction() {
        checkInProgress();
        SubXact sub = popSubtransaction();
        int level = subStack.size() + 1;
        List<RelFileLocator> created = new ArrayList<>();
        for (PendingDelete d : pendingDeletes) {
            if (d.level >= level && !d.atCommit) {
                created.add(d.rel);
            }
        }
        pendingDeletes.removeIf(d -> d.level >= level);
        if (sub.xid != TransactionId.INVALID) {
            long[] children = sub.childXids.stream().mapToLong(Long::longValue).toArray();
            manager.abortSubtransaction(this, sub.xid, children, created);
        }
    }

    private SubXact popSubtransaction() {
        if (subStack.isEmpty()) {
            throw new IllegalStateException("no subtransaction is open");
        }
        return subStack.removeLast();
    }

    /** TransactionIdIsCurrentTransactionId. */
    public boolean isCurrentTransactionId(long xid) {
        return own.contains(xid);
    }

    /** GetCurrentCommandId: the id stamped on rows this command writes. */
    public int commandId() {
        return commandId;
    }

    /** CommandCounterIncrement: later commands see what this one did. */
    public void commandCounterIncrement() {
        checkInProgress();
        // Command ids compare as signed ints in the visibility rules, so the counter stops below 2^31.
        if (commandId == Integer.MAX_VALUE) {
            throw TransamErrors.tooManyCommands();
        }
        commandId++;
    }

    /**
     * The snapshot for a statement starting now (GetTransactionSnapshot): fresh under READ COMMITTED, the
     * transaction's first one under REPEATABLE READ; in both cases with the current command id.
     */
    public Snapshot statementSnapshot() {
        checkInProgress();
        if (isolationLevel.usesTransactionSnapshot()) {
            if (transactionSnapshot == null) {
                transactionSnapshot = takeSnapshot();
            }
            lastSnapshot = transactionSnapshot.withCurcid(commandId);
        } else {
            lastSnapshot = takeSnapshot();
        }
        return lastSnapshot;
    }

    /** The snapshot of the current statement (taking one if no statement has started), at the current command id. */
    public Snapshot currentSnapshot() {
        return lastSnapshot == null ? statementSnapshot() : lastSnapshot.withCurcid(commandId);
    }

    private Snapshot takeSnapshot() {
        return manager.procArray().getSnapshot(proc, commandId, own, comboCids);
    }

    public IsolationLevel isolation() {
        return isolationLevel;
    }

    /**
     * SET TRANSACTION ISOLATION LEVEL: allowed only before the transaction's first snapshot (PostgreSQL's
     * check_transaction_isolation: 25001 "SET TRANSACTION ISOLATION LEVEL must be called before any query")
     * and not inside a subtransaction (25001 "SET TRANSACTION ISOLATION LEVEL must not be called in a
     * subtransaction").
     */
    public void setIsolation(IsolationLevel level) {
        checkInProgress();
        java.util.Objects.requireNonNull(level, "level");
        if (level == isolationLevel) {
            return;
        }
        if (!subStack.isEmpty()) {
            throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.SqlState.ACTIVE_SQL_TRANSACTION,
                    "SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction");
        }
        if (lastSnapshot != null) {
            throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.SqlState.ACTIVE_SQL_TRANSACTION,
                    "SET TRANSACTION ISOLATION LEVEL must be called before any query");
        }
        isolationLevel = level;
    }

    /**
     * SET TRANSACTION READ ONLY / READ WRITE (check_transaction_read_only): read-only may be set at any time;
     * back to read-write only at top level (25001 "cannot set transaction read-write mode inside a read-only
     * transaction") and before the first snapshot (25001 "transaction read-write mode must be set before any
     * query"). Raising 25006 for a write in a read-only transaction is the SQL layer's job.
     */
    public void setReadOnly(boolean on) {
        checkInProgress();
        if (!on && readOnly) {
            if (!subStack.isEmpty()) {
                throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.SqlState.ACTIVE_SQL_TRANSACTION,
                        "cannot set transaction read-write mode inside a read-only transaction");
            }
            if (lastSnapshot != null) {
                throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.SqlState.ACTIVE_SQL_TRANSACTION,
                        "transaction read-write mode must be set before any query");
            }
        }
        readOnly = on;
    }

    /** Whether a snapshot has been taken (after which the isolation level is fixed). */
    public boolean hasSnapshot() {
        return lastSnapshot != null;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public State state() {
        return state;
    }

    /** This transaction's xids (top and subtransactions). */
    public OwnXids ownXids() {
        return own;
    }

    public ComboCids comboCids() {
        return comboCids;
    }

    /** SET LOCAL synchronous_commit for this transaction (overrides the manager's default). */
    public void setSynchronousCommit(boolean on) {
        this.synchronousCommit = on;
    }

    boolean synchronousCommit(boolean defaultValue) {
        return synchronousCommit == null ? defaultValue : synchronousCommit;
    }

    /** End LSN of the commit record, 0 when none was written (no xid) or not committed. */
    public long commitLsn() {
        return commitLsn;
    }

    /**
     * RelationDropStorage / RelationCreateStorage's pending delete: remove {@code rel}'s files when this
     * transaction commits ({@code atCommit}) or when it aborts.
     */
    public void addPendingDelete(RelFileLocator rel, boolean atCommit) {
        checkInProgress();
        pendingDeletes.add(new PendingDelete(rel, atCommit, subStack.size()));
    }

    /** CommitTransaction; open subtransactions are released first (COMMIT with savepoints still defined). */
    public void commit() {
        checkInProgress();
        while (!subStack.isEmpty()) {
            releaseSubtransaction();
        }
        manager.commit(this);
    }

    /** AbortTransaction; a no-op on a transaction that already ended by abort. */
    public void abort() {
        if (state == State.ABORTED) {
            return;
        }
        checkInProgress();
        manager.abort(this);
    }

    /** Aborts the transaction if it is still open (try-with-resources in tests and tools). */
    @Override
    public void close() {
        if (state == State.IN_PROGRESS) {
            abort();
        }
    }

    ProcArray.Proc proc() {
        return proc;
    }

    List<RelFileLocator> pendingDeletes(boolean atCommit) {
        List<RelFileLocator> out = new ArrayList<>();
        for (PendingDelete d : pendingDeletes) {
            if (d.atCommit == atCommit) {
                out.add(d.rel);
            }
        }
        return out;
    }

    void ended(State s, long lsn) {
        this.state = s;
        this.commitLsn = lsn;
        subStack.clear();
    }

    private void checkInProgress() {
        if (state != State.IN_PROGRESS) {
            throw TransamErrors.transactionEnded(xid(), state == State.COMMITTED ? "committed" : "aborted");
        }
    }

    @Override
    public String toString() {
        return "Transaction[xid=" + xid() + ", depth=" + subStack.size() + ", cid=" + commandId + ", " + isolationLevel
                + (readOnly ? ", read only" : "")
                + ", " + state + "]";
    }
}
