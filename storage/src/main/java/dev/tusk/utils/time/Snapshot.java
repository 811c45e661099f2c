package dev.tusk.utils.time;

import java.util.Arrays;
import java.util.Objects;

/**
 * An MVCC snapshot (PostgreSQL's {@code SnapshotData} of type MVCC, built by {@code GetSnapshotData}).
 *
 * @param xmin      every xid below it had ended when the snapshot was taken
 * @param xmax      every xid at or above it had not started (first unassigned xid at snapshot time)
 * @param xip       xids in {@code [xmin, xmax)} that were running, sorted ascending (other transactions only)
 * @param curcid    command id of the owning transaction's current command: own changes made by earlier
 *                  commands ({@code cid < curcid}) are visible, those of this and later commands are not
 * @param own       the owning transaction's xids (live object: an xid assigned after the snapshot counts)
 * @param comboCids the owning transaction's combo command ids
 */
public record Snapshot(long xmin, long xmax, long[] xip, int curcid, OwnXids own, ComboCids comboCids) {
    public Snapshot {
        Objects.requireNonNull(xip, "xip");
        Objects.requireNonNull(own, "own");
        Objects.requireNonNull(comboCids, "comboCids");
    }

    /** XidInMVCCSnapshot: true when {@code xid} counts as still running for this snapshot. */
    public boolean xidInMvccSnapshot(long xid) {
        if (xid < xmin) {
            return false;
        }
        if (xid >= xmax) {
            return true;
        }
        return Arrays.binarySearch(xip, xid) >= 0;
    }

    /** TransactionIdIsCurrentTransactionId for the owning transaction. */
    public boolean isCurrentXid(long xid) {
        return own.contains(xid);
    }

    /** The same snapshot for a later command of the same transaction (UpdateActiveSnapshotCommandId). */
    public Snapshot withCurcid(int cid) {
        return cid == curcid ? this : new Snapshot(xmin, xmax, xip, cid, own, comboCids);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && s.xmin == xmin && s.xmax == xmax && Arrays.equals(s.xip, xip)
                && s.curcid == curcid && s.own == own && s.comboCids == comboCids;
    }

    @Override
    public int hashCode() {
        return Objects.hash(xmin, xmax, Arrays.hashCode(xip), curcid);
    }

    @Override
    public String toString() {
        return "Snapshot[xmin=" + xmin + ", xmax=" + xmax + ", xip=" + Arrays.toString(xip) + ", curcid=" + curcid
                + ", own=" + own + "]";
    }
}
