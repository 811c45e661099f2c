package dev.tusk.access.transam;

import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.ipc.ProcArray;
import dev.tusk.storage.lmgr.XactLockTable;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Starts and ends transactions (PostgreSQL's {@code xact.c}: {@code StartTransaction},
 * {@code RecordTransactionCommit}, {@code CommitTransaction}, {@code AbortTransaction}) and answers the
 * transaction-status questions of the visibility rules ({@link TransactionStatusView}).
 *
 * <p>Commit of a transaction with an xid: insert the XACT commit record; with synchronous commit wait for
 * it to be flushed through the {@link WalFlushRequest} (group commit), without it return at once (a crash
 * may lose the commit but never consistency); set the clog; remove the transaction from the
 * {@link ProcArray}, which wakes transactions waiting for it; then remove files of relations it dropped.
 * Abort writes an abort record without waiting for its flush (a lost abort record reads as a crash, which
 * is an abort too).
 */
public final class TransactionManager implements TransactionStatusView {
    private final XLog xlog;
    private final Clog clog;
    private final TransamVariables vars;
    private final ProcArray procArray;
    private final XactLockTable lockTable;
    private final PendingDeletes.RelationDropper dropper;
    private volatile WalFlushRequest flushRequest;
    private volatile boolean synchronousCommit;
    private final java.util.concurrent.locks.ReentrantReadWriteLock commitGate =
            new java.util.concurrent.locks.ReentrantReadWriteLock();

    /**
     * @param dropper removes relation files at commit/abort ({@link PendingDeletes#dropper})
     */
    public TransactionManager(XLog xlog, Clog clog, TransamVariables vars, PendingDeletes.RelationDropper dropper,
            boolean synchronousCommit) {
        this.xlog = Objects.requireNonNull(xlog, "xlog");
        this.clog = Objects.requireNonNull(clog, "clog");
        this.vars = Objects.requireNonNull(vars, "vars");
        this.dropper = Objects.requireNonNull(dropper, "dropper");
        this.procArray = new ProcArray(vars);
        this.lockTable = new XactLockTable(procArray);
        this.flushRequest = xlog::flush;
        this.synchronousCommit = synchronousCommit;
    }

    /** StartTransaction. */
    public Transaction begin(IsolationLevel isolation, boolean readOnly) {
        return new Transaction(this, procArray.register(), Objects.requireNonNull(isolation, "isolation"), readOnly);
    }

    /** A read-write READ COMMITTED transaction (PostgreSQL's defaults). */
    public Transaction begin() {
        return begin(IsolationLevel.READ_COMMITTED, false);
    }

    /** Installs the WalWriter's wake-up as the commit flush path (default: flush in the committing thread). */
    public void setWalFlushRequest(WalFlushRequest request) {
        this.flushRequest = Objects.requireNonNull(request, "request");
    }

    /** The synchronous_commit default for new commits. */
    public void setSynchronousCommit(boolean on) {
        this.synchronousCommit = on;
    }

    public boolean synchronousCommit() {
        return synchronousCommit;
    }

    /**
     * Holds off commits between inserting their record and setting the clog while the checkpointer picks its
     * redo point (PostgreSQL's DELAY_CHKPT_START): a commit record before the redo point is then always in the
     * clog the checkpoint writes. Close the returned handle to let commits go on.
     */
    public AutoCloseable blockCommitsForCheckpointStart() {
        commitGate.writeLock().lock();
        return () -> commitGate.writeLock().unlock();
    }

    void commit(Transaction tx) {
        long xid = tx.xid();
        long lsn = 0;
        commitGate.readLock().lock();
        try {
            if (xid != TransactionId.INVALID) {
                long[] subxids = tx.ownXids().subxids();
                List<RelFileLocator> drops = tx.pendingDeletes(true);
                lsn = insertXactRecord(XactRecord.XLOG_XACT_COMMIT, xid, subxids, drops);
                boolean sync = tx.synchronousCommit(synchronousCommit);
                if (sync) {
                    CompletableFuture<Long> flushed = xlog.flushFuture(lsn);
                    flushRequest.requestFlush(lsn);
                    flushed.join();
                }
                clog.setTreeStatus(xid, subxids, XidStatus.COMMITTED, sync ? 0 : lsn);
            }
        } catch (RuntimeException e) {
            // Nothing reached the clog: end as aborted so that no one waits for us forever.
            tx.ended(Transaction.State.ABORTED, 0);
            procArray.endTransaction(tx.proc());
            throw e;
        } finally {
            commitGate.readLock().unlock();
        }
        tx.ended(Transaction.State.COMMITTED, lsn);
        procArray.endTransaction(tx.proc());
        if (xid != TransactionId.INVALID) {
            tx.pendingDeletes(true).forEach(dropper::drop);
        }
    }

    void abort(Transaction tx) {
        long xid = tx.xid();
        try {
            if (xid != TransactionId.INVALID) {
                long[] subxids = tx.ownXids().subxids();
                insertXactRecord(XactRecord.XLOG_XACT_ABORT, xid, subxids, tx.pendingDeletes(false));
                clog.setTreeStatus(xid, subxids, XidStatus.ABORTED, 0);
            }
        } finally {
            tx.ended(Transaction.State.ABORTED, 0);
            procArray.endTransaction(tx.proc());
        }
        if (xid != TransactionId.INVALID) {
            tx.pendingDeletes(false).forEach(dropper::drop);
        }
    }

    /**
     * RecordTransactionAbort for a subtransaction (AbortSubTransaction): the abort record of {@code subxid}
     * and its released children, then the clog, then the transaction's own-xid set and the ProcArray entry
     * forget them (waiters wake up), then the files the subtransaction created are removed.
     */
    void abortSubtransaction(Transaction tx, long subxid, long[] children, List<RelFileLocator> created) {
        insertXactRecord(XactRecord.XLOG_XACT_ABORT, subxid, children, created);
        clog.setTreeStatus(subxid, children, XidStatus.ABORTED, 0);
        long[] all = java.util.Arrays.copyOf(children, children.length + 1);
        all[children.length] = subxid;
        tx.ownXids().removeAborted(all);
        procArray.removeSubxids(tx.proc(), all);
        created.forEach(dropper::drop);
    }

    private long insertXactRecord(int info, long xid, long[] subxids, List<RelFileLocator> rels) {
        XactRecord rec = new XactRecord(xid, XactRecord.nowTimestamp(), subxids, rels);
        return xlog.insert(new XLogRecordBuilder(RmgrId.XACT, info, xid).mainData(rec.encode()));
    }

    @Override
    public boolean isInProgress(long xid) {
        return procArray.isInProgress(xid);
    }

    @Override
    public boolean didCommit(long xid) {
        return clog.status(xid) == XidStatus.COMMITTED;
    }

    @Override
    public boolean mayHintCommitted(long xid) {
        long lsn = clog.groupLsn(xid);
        return lsn == 0 || xlog.flushLsn() >= lsn;
    }

    public XLog xlog() {
        return xlog;
    }

    public Clog clog() {
        return clog;
    }

    public TransamVariables variables() {
        return vars;
    }

    public ProcArray procArray() {
        return procArray;
    }

    public XactLockTable lockTable() {
        return lockTable;
    }
}
