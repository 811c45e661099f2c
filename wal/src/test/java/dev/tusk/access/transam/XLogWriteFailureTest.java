package dev.tusk.access.transam;

import static dev.tusk.access.transam.WalTestSupport.SEG;
import static dev.tusk.access.transam.WalTestSupport.SMALL;
import static dev.tusk.access.transam.WalTestSupport.payload;
import static dev.tusk.access.transam.WalTestSupport.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WAL writing that fails half-way (here: the next segment cannot be created). PostgreSQL PANICs; the log
 * must at least refuse to call anything past the failure durable, and must fail rather than hang.
 */
class XLogWriteFailureTest {
    private static final long START = 40;

    @TempDir
    Path walDir;

    @Test
    void failedSegmentSwitchFailsLaterFlushesInsteadOfHangingOrClaimingDurability() throws Exception {
        List<Throwable> outcome = new ArrayList<>();
        long[] flushLsnAfterFailure = {-1};
        long[] flushedBefore = {-1};
        Thread worker = new Thread(() -> {
            XLog wal = XLog.open(walDir, 1, START, SMALL);
            try {
                long end = wal.insert(record(1, payload(1, 100)));
                wal.flush(end);
                flushedBefore[0] = wal.flushLsn();
                // A directory where the next segment's temp file must go makes creating segment 1 fail.
                Files.createDirectories(blocker(Thread.currentThread()));
                // Fill the ring past the first segment: making room switches to segment 1, which fails.
                try {
                    for (int i = 0; wal.insertLsn() < 3L * SEG; i++) {
                        wal.insert(record(2 + i, payload(2 + i, 2000)));
                    }
                } catch (WalException e) {
                    outcome.add(e);
                }
                // The blocker is gone now, but the hole in the WAL stays: a flush must fail, not hang.
                try {
                    Files.deleteIfExists(blocker(Thread.currentThread()));
                    wal.flush(wal.insertLsn());
                } catch (WalException e) {
                    outcome.add(e);
                } catch (Exception e) {
                    outcome.add(new AssertionError("unexpected", e));
                }
                flushLsnAfterFailure[0] = wal.flushLsn();
            } catch (java.io.IOException e) {
                outcome.add(new AssertionError("test setup", e));
            } finally {
                try {
                    wal.close();
                } catch (WalException e) {
                    outcome.add(e);
                }
            }
        });
        worker.start();
        worker.join(60_000); // a guard against a hang, not a speed requirement
        assertFalse(worker.isAlive(), "flush or close hung on the hole left by the failed insertion");
        assertTrue(outcome.size() >= 2, "insert and later flush should both fail: " + outcome);
        for (Throwable t : outcome) {
            assertTrue(t instanceof WalException, t + " caused by " + t.getCause());
        }
        assertEquals(flushedBefore[0], flushLsnAfterFailure[0], "nothing after the failure may count as durable");
        assertTrue(flushedBefore[0] > START);
    }

    /** A commit waiting on a log that is already closed must learn so, not wait forever. */
    @Test
    void flushFutureAfterCloseFailsInsteadOfWaitingForever() {
        XLog wal = XLog.open(walDir, 1, START, SMALL);
        wal.insert(record(1, payload(1, 100)));
        wal.close();
        assertTrue(wal.flushFuture(wal.flushLsn()).isDone(), "already durable: completes at once");
        var pending = wal.flushFuture(wal.flushLsn() + 8);
        assertTrue(pending.isCompletedExceptionally(), "a flush future after close can never complete");
    }

    private Path blocker(Thread t) {
        return walDir.resolve("xlogtemp." + ProcessHandle.current().pid() + "." + t.threadId());
    }
}
