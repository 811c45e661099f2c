package dev.tusk.access.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.transam.Clog;
import dev.tusk.access.transam.PendingDeletes;
import dev.tusk.access.transam.RedoContext;
import dev.tusk.access.transam.RelationStorage;
import dev.tusk.access.transam.RmgrId;
import dev.tusk.access.transam.RmgrTable;
import dev.tusk.access.transam.Transaction;
import dev.tusk.access.transam.TransactionManager;
import dev.tusk.access.transam.TransamVariables;
import dev.tusk.access.transam.XLog;
import dev.tusk.access.transam.XLogReader;
import dev.tusk.access.transam.XLogRecord;
import dev.tusk.access.transam.XactRedo;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.StorageTestSupport;
import dev.tusk.storage.buffer.BufferPool;
import dev.tusk.storage.smgr.Smgr;
import dev.tusk.utils.memory.OffHeapAllocator;
import dev.tusk.utils.time.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real data directory for heap and transaction tests: Smgr, XLog, BufferPool, Clog, TransactionManager
 * and HeapAm over a temporary folder, plus a simulated crash and WAL replay.
 */
final class HeapTestEnv implements AutoCloseable {
    static final long WAL_START = StorageTestSupport.WAL_START;
    static final int TIMELINE = 1;
    static final XLog.Options WAL_OPTIONS = StorageTestSupport.WAL_OPTIONS;
    static final TupleDesc DESC = TupleDesc.of(Attribute.of("id", AttrType.INT4), Attribute.of("v", AttrType.TEXT));

    final Path dir;
    final OffHeapAllocator allocator;
    final Smgr smgr;
    final XLog wal;
    final BufferPool pool;
    final Clog clog;
    final TransamVariables vars;
    final TransactionManager txm;
    final HeapAm heap;
    /** Records replayed when this environment was opened by {@link #recover}. */
    int replayed;
    private boolean closed;

    private HeapTestEnv(Path dir, Smgr smgr, XLog wal, TransamVariables vars, Clog clog, int nBuffers,
            OffHeapAllocator allocator) {
        this.dir = dir;
        this.allocator = allocator;
        this.smgr = smgr;
        this.wal = wal;
        this.vars = vars;
        this.clog = clog;
        this.pool = new BufferPool(nBuffers, smgr, wal::flush, allocator);
        this.txm = new TransactionManager(wal, clog, vars, PendingDeletes.dropper(pool, smgr), true);
        this.heap = new HeapAm(pool, smgr, txm);
    }

    /** A fresh cluster in {@code dir}. */
    static HeapTestEnv create(Path dir, int nBuffers) {
        OffHeapAllocator alloc = new OffHeapAllocator();
        XLog wal = XLog.open(dir.resolve("pg_wal"), TIMELINE, WAL_START, WAL_OPTIONS);
        Clog clog = new Clog(dir.resolve("pg_xact"), wal::flush);
        return new HeapTestEnv(dir, new Smgr(dir), wal, TransamVariables.initial(), clog, nBuffers, alloc);
    }

    /**
     * Crash recovery in miniature: replays the whole WAL from the start with the heap, xact and smgr redo
     * routines into a fresh buffer pool over the same files, then opens the WAL for insertion at its end.
     */
    static HeapTestEnv recover(Path dir, int nBuffers) {
        OffHeapAllocator alloc = new OffHeapAllocator();
        Smgr smgr = new Smgr(dir);
        TransamVariables vars = TransamVariables.initial();
        Clog clog = new Clog(dir.resolve("pg_xact"), null);
        BufferPool redoPool = new BufferPool(nBuffers, smgr, lsn -> { }, alloc);
        RmgrTable rmgrs = new RmgrTable().register(RmgrId.HEAP, new HeapRedo())
                .register(RmgrId.XACT, new XactRedo(clog, vars)).register(RmgrId.SMGR, new RelationStorage.Redo());
        RedoContext ctx = new RedoContext(redoPool, smgr);
        int n = 0;
        long end;
        try (XLogReader reader = new XLogReader(dir.resolve("pg_wal"), TIMELINE, WAL_OPTIONS.segmentSize(), WAL_START)) {
            XLogRecord rec;
            while ((rec = reader.next()) != null) {
                vars.advanceNextXidPast(rec.xid());
                rmgrs.get(rec.rmid()).redo(rec, ctx);
                n++;
            }
            end = reader.endOfWal();
        }
        // End-of-recovery checkpoint, simplified: redo wrote no WAL, so the pages can go straight to disk.
        redoPool.flushAll();
        smgr.syncAll();
        redoPool.close();
        clog.flush();
        XLog wal = XLog.open(dir.resolve("pg_wal"), TIMELINE, end, WAL_OPTIONS);
        HeapTestEnv env = new HeapTestEnv(dir, smgr, wal, vars, new Clog(dir.resolve("pg_xact"), wal::flush), nBuffers,
                alloc);
        env.replayed = n;
        return env;
    }

    static RelFileLocator locator(int relNumber) {
        return RelFileLocator.of(5, relNumber);
    }

    /** A table of {@link #DESC} at {@code relNumber}, created by a committed transaction. */
    HeapRelation createTable(int relNumber) {
        Transaction tx = txm.begin();
        HeapRelation rel = heap.createRelation(tx, locator(relNumber), DESC);
        tx.commit();
        return rel;
    }

    /** The rows of a {@link #DESC} table that {@code snap} sees, id to v; fails on two visible versions of a row. */
    Map<Integer, String> visibleRows(HeapRelation rel, Snapshot snap) {
        Map<Integer, String> m = new TreeMap<>();
        for (HeapTuple t : scan(rel, snap)) {
            assertNull(m.put((Integer) t.values()[0], (String) t.values()[1]), "two visible versions of " + t);
        }
        return m;
    }

    /** All rows {@code snap} sees, by scan. */
    List<HeapTuple> scan(HeapRelation rel, Snapshot snap) {
        List<HeapTuple> out = new ArrayList<>();
        try (HeapScan s = heap.scan(rel, snap)) {
            s.forEachRemaining(out::add);
        }
        return out;
    }

    /** Simulated crash: the WAL written so far survives (as if flushed), buffers and clog pages are lost. */
    void crash() {
        StorageTestSupport.crash(wal, pool, smgr);
        closed = true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        clog.flush();
        StorageTestSupport.closeChecked(wal, pool, smgr, allocator);
    }
}
