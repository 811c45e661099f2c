package dev.tusk.storage;

import dev.tusk.access.transam.CheckPoint;
import dev.tusk.access.transam.Clog;
import dev.tusk.access.transam.ControlFile;
import dev.tusk.access.transam.ControlFileData;
import dev.tusk.access.transam.DbState;
import dev.tusk.access.transam.Lsn;
import dev.tusk.access.transam.PendingDeletes;
import dev.tusk.access.transam.RedoContext;
import dev.tusk.access.transam.RmgrId;
import dev.tusk.access.transam.StartupXLog;
import dev.tusk.access.transam.TransactionManager;
import dev.tusk.access.transam.TransamVariables;
import dev.tusk.access.transam.WalFlushRequest;
import dev.tusk.access.transam.XLog;
import dev.tusk.access.transam.XLogRecordBuilder;
import dev.tusk.storage.buffer.BufferPool;
import dev.tusk.storage.smgr.Smgr;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One opened data directory: control file, WAL, relation files, shared buffers, transaction status and the
 * running-transaction array — what PostgreSQL keeps in shared memory — with {@code BootStrapXLOG},
 * {@code StartupXLOG} (through {@link StartupXLog}) and {@code CreateCheckPoint}.
 *
 * <p>Life cycle: {@link #bootstrap} once per data directory (initdb); {@link #open} replays WAL from the last
 * checkpoint's redo point (crash recovery when pg_control does not say "shut down") and ends recovery with a
 * checkpoint; {@link #close} writes a shutdown checkpoint and marks pg_control "shut down".
 * {@link #closeAfterCrash} releases memory and files without touching disk state, as a killed process would.
 */
public final class StorageEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StorageEngine.class);

    /** Where the WAL of a new cluster starts: the beginning of segment 1, as in PostgreSQL. */
    private static final int FIRST_TIMELINE = 1;

    /** Tunables read from postgresql.conf by the server. {@code sharedBuffers} counts 8 KB buffers. */
    public record Config(int sharedBuffers, int walBuffers, int walSegmentSize, boolean synchronousCommit,
            boolean fullPageWrites) {
        public static Config defaults() {
            return new Config(16384, 4 * 1024 * 1024, XLog.DEFAULT_SEGMENT_SIZE, true, true);
        }

        /** The same settings with another number of shared buffers. */
        public Config withSharedBuffers(int buffers) {
            return new Config(buffers, walBuffers, walSegmentSize, synchronousCommit, fullPageWrites);
        }

        /** The same settings with synchronous_commit changed. */
        public Config withSynchronousCommit(boolean on) {
            return new Config(sharedBuffers, walBuffers, walSegmentSize, on, fullPageWrites);
        }
    }

    /** What one checkpoint did. */
    public record CheckpointResult(long checkpointLsn, long redoLsn, int buffersWritten, int filesSynced,
            int segmentsRemoved) {
    }

    private final Path dataDir;
    private final Smgr smgr;
    private final BufferPool buffers;
    private final Clog clog;
    private final TransamVariables vars;
    private final ReentrantLock checkpointLock = new ReentrantLock();
    private volatile XLog wal;
    private volatile TransactionManager xacts;
    private volatile ControlFileData control;
    private volatile long lastCheckpointEnd;
    private volatile boolean closed;

    private StorageEngine(Path dataDir, ControlFileData control, Config config) {
        this.dataDir = dataDir;
        this.control = control;
        this.smgr = new Smgr(dataDir);
        // Until recovery has opened the log for insertion, every page comes from WAL already on disk.
        this.buffers = new BufferPool(config.sharedBuffers(), smgr, this::flushWalForPage);
        this.vars = new TransamVariables(control.nextXid(), (int) control.nextOid());
        this.clog = new Clog(dataDir.resolve("pg_xact"), this::flushWalForPage);
    }

    /**
     * BootStrapXLOG: the storage part of initdb. Creates {@code global/}, {@code base/}, {@code pg_wal/},
     * {@code pg_xact/}, {@code pg_tblspc/}, {@code pg_stat/}, a first WAL segment holding a shutdown checkpoint,
     * and pg_control in state "shut down".
     */
    public static void bootstrap(Path dataDir, long systemIdentifier, Config config) {
        Objects.requireNonNull(dataDir, "dataDir");
        try {
            for (String dir : new String[] {"global", "base", "pg_wal", "pg_xact", "pg_tblspc", "pg_stat"}) {
                Files.createDirectories(dataDir.resolve(dir));
            }
        } catch (IOException e) {
            throw new TuskException(SqlState.IO_ERROR, "could not create directory \"" + dataDir + "\": "
                    + e.getMessage(), e);
        }
        long start = config.walSegmentSize();
        long now = System.currentTimeMillis();
        try (XLog wal = XLog.open(dataDir.resolve("pg_wal"), FIRST_TIMELINE, start,
                new XLog.Options(config.walSegmentSize(), config.walBuffers()))) {
            TransamVariables initial = TransamVariables.initial();
            CheckPoint cp = new CheckPoint(start, FIRST_TIMELINE, initial.nextXid(), initial.nextOid(), now, true);
            XLog.Inserted ins = wal.insertWithBounds(new XLogRecordBuilder(RmgrId.XLOG, cp.xlogInfo(), 0)
                    .mainData(cp.encode()));
            wal.flush(ins.endLsn());
            ControlFile.write(dataDir, new ControlFileData(ControlFileData.PG_CONTROL_VERSION,
                    ControlFileData.CATALOG_VERSION, systemIdentifier, DbState.SHUTDOWNED, now, ins.startLsn(),
                    start, FIRST_TIMELINE, config.fullPageWrites(), cp.nextXid(), cp.nextOid(), now,
                    dev.tusk.storage.page.Page.BLCKSZ, config.walSegmentSize(), 1));
        }
        // initdb's fsync_pgdata: the new directory entries themselves must survive a power loss.
        for (String dir : new String[] {"global", "base", "pg_wal", "pg_xact", "pg_tblspc", "pg_stat", "."}) {
            fsyncDirectory(dataDir.resolve(dir));
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir,
                java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            throw new TuskException(SqlState.IO_ERROR, "could not fsync directory \"" + dir + "\": "
                    + e.getMessage(), e);
        }
    }

    /** StartupXLOG: opens the cluster, recovering from a crash if needed. */
    public static StorageEngine open(Path dataDir, Config config) {
        ControlFileData control = ControlFile.read(dataDir);
        if (control.walSegmentSize() != config.walSegmentSize()) {
            config = new Config(config.sharedBuffers(), config.walBuffers(), control.walSegmentSize(),
                    config.synchronousCommit(), config.fullPageWrites());
        }
        StorageEngine engine = new StorageEngine(dataDir, control, config);
        try {
            engine.startup(config);
            return engine;
        } catch (RuntimeException e) {
            engine.closeAfterCrash();
            throw e;
        }
    }

    private void startup(Config config) {
        boolean crashed = control.state() != DbState.SHUTDOWNED;
        if (crashed) {
            control = control.withState(DbState.IN_CRASH_RECOVERY);
            ControlFile.write(dataDir, control);
        }
        StartupXLog.Result r = StartupXLog.run(dataDir.resolve("pg_wal"), control,
                ResourceManagers.standard(clog, vars), new RedoContext(buffers, smgr), clog, vars);
        wal = XLog.open(dataDir.resolve("pg_wal"), control.timeline(), r.endOfWal(),
                new XLog.Options(control.walSegmentSize(), config.walBuffers()));
        wal.setRedoPointer(control.redo());
        lastCheckpointEnd = r.checkpointEnd();
        xacts = new TransactionManager(wal, clog, vars, PendingDeletes.dropper(buffers, smgr),
                config.synchronousCommit());
        if (r.crashRecovery()) {
            // End-of-recovery checkpoint: recovered pages and clog reach disk, and the next crash starts here.
            createCheckPoint(false);
            if (crashed) {
                LOG.info("crash recovery complete: {} records replayed, {} interrupted transactions aborted",
                        r.recordsReplayed(), r.transactionsAborted());
            }
        }
        control = control.withState(DbState.IN_PRODUCTION);
        ControlFile.write(dataDir, control);
    }

    /** Flushes WAL up to a page's LSN before the page is written; a no-op while recovery replays. */
    private void flushWalForPage(long pageLsn) {
        XLog w = wal;
        if (w != null) {
            w.flush(Math.min(pageLsn, w.insertLsn()));
        }
    }

    /**
     * CreateCheckPoint: moves the redo point to the current end of WAL, writes every dirty buffer and the clog,
     * fsyncs the relation files written since the last checkpoint, logs the checkpoint record, updates
     * pg_control, and removes WAL segments that the new redo point no longer needs. One at a time.
     */
    public CheckpointResult createCheckPoint(boolean shutdown) {
        checkpointLock.lock();
        try {
            ensureOpen();
            long redo;
            // A commit whose record precedes the redo point must have reached the clog before the clog is
            // written below, or a crash would lose it (PostgreSQL's DELAY_CHKPT_START).
            AutoCloseable blocked = xacts.blockCommitsForCheckpointStart();
            try {
                redo = wal.beginCheckpointRedo();
            } finally {
                closeQuietly(blocked);
            }
            long nextXid = vars.nextXid();
            long nextOid = vars.checkpointNextOid(shutdown);
            int written = buffers.flushAll();
            clog.flush();
            int synced = smgr.syncAll();
            long now = System.currentTimeMillis();
            CheckPoint cp = new CheckPoint(redo, control.timeline(), nextXid, nextOid, now, shutdown);
            XLog.Inserted ins = wal.insertWithBounds(new XLogRecordBuilder(RmgrId.XLOG, cp.xlogInfo(), 0)
                    .mainData(cp.encode()));
            wal.flush(ins.endLsn());
            control = control.withCheckpoint(shutdown ? DbState.SHUTDOWNED : DbState.IN_PRODUCTION,
                    ins.startLsn(), redo, nextXid, nextOid, now);
            ControlFile.write(dataDir, control);
            lastCheckpointEnd = ins.endLsn();
            int removed = wal.removeSegmentsBefore(redo);
            LOG.debug("checkpoint complete: wrote {} buffers, synced {} files, removed {} WAL files; lsn={}, redo={}",
                    written, synced, removed, Lsn.format(ins.startLsn()), Lsn.format(redo));
            return new CheckpointResult(ins.startLsn(), redo, written, synced, removed);
        } finally {
            checkpointLock.unlock();
        }
    }

    /**
     * GetNewObjectId: a new OID for a catalog object, at or above {@code FirstNormalObjectId} (16384; lower
     * OIDs are the bootstrap objects'). Thread-safe. Ranges of {@value TransamVariables#OID_PREFETCH} are
     * reserved by XLOG_NEXTOID records and checkpoints carry the counter, so no OID is handed out twice across
     * a crash once anything that used it is durable. Uniqueness within a catalog is the caller's concern
     * (PostgreSQL's GetNewOidWithIndex retries on a collision after wraparound).
     *
     * <p>Unlike PostgreSQL's XLogPutNextOid the reservation is flushed before its first OID is handed out: an
     * OID may become a relfilenode, whose file exists on disk at once, and a crash that lost an unflushed
     * reservation would hand the same OID out again and collide with the leftover file (PostgreSQL loops in
     * GetNewRelFileNumber instead). One flush per {@value TransamVariables#OID_PREFETCH} OIDs.
     */
    public int nextOid() {
        ensureOpen();
        XLog w = wal;
        return vars.newOid(next -> w.flush(w.insert(new XLogRecordBuilder(RmgrId.XLOG,
                dev.tusk.access.transam.XLogRedo.XLOG_NEXTOID, 0)
                .mainData(dev.tusk.access.transam.XLogRedo.encodeNextOid(next)))));
    }

    public Path dataDir() {
        return dataDir;
    }

    public XLog wal() {
        return wal;
    }

    public BufferPool buffers() {
        return buffers;
    }

    public Smgr smgr() {
        return smgr;
    }

    public Clog clog() {
        return clog;
    }

    public TransamVariables variables() {
        return vars;
    }

    /** Starts and ends transactions. */
    public TransactionManager transactions() {
        return xacts;
    }

    /** The pg_control contents as last written. */
    public ControlFileData controlFile() {
        return control;
    }

    /** Installs the WalWriter's wake-up as the commit flush path (group commit). */
    public void setWalFlushRequest(WalFlushRequest request) {
        xacts.setWalFlushRequest(request);
    }

    /** Releases files and memory without a checkpoint, as if the process had died. */
    public void closeAfterCrash() {
        if (closed) {
            return;
        }
        closed = true;
        XLog w = wal;
        if (w != null) {
            w.closeWithoutFlush();
        }
        try {
            buffers.close(); // frees the frames without writing dirty pages: they are lost, as in a crash
        } catch (IllegalStateException stillPinned) {
            LOG.debug("buffers were still pinned at crash close: {}", stillPinned.getMessage());
        }
        smgr.close();
    }

    /** Shutdown checkpoint (unless one was just taken), pg_control "shut down", release everything. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        checkpointLock.lock();
        try {
            boolean cleanAlready = control.state() == DbState.SHUTDOWNED && wal.insertLsn() == lastCheckpointEnd;
            try {
                if (!cleanAlready) {
                    createCheckPoint(true);
                }
            } catch (RuntimeException e) {
                closeAfterCrash(); // the next start recovers from WAL
                throw e;
            }
            closed = true;
            wal.close();
            buffers.close();
            smgr.close();
        } finally {
            checkpointLock.unlock();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("storage engine for " + dataDir + " is closed");
        }
    }
}
