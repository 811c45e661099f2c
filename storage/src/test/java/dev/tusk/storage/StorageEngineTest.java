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
