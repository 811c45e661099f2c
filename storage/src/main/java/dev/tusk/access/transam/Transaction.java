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
 * <p>Subtransactions are designed in (an xid stack in {@link OwnXids}, SUB_COMMITTED in the clog, subxids
 * in the commit record) but SAVEPOINT itself is not implemented yet.
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
    private final IsolationLevel isolation;
    private final boolean readOnly;
    private final OwnXids own = new OwnXids();
    private final ComboCids comboCids = new ComboCids();
    private final List<RelFileLocator> dropAtCommit = new ArrayList<>();
    private final List<RelFileLocator> dropAtAbort = new ArrayList<>();
    private int commandId = FIRST_COMMAND_ID;
    private Snapshot transactionSnapshot;
    private Snapshot lastSnapshot;
    private Boolean synchronousCommit;
    private long commitLsn;
    private State state = State.IN_PROGRESS;

    Transaction(TransactionManager manager, ProcArray.Proc proc, IsolationLevel isolation, boolean readOnly) {
        this.manager = manager;
        this.proc = proc;
        this.isolation = isolation;
        this.readOnly = readOnly;
    }

    /** GetTopTransactionIdIfAny: the xid, or 0 when none has been assigned yet. */
    public long xid() {
        return own.top();
    }

    /** GetCurrentTransactionId: assigns the xid on the first write. */
    public long getOrAssignXid() {
        checkInProgress();
        long xid = own.top();
        if (xid != TransactionId.INVALID) {
            return xid;
        }
        if (readOnly) {
            throw new IllegalStateException("cannot assign TransactionIds in a read-only transaction");
        }
        xid = manager.procArray().assignXid(proc);
        own.push(xid);
        return xid;
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
        if (isolation.usesTransactionSnapshot()) {
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
        return isolation;
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
        (atCommit ? dropAtCommit : dropAtAbort).add(rel);
    }

    /** CommitTransaction. */
    public void commit() {
        checkInProgress();
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
        return atCommit ? dropAtCommit : dropAtAbort;
    }

    void ended(State s, long lsn) {
        this.state = s;
        this.commitLsn = lsn;
    }

    private void checkInProgress() {
        if (state != State.IN_PROGRESS) {
            throw TransamErrors.transactionEnded(xid(), state == State.COMMITTED ? "committed" : "aborted");
        }
    }

    @Override
    public String toString() {
        return "Transaction[xid=" + xid() + ", cid=" + commandId + ", " + isolation + (readOnly ? ", read only" : "")
                + ", " + state + "]";
    }
}
