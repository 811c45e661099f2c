package dev.tusk.storage.ipc;

import dev.tusk.access.transam.TransactionId;
import dev.tusk.access.transam.TransamVariables;
import dev.tusk.utils.time.ComboCids;
import dev.tusk.utils.time.OwnXids;
import dev.tusk.utils.time.Snapshot;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The running-transaction array (PostgreSQL's {@code procarray.c}): one {@link Proc} per open transaction,
 * the snapshots built from them, and the "has it ended" futures that row-lock waiters block on.
 *
 * <p>The lock plays ProcArrayLock: {@link #getSnapshot} holds it shared; xid assignment and
 * {@link #endTransaction} hold it exclusively. Hence a commit is either wholly in a snapshot (the xid is in
 * {@code xip}, so its rows are invisible) or wholly out of it (ended, and its clog status was set before the
 * removal); and an xid below a snapshot's xmax that is not in its xip has really ended.
 */
public final class ProcArray {
    /** One open transaction's entry (PostgreSQL's PGPROC, the transaction-related fields). */
    public static final class Proc {
        private volatile long xid;
        private volatile long[] subxids = new long[0];
        private volatile long xmin;
        private final CompletableFuture<Void> ended = new CompletableFuture<>();
        /** Per live subxid: completes when that subtransaction aborts or the whole transaction ends. */
        private final ConcurrentHashMap<Long, CompletableFuture<Void>> subEnded = new ConcurrentHashMap<>();

        /** The top-level xid, 0 before one is assigned. */
        public long xid() {
            return xid;
        }

        /** The oldest xid this transaction's snapshots may still consider running (0 before any snapshot). */
        public long xmin() {
            return xmin;
        }

        /** Completes when the transaction has ended (committed or aborted) and left the array. */
        public CompletableFuture<Void> ended() {
            return ended;
        }

        /**
         * The subtransaction xids registered with this entry (live ones: aborted subtransactions are removed;
         * committed-into-parent ones stay until the top level ends).
         */
        public long[] subxids() {
            return subxids.clone();
        }

        /**
         * What a waiter for {@code xid} blocks on (XactLockTableWait): the top level's end for the top xid; for a
         * subxid, its abort or the top level's end (a subcommitted subtransaction's lock passes to its parent).
         * A subxid with no entry any more was removed by its abort (entries are made before the subxid becomes
         * findable and stay until the top level ends otherwise), so it has ended: a waiter that looked this
         * proc up just before the abort must not wait for the whole top level instead.
         */
        public CompletableFuture<Void> endedFuture(long xid) {
            if (xid == this.xid) {
                return ended;
            }
            CompletableFuture<Void> f = subEnded.get(xid);
            return f != null ? f : CompletableFuture.completedFuture(null);
        }
    }

    private final TransamVariables vars;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Set<Proc> procs = new LinkedHashSet<>();
    private final ConcurrentHashMap<Long, Proc> byXid = new ConcurrentHashMap<>();

    public ProcArray(TransamVariables vars) {
        this.vars = vars;
    }

    /** ProcArrayAdd: a new transaction, without an xid yet. */
    public Proc register() {
        Proc p = new Proc();
        lock.writeLock().lock();
        try {
            procs.add(p);
        } finally {
            lock.writeLock().unlock();
        }
        return p;
    }

    /**
     * GetNewTransactionId: allocates the next xid and publishes it in {@code proc} atomically with respect
     * to snapshots, so no snapshot can have {@code xmax} past the xid without listing it as running.
     */
    public long assignXid(Proc proc) {
        lock.writeLock().lock();
        try {
            if (proc.xid != TransactionId.INVALID) {
                throw new IllegalStateException("transaction already has xid " + proc.xid);
            }
            long xid = vars.allocateXid();
            proc.xid = xid;
            byXid.put(xid, proc);
            return xid;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** GetNewTransactionId for a subtransaction: a further xid owned by the same proc. */
    public long assignSubXid(Proc proc) {
        lock.writeLock().lock();
        try {
            long xid = vars.allocateXid();
            long[] subs = Arrays.copyOf(proc.subxids, proc.subxids.length + 1);
            subs[subs.length - 1] = xid;
            proc.subxids = subs;
            proc.subEnded.put(xid, new CompletableFuture<>());
            byXid.put(xid, proc);
            return xid;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * GetSnapshotData: the running xids of all other transactions. Sets {@code self}'s xmin the first time
     * (the horizon VACUUM must respect); {@code self} may be null for a snapshot outside a transaction.
     */
    public Snapshot getSnapshot(Proc self, int curcid, OwnXids own, ComboCids comboCids) {
        lock.readLock().lock();
        try {
            long xmax = vars.nextXid();
            long[] xip = new long[8];
            int n = 0;
            for (Proc p : procs) {
                if (p == self) {
                    continue;
                }
                long x = p.xid;
                if (x != TransactionId.INVALID) {
                    if (n == xip.length) {
                        xip = Arrays.copyOf(xip, n * 2);
                    }
                    xip[n++] = x;
                }
                for (long s : p.subxids) {
                    if (n == xip.length) {
                        xip = Arrays.copyOf(xip, n * 2);
                    }
                    xip[n++] = s;
                }
            }
            xip = Arrays.copyOf(xip, n);
            Arrays.sort(xip);
            long xmin = n == 0 ? xmax : Math.min(xip[0], xmax);
            if (self != null && self.xmin == TransactionId.INVALID) {
                self.xmin = xmin;
            }
            return new Snapshot(xmin, xmax, xip, curcid, own, comboCids);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * ProcArrayEndTransaction: removes the transaction (the caller has already set its clog status), then
     * wakes everyone waiting for it.
     */
    public void endTransaction(Proc proc) {
        lock.writeLock().lock();
        try {
            procs.remove(proc);
            if (proc.xid != TransactionId.INVALID) {
                byXid.remove(proc.xid, proc);
            }
            for (long s : proc.subxids) {
                byXid.remove(s, proc);
            }
        } finally {
            lock.writeLock().unlock();
        }
        proc.ended.complete(null);
        proc.subEnded.values().forEach(f -> f.complete(null));
    }

    /**
     * XidCacheRemoveRunningXids: an aborted subtransaction's xids (and its committed children's) leave the
     * entry, after the caller has set their clog status to aborted; waiters for them wake up.
     */
    public void removeSubxids(Proc proc, long[] xids) {
        if (xids.length == 0) {
            return;
        }
        lock.writeLock().lock();
        try {
            long[] gone = xids.clone();
            Arrays.sort(gone);
            long[] cur = proc.subxids;
            long[] next = new long[cur.length];
            int n = 0;
            for (long x : cur) {
                if (Arrays.binarySearch(gone, x) < 0) {
                    next[n++] = x;
                }
            }
            proc.subxids = Arrays.copyOf(next, n);
            for (long a : xids) {
                byXid.remove(a, proc);
            }
        } finally {
            lock.writeLock().unlock();
        }
        for (long a : xids) {
            CompletableFuture<Void> f = proc.subEnded.remove(a);
            if (f != null) {
                f.complete(null);
            }
        }
    }

    /** TransactionIdIsInProgress. */
    public boolean isInProgress(long xid) {
        return byXid.containsKey(xid);
    }

    /** The proc running {@code xid} (top-level or subtransaction), or null if it is not running. */
    public Proc procOf(long xid) {
        return byXid.get(xid);
    }

    /** GetOldestNonRemovableTransactionId: no running transaction can see a change by an xid ended before it. */
    public long oldestXmin() {
        lock.readLock().lock();
        try {
            long oldest = vars.nextXid();
            for (Proc p : procs) {
                if (p.xid != TransactionId.INVALID) {
                    oldest = Math.min(oldest, p.xid);
                }
                if (p.xmin != TransactionId.INVALID) {
                    oldest = Math.min(oldest, p.xmin);
                }
            }
            return oldest;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of open transactions. */
    public int size() {
        lock.readLock().lock();
        try {
            return procs.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
