package dev.tusk.access.transam;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash recovery (PostgreSQL's {@code StartupXLOG} and {@code PerformWalRecovery}): finds the latest
 * checkpoint through pg_control, replays every record from its redo point to the end of valid WAL through
 * the resource managers' redo routines, and reports where WAL ends so insertion can continue there.
 *
 * <p>Replay is idempotent ({@link RedoContext#readBufferForRedo} skips blocks whose LSN is already past a
 * record), so recovery may itself be interrupted and rerun. A checkpoint record that cannot be read, a
 * missing segment between the redo point and the end of WAL, or a segment cut short is an error that stops
 * startup: starting with committed transactions silently missing is never an option. Transactions that wrote
 * WAL but have neither a commit nor an abort record were running at the crash; they are marked aborted.
 */
public final class StartupXLog {
    private static final Logger LOG = LoggerFactory.getLogger(StartupXLog.class);

    /** What recovery found. */
    public record Result(long endOfWal, long checkpointEnd, long recordsReplayed, int transactionsAborted,
            boolean crashRecovery) {
    }

    private StartupXLog() {
    }

    /**
     * Replays WAL for {@code control}. {@code recover} false means the cluster was shut down cleanly: only the
     * checkpoint record is checked and anything after it would still be replayed.
     */
    public static Result run(Path walDir, ControlFileData control, RmgrTable rmgrs, RedoContext ctx, Clog clog,
            TransamVariables vars) {
        boolean crash = control.state() != DbState.SHUTDOWNED;
        syncSegmentsFrom(walDir, control.timeline(), control.redo(), control.walSegmentSize());
        long checkpointEnd;
        try (XLogReader reader = new XLogReader(walDir, control.timeline(), control.walSegmentSize(),
                control.checkPoint())) {
            XLogRecord cp;
            try {
                cp = reader.readAt(control.checkPoint());
            } catch (WalException e) {
                throw new WalException("could not locate a valid checkpoint record at "
                        + Lsn.format(control.checkPoint()) + ": " + e.getMessage(), e);
            }
            if (cp.rmid() != RmgrId.XLOG) {
                throw new WalException("invalid checkpoint record at " + Lsn.format(control.checkPoint()));
            }
            checkpointEnd = cp.endLsn();
        }
        if (crash) {
            LOG.info("database system was interrupted; last known up at checkpoint {}; redo starts at {}",
                    Lsn.format(control.checkPoint()), Lsn.format(control.redo()));
        }
        long replayed = 0;
        Set<Long> unresolved = new HashSet<>();
        long end;
        try (XLogReader reader = new XLogReader(walDir, control.timeline(), control.walSegmentSize(),
                control.redo())) {
            XLogRecord rec;
            while ((rec = reader.next()) != null) {
                if (rec.xid() != TransactionId.INVALID) {
                    vars.advanceNextXidPast(rec.xid());
                    if (rec.rmid() == RmgrId.XACT) {
                        unresolved.remove(rec.xid());
                    } else {
                        unresolved.add(rec.xid());
                    }
                }
                rmgrs.get(rec.rmid()).redo(rec, ctx);
                replayed++;
            }
            end = reader.endOfWal();
            if (end < checkpointEnd) {
                throw new WalException("WAL ends at " + Lsn.format(end) + " before the end of the checkpoint record at "
                        + Lsn.format(control.checkPoint()) + " (" + reader.endReason() + ")");
            }
            refuseIfLaterSegmentsExist(walDir, end, control.walSegmentSize(), reader.endReason());
            if (crash || replayed > 1) {
                LOG.info("redo done at {}; {} records replayed ({})", Lsn.format(end), replayed, reader.endReason());
            }
        }
        for (long xid : unresolved) {
            if (clog.status(xid) == XidStatus.IN_PROGRESS) {
                clog.setStatus(xid, XidStatus.ABORTED);
            }
        }
        return new Result(end, checkpointEnd, replayed, unresolved.size(), crash || replayed > 1);
    }

    /**
     * The writer fsyncs a segment before it creates the next one, so when WAL ends in segment N while segment
     * N+2 (or later) exists, segment N+1 was complete and durable: the end is corruption in the middle of the
     * log, not a torn tail. Starting there would zero everything after it and lose committed transactions.
     */
    private static void refuseIfLaterSegmentsExist(Path walDir, long end, int segmentSize, String reason) {
        long endSeg = end / segmentSize;
        for (long seg : segmentNumbers(walDir, segmentSize)) {
            if (seg >= endSeg + 2) {
                throw new WalException("invalid WAL record at " + Lsn.format(end) + " (" + reason
                        + ") while later WAL segments exist; the WAL is corrupt and recovery cannot continue"
                        + " without losing committed transactions");
            }
        }
    }

    private static java.util.List<Long> segmentNumbers(Path walDir, int segmentSize) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        try (var files = Files.list(walDir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.length() == 24 && name.chars().allMatch(c -> "0123456789ABCDEF".indexOf(c) >= 0)) {
                    out.add(Long.parseLong(name.substring(8, 16), 16) * (0x100000000L / segmentSize)
                            + Long.parseLong(name.substring(16), 16));
                }
            }
        } catch (IOException e) {
            throw new WalException("could not read WAL directory \"" + walDir + "\": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Makes the WAL that is about to be replayed durable before any page it produces can be written: a process
     * crash leaves written-but-unsynced WAL in the OS cache, and the WAL rule must hold for recovered pages too.
     */
    private static void syncSegmentsFrom(Path walDir, int timeline, long redo, int segmentSize) {
        long firstSeg = redo / segmentSize;
        try {
            for (long segNo : segmentNumbers(walDir, segmentSize)) {
                if (segNo >= firstSeg) {
                    Path p = walDir.resolve(XLog.segmentFileName(timeline, segNo, segmentSize));
                    if (Files.exists(p)) {
                        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                            ch.force(false);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new WalException("could not fsync WAL directory \"" + walDir + "\": " + e.getMessage(), e);
        }
    }
}
