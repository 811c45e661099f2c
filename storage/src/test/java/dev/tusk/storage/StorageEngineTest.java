package dev.tusk.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.ControlFile;
import dev.tusk.access.transam.DbState;
import dev.tusk.access.transam.Transaction;
import dev.tusk.access.transam.WalException;
import dev.tusk.access.transam.XLog;
import dev.tusk.access.transam.XidStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageEngineTest {
    static final StorageEngine.Config SMALL = new StorageEngine.Config(64, 64 * 1024, 1024 * 1024, true, true);

    @TempDir
    Path dir;

    @Test
    void bootstrapWritesAShutDownClusterWithACheckpoint() {
        StorageEngine.bootstrap(dir, 42L, SMALL);
        var control = ControlFile.read(dir);
        assertEquals(DbState.SHUTDOWNED, control.state());
        assertEquals(42L, control.systemIdentifier());
        assertEquals(control.redo(), control.checkPoint());
        assertTrue(Files.exists(dir.resolve("pg_wal").resolve(XLog.segmentFileName(1, 1, 1024 * 1024))));
        for (String d : new String[] {"global", "base", "pg_xact"}) {
            assertTrue(Files.isDirectory(dir.resolve(d)), d);
        }
    }

    @Test
    void cleanShutdownAndRestartKeepCommittedTransactions() {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        long xid;
        try (StorageEngine engine = StorageEngine.open(dir, SMALL)) {
            assertEquals(DbState.IN_PRODUCTION, ControlFile.read(dir).state());
            Transaction tx = engine.transactions().begin();
            xid = tx.getOrAssignXid();
            tx.commit();
        }
        assertEquals(DbState.SHUTDOWNED, ControlFile.read(dir).state());
        try (StorageEngine engine = StorageEngine.open(dir, SMALL)) {
            assertEquals(XidStatus.COMMITTED, engine.clog().status(xid));
            assertTrue(engine.variables().nextXid() > xid);
        }
    }

    @Test
    void crashRecoveryReplaysCommitsAndAbortsTheInterrupted() {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        long committed;
        long interrupted;
        StorageEngine engine = StorageEngine.open(dir, SMALL);
        Transaction a = engine.transactions().begin();
        committed = a.getOrAssignXid();
        a.commit();
        Transaction b = engine.transactions().begin();
        interrupted = b.getOrAssignXid();
        engine.closeAfterCrash();
        assertEquals(DbState.IN_PRODUCTION, ControlFile.read(dir).state());
        try (StorageEngine again = StorageEngine.open(dir, SMALL)) {
            assertEquals(XidStatus.COMMITTED, again.clog().status(committed));
            assertTrue(again.variables().nextXid() > committed);
            assertTrue(again.clog().status(interrupted) != XidStatus.COMMITTED);
            assertEquals(DbState.IN_PRODUCTION, ControlFile.read(dir).state());
        }
    }

    @Test
    void checkpointMovesRedoAndRemovesOldSegments() {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        try (StorageEngine engine = StorageEngine.open(dir, SMALL)) {
            long before = engine.controlFile().checkPoint();
            for (int i = 0; i < 3000; i++) {
                Transaction tx = engine.transactions().begin();
                tx.getOrAssignXid();
                tx.commit();
            }
            StorageEngine.CheckpointResult r = engine.createCheckPoint(false);
            assertTrue(r.checkpointLsn() > before);
            assertEquals(r.checkpointLsn(), ControlFile.read(dir).checkPoint());
            assertEquals(r.redoLsn(), ControlFile.read(dir).redo());
        }
    }

    /** Commits enough transactions to fill several 1 MB segments, then "crashes"; returns the segment files. */
    private java.util.List<Path> crashWithSeveralSegments() throws Exception {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        StorageEngine engine = StorageEngine.open(dir, SMALL);
        byte[] filler = new byte[2000];
        while (engine.wal().insertLsn() < 5L * 1024 * 1024) {
            Transaction tx = engine.transactions().begin();
            long xid = tx.getOrAssignXid();
            engine.wal().insert(new dev.tusk.access.transam.XLogRecordBuilder(
                    dev.tusk.access.transam.RmgrId.XLOG, dev.tusk.access.transam.XLogRedo.XLOG_NOOP, xid).mainData(filler));
            tx.commit();
        }
        engine.closeAfterCrash();
        try (var files = Files.list(dir.resolve("pg_wal"))) {
            java.util.List<Path> segs = files.filter(p -> p.getFileName().toString().length() == 24).sorted().toList();
            assertTrue(segs.size() >= 4, segs.toString());
            return segs;
        }
    }

    @Test
    void missingMiddleSegmentStopsRecovery() throws Exception {
        java.util.List<Path> segs = crashWithSeveralSegments();
        Files.delete(segs.get(segs.size() - 2));
        WalException e = assertThrows(WalException.class, () -> StorageEngine.open(dir, SMALL));
        assertTrue(e.getMessage().contains(segs.get(segs.size() - 2).getFileName().toString()), e.getMessage());
    }

    @Test
    void segmentCutShortStopsRecovery() throws Exception {
        java.util.List<Path> segs = crashWithSeveralSegments();
        try (var ch = java.nio.channels.FileChannel.open(segs.get(segs.size() - 2),
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(100_000);
        }
        WalException e = assertThrows(WalException.class, () -> StorageEngine.open(dir, SMALL));
        assertTrue(e.getMessage().contains(segs.get(segs.size() - 2).getFileName().toString()), e.getMessage());
    }

    @Test
    void corruptRecordInTheMiddleOfTheLogStopsRecovery() throws Exception {
        java.util.List<Path> segs = crashWithSeveralSegments();
        Path victim = segs.get(segs.size() - 3);
        try (var ch = java.nio.channels.FileChannel.open(victim, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b, 500_000);
            b.put(0, (byte) (b.get(0) ^ 0x5A)).rewind();
            ch.write(b, 500_000);
        }
        WalException e = assertThrows(WalException.class, () -> StorageEngine.open(dir, SMALL));
        assertTrue(e.getMessage().contains("later WAL segments exist"), e.getMessage());
    }

    @Test
    void missingCheckpointSegmentStopsStartupWithAClearError() throws Exception {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        try (var files = Files.list(dir.resolve("pg_wal"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        WalException e = assertThrows(WalException.class, () -> StorageEngine.open(dir, SMALL));
        assertTrue(e.getMessage().contains("could not locate a valid checkpoint record"), e.getMessage());
    }
}
