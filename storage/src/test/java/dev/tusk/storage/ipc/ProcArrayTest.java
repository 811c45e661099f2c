package dev.tusk.storage.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.TransamVariables;
import dev.tusk.storage.lmgr.XactLockTable;
import dev.tusk.utils.time.ComboCids;
import dev.tusk.utils.time.OwnXids;
import dev.tusk.utils.time.Snapshot;
import org.junit.jupiter.api.Test;

class ProcArrayTest {
    @Test
    void snapshotListsOtherRunningXidsAndBoundaries() throws Exception {
        ProcArray pa = new ProcArray(TransamVariables.initial());
        ProcArray.Proc a = pa.register();
        ProcArray.Proc b = pa.register();
        ProcArray.Proc me = pa.register();
        long xa = pa.assignXid(a);
        long xb = pa.assignXid(b);
        long mine = pa.assignXid(me);
        pa.endTransaction(a);
        Snapshot s = pa.getSnapshot(me, 0, new OwnXids(), new ComboCids());
        assertArrayEquals(new long[] {xb}, s.xip(), "ended and own xids are not listed");
        assertEquals(xb, s.xmin());
        assertEquals(mine + 1, s.xmax());
        assertFalse(s.xidInMvccSnapshot(xa));
        assertTrue(s.xidInMvccSnapshot(xb));
        assertTrue(s.xidInMvccSnapshot(mine + 1), "xids at or after xmax count as running");
        assertEquals(xb, me.xmin());
        assertTrue(pa.isInProgress(xb));
        assertFalse(pa.isInProgress(xa));

        XactLockTable locks = new XactLockTable(pa);
        locks.waitFor(xa); // ended: returns at once
        Thread waiter = Thread.ofVirtual().start(() -> locks.waitFor(xb));
        waiter.join(200);
        assertTrue(waiter.isAlive(), "waits while xb runs");
        pa.endTransaction(b);
        waiter.join(10_000);
        assertFalse(waiter.isAlive());
        assertEquals(xb, pa.oldestXmin(), "my snapshot's xmin still holds the horizon");
    }

    /**
     * A waiter that found the subtransaction's proc just before ROLLBACK TO removed the subxid must not end up
     * waiting for the whole top-level transaction (which may in turn wait for the waiter: an undetected
     * deadlock): the future for a subxid that is no longer registered is already complete.
     */
    @Test
    void theEndFutureOfAnAbortedSubxidIsCompleteEvenWhenAskedAfterItsRemoval() {
        ProcArray pa = new ProcArray(TransamVariables.initial());
        ProcArray.Proc p = pa.register();
        long top = pa.assignXid(p);
        long released = pa.assignSubXid(p);
        long aborted = pa.assignSubXid(p);
        assertFalse(p.endedFuture(aborted).isDone());
        pa.removeSubxids(p, new long[] {aborted});
        // The waiter looked the proc up before the removal and asks it for the subxid's future only now.
        assertTrue(p.endedFuture(aborted).isDone(), "the aborted subtransaction has ended");
        assertFalse(p.endedFuture(released).isDone(), "a live subxid stays locked until the top level ends");
        assertFalse(p.endedFuture(top).isDone());
        pa.endTransaction(p);
        assertTrue(p.endedFuture(released).isDone());
        assertTrue(p.endedFuture(top).isDone());
    }
}
