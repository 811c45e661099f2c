package dev.tusk.access.heap;

import static dev.tusk.access.heap.HeapTupleHeader.HEAP_XMAX_COMMITTED;
import static dev.tusk.access.heap.HeapTupleHeader.HEAP_XMAX_INVALID;
import static dev.tusk.access.heap.HeapTupleHeader.HEAP_XMIN_COMMITTED;
import static dev.tusk.access.heap.HeapTupleHeader.HEAP_XMIN_INVALID;

import dev.tusk.access.transam.TransactionStatusView;
import dev.tusk.utils.time.ComboCids;
import dev.tusk.utils.time.OwnXids;
import dev.tusk.utils.time.Snapshot;
import java.lang.foreign.MemorySegment;

/**
 * Tuple visibility rules (PostgreSQL's {@code heapam_visibility.c}) on a tuple in place.
 *
 * <p>Hint bits: the first check that learns an inserter's or deleter's fate from the clog records it in
 * the tuple's infomask and reports it through the {@link HintSink} (the caller marks the buffer dirty as a
 * hint; the page holds a shared or exclusive content lock). An "invalid" hint (aborted or crashed) is
 * always safe. A "committed" hint is set only when {@link TransactionStatusView#mayHintCommitted} says
 * the commit record is durable: for synchronous commits it always is by the time the clog says committed,
 * for asynchronous ones the clog's group LSN must have been flushed (PostgreSQL's {@code SetHintBits}
 * rule). Otherwise a page could reach disk claiming a commit the crash then loses.
 *
 * <p>Rules checked for other transactions always in the order "is it mine", "is it running (snapshot or
 * ProcArray)", "did it commit (clog)": a transaction sets its clog status before it leaves the ProcArray,
 * so this order never mistakes a just-committed transaction for an aborted one. Row locks
 * (HEAP_XMAX_LOCK_ONLY) are understood but not yet produced.
 */
public final class HeapTupleVisibility {
    private HeapTupleVisibility() {
    }

    /** HeapTupleSatisfiesMVCC: is the tuple visible to {@code snap}? */
    public static boolean satisfiesMvcc(MemorySegment t, Snapshot snap, TransactionStatusView tsv, HintSink hints) {
        int mask = HeapTupleHeader.infomask(t);
        long xmin = HeapTupleHeader.xmin(t);
        ComboCids combo = snap.comboCids();
        if ((mask & HEAP_XMIN_COMMITTED) == 0) {
            if ((mask & HEAP_XMIN_INVALID) != 0) {
                return false;
            }
            if (snap.isCurrentXid(xmin)) {
                if (HeapTupleHeader.cmin(t, combo) >= snap.curcid()) {
                    return false; // inserted by this or a later command
                }
                if ((mask & HEAP_XMAX_INVALID) != 0 || HeapTupleHeader.xmaxIsLockedOnly(mask)) {
                    return true;
                }
                if (!snap.isCurrentXid(HeapTupleHeader.xmax(t))) {
                    setHint(t, HEAP_XMAX_INVALID, 0, tsv, hints); // deleted by an aborted subtransaction
                    return true;
                }
                return HeapTupleHeader.cmax(t, combo) >= snap.curcid();
            }
            if (snap.xidInMvccSnapshot(xmin)) {
                return false;
            }
            if (tsv.didCommit(xmin)) {
                setHint(t, HEAP_XMIN_COMMITTED, xmin, tsv, hints);
            } else {
                setHint(t, HEAP_XMIN_INVALID, 0, tsv, hints);
                return false;
            }
        } else if (!snap.isCurrentXid(xmin) && snap.xidInMvccSnapshot(xmin)) {
            return false; // committed, but after the snapshot was taken
        }
        mask = HeapTupleHeader.infomask(t);
        if ((mask & HEAP_XMAX_INVALID) != 0 || HeapTupleHeader.xmaxIsLockedOnly(mask)) {
            return true;
        }
        long xmax = HeapTupleHeader.xmax(t);
        if ((mask & HEAP_XMAX_COMMITTED) == 0) {
            if (snap.isCurrentXid(xmax)) {
                return HeapTupleHeader.cmax(t, combo) >= snap.curcid();
            }
            if (snap.xidInMvccSnapshot(xmax)) {
                return true;
            }
            if (!tsv.didCommit(xmax)) {
                setHint(t, HEAP_XMAX_INVALID, 0, tsv, hints);
                return true;
            }
            setHint(t, HEAP_XMAX_COMMITTED, xmax, tsv, hints);
        } else if (snap.xidInMvccSnapshot(xmax)) {
            return true;
        }
        return false;
    }

    /**
     * HeapTupleSatisfiesUpdate: may command {@code curcid} of the transaction owning {@code own} update or
     * delete this tuple (whose own TID is {@code self})? No snapshot is involved: the newest committed
     * state counts.
     */
    public static TmResult satisfiesUpdate(MemorySegment t, ItemPointer self, int curcid, OwnXids own, ComboCids combo,
            TransactionStatusView tsv, HintSink hints) {
        int mask = HeapTupleHeader.infomask(t);
        long xmin = HeapTupleHeader.xmin(t);
        if ((mask & HEAP_XMIN_COMMITTED) == 0) {
            if ((mask & HEAP_XMIN_INVALID) != 0) {
                return TmResult.INVISIBLE;
            }
            if (own.contains(xmin)) {
                if (HeapTupleHeader.cmin(t, combo) >= curcid) {
                    return TmResult.INVISIBLE;
                }
                if ((mask & HEAP_XMAX_INVALID) != 0 || HeapTupleHeader.xmaxIsLockedOnly(mask)) {
                    return TmResult.OK;
                }
                if (!own.contains(HeapTupleHeader.xmax(t))) {
                    setHint(t, HEAP_XMAX_INVALID, 0, tsv, hints);
                    return TmResult.OK;
                }
                int cmax = HeapTupleHeader.cmax(t, combo);
                return cmax >= curcid ? new TmResult.SelfModified(cmax) : TmResult.INVISIBLE;
            }
            if (tsv.isInProgress(xmin)) {
                return TmResult.INVISIBLE;
            }
            if (tsv.didCommit(xmin)) {
                setHint(t, HEAP_XMIN_COMMITTED, xmin, tsv, hints);
            } else {
                setHint(t, HEAP_XMIN_INVALID, 0, tsv, hints);
                return TmResult.INVISIBLE;
            }
        }
        mask = HeapTupleHeader.infomask(t);
        if ((mask & HEAP_XMAX_INVALID) != 0) {
            return TmResult.OK;
        }
        long xmax = HeapTupleHeader.xmax(t);
        if ((mask & HEAP_XMAX_COMMITTED) != 0) {
            return HeapTupleHeader.xmaxIsLockedOnly(mask) ? TmResult.OK : modifiedByCommitted(t, self, xmax);
        }
        if (own.contains(xmax)) {
            if (HeapTupleHeader.xmaxIsLockedOnly(mask)) {
                return TmResult.OK;
            }
            int cmax = HeapTupleHeader.cmax(t, combo);
            return cmax >= curcid ? new TmResult.SelfModified(cmax) : TmResult.INVISIBLE;
        }
        if (tsv.isInProgress(xmax)) {
            return new TmResult.BeingModified(xmax);
        }
        if (tsv.didCommit(xmax)) {
            if (HeapTupleHeader.xmaxIsLockedOnly(mask)) {
                setHint(t, HEAP_XMAX_INVALID, 0, tsv, hints); // the lock ended with its transaction
                return TmResult.OK;
            }
            setHint(t, HEAP_XMAX_COMMITTED, xmax, tsv, hints);
            return modifiedByCommitted(t, self, xmax);
        }
        setHint(t, HEAP_XMAX_INVALID, 0, tsv, hints);
        return TmResult.OK;
    }

    /**
     * HeapTupleSatisfiesDirty as a B-tree unique check uses it: is this a live row version, a dead one, or
     * is a running transaction inserting or deleting it right now?
     */
    public static TupleLiveness liveness(MemorySegment t, OwnXids own, TransactionStatusView tsv, HintSink hints) {
        int mask = HeapTupleHeader.infomask(t);
        long xmin = HeapTupleHeader.xmin(t);
        if ((mask & HEAP_XMIN_COMMITTED) == 0) {
            if ((mask & HEAP_XMIN_INVALID) != 0) {
                return TupleLiveness.DEAD;
            }
            if (own.contains(xmin)) {
                if ((mask & HEAP_XMAX_INVALID) != 0 || HeapTupleHeader.xmaxIsLockedOnly(mask)
                        || !own.contains(HeapTupleHeader.xmax(t))) {
                    return TupleLiveness.LIVE;
                }
                return TupleLiveness.DEAD;
            }
            if (tsv.isInProgress(xmin)) {
                return new TupleLiveness.InProgress(xmin);
            }
            if (tsv.didCommit(xmin)) {
                setHint(t, HEAP_XMIN_COMMITTED, xmin, tsv, hints);
            } else {
                setHint(t, HEAP_XMIN_INVALID, 0, tsv, hints);
                return TupleLiveness.DEAD;
            }
        }
        mask = HeapTupleHeader.infomask(t);
        if ((mask & HEAP_XMAX_INVALID) != 0 || HeapTupleHeader.xmaxIsLockedOnly(mask)) {
            return TupleLiveness.LIVE;
        }
        if ((mask & HEAP_XMAX_COMMITTED) != 0) {
            return TupleLiveness.DEAD;
        }
        long xmax = HeapTupleHeader.xmax(t);
        if (own.contains(xmax)) {
            return TupleLiveness.DEAD;
        }
        if (tsv.isInProgress(xmax)) {
            return new TupleLiveness.InProgress(xmax);
        }
        if (tsv.didCommit(xmax)) {
            setHint(t, HEAP_XMAX_COMMITTED, xmax, tsv, hints);
            return TupleLiveness.DEAD;
        }
        setHint(t, HEAP_XMAX_INVALID, 0, tsv, hints);
        return TupleLiveness.LIVE;
    }

    private static TmResult modifiedByCommitted(MemorySegment t, ItemPointer self, long xmax) {
        // A deleted tuple's ctid still points at itself; an updated one's at the newer version.
        ItemPointer ctid = HeapTupleHeader.ctid(t);
        return ctid.equals(self) ? new TmResult.Deleted(xmax) : new TmResult.Updated(xmax, ctid);
    }

    /** SetHintBits. */
    private static void setHint(MemorySegment t, int bit, long xid, TransactionStatusView tsv, HintSink hints) {
        if ((bit == HEAP_XMIN_COMMITTED || bit == HEAP_XMAX_COMMITTED) && !tsv.mayHintCommitted(xid)) {
            return;
        }
        HeapTupleHeader.setInfomask(t, HeapTupleHeader.infomask(t) | bit);
        hints.hintSet();
    }
}
