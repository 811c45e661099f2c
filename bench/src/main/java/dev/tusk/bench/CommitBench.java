package dev.tusk.bench;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapRelation;
import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.StorageEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Commits per second of the smallest write transaction through the real {@link StorageEngine}: begin, assign
 * an xid, commit (PostgreSQL's {@code RecordTransactionCommit}: a commit record in the WAL, then — with
 * synchronous_commit on — a wait until {@code XLogFlush} has fsynced it, then the clog update).
 *
 * <p>With synchronous commit every commit waits for an fsync of the WAL, so one committer is bound by the
 * disk's fdatasync rate (compare with {@code pg_test_fsync}); sixteen committers share fsyncs through the group
 * commit inside {@code XLog.flush}, so their rate shows how well that works. With synchronous commit off the
 * commit does not wait at all: the rate is the cost of the WAL insert, the clog and the proc array. The
 * {@code heapInsert} variants also insert one small row ({@code heap_insert} of an int4 and a short text) into
 * one shared table per transaction, so they add a WAL-logged page change and the last page's content lock.
 *
 * <p>Every trial bootstraps a fresh data directory under {@code java.io.tmpdir} (put it on the disk you want
 * to measure with {@code -Djava.io.tmpdir=...}) and deletes it at teardown, after printing how many WAL fsyncs
 * each commit cost on average.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CommitBench {
    /** 8 MB of shared buffers: the heap variant's table stays well below that, so no eviction writes pages. */
    static final int SHARED_BUFFERS = 1024;

    /** One bootstrapped and opened data directory, shared by all committers of a trial. */
    abstract static class Engine {
        Path dir;
        StorageEngine engine;
        private long firstXid;
        private long syncsAtStart;

        void open(boolean synchronousCommit) throws IOException {
            dir = Files.createTempDirectory("tusk-commit-bench");
            StorageEngine.Config config = StorageEngine.Config.defaults()
                    .withSharedBuffers(SHARED_BUFFERS)
                    .withSynchronousCommit(synchronousCommit);
            try {
                StorageEngine.bootstrap(dir, 1L, config);
                engine = StorageEngine.open(dir, config);
            } catch (RuntimeException e) {
                BenchFiles.deleteTree(dir); // JMH skips the teardown of a failed setup
                throw e;
            }
            firstXid = engine.variables().nextXid();
            syncsAtStart = engine.wal().syncCount();
        }

        void close(BenchmarkParams params) throws IOException {
            try {
                // Every commit assigned exactly one xid, so the xid counter counts the commits (warmup included;
                // the heap variant's CREATE TABLE transaction too).
                long commits = engine.variables().nextXid() - firstXid;
                long syncs = engine.wal().syncCount() - syncsAtStart;
                String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
                System.out.println(String.format(Locale.ROOT,
                        "%nCommitBench.%s threads=%d: %d commits, %d WAL fsyncs, %.3f fsyncs per commit",
                        method, params.getThreads(), commits, syncs, commits == 0 ? 0.0 : (double) syncs / commits));
                engine.close();
            } finally {
                BenchFiles.deleteTree(dir);
            }
        }
    }

    @State(Scope.Benchmark)
    public static class SyncEngine extends Engine {
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            open(true);
        }

        @TearDown(Level.Trial)
        public void tearDown(BenchmarkParams params) throws IOException {
            close(params);
        }
    }

    @State(Scope.Benchmark)
    public static class AsyncEngine extends Engine {
        @Setup(Level.Trial)
        public void setUp() throws IOException {
            open(false);
        }

        @TearDown(Level.Trial)
        public void tearDown(BenchmarkParams params) throws IOException {
            close(params);
        }
    }

    /** A synchronous-commit engine with one empty table {@code (id int4, v text)}, created at setup. */
    @State(Scope.Benchmark)
    public static class HeapEngine extends Engine {
        static final TupleDesc DESC = TupleDesc.of(Attribute.of("id", AttrType.INT4), Attribute.of("v", AttrType.TEXT));
        /** PostgreSQL's first database and user relation numbers (template1 = 1, FirstNormalObjectId = 16384). */
        static final RelFileLocator TABLE = RelFileLocator.of(5, 16384);

        HeapAm heap;
        HeapRelation table;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            open(true);
            heap = new HeapAm(engine.buffers(), engine.smgr(), engine.transactions());
            Transaction tx = engine.transactions().begin();
            table = heap.createRelation(tx, TABLE, DESC);
            tx.commit();
        }

        @TearDown(Level.Trial)
        public void tearDown(BenchmarkParams params) throws IOException {
            close(params);
        }
    }

    /** Per committer: the next row to insert. */
    @State(Scope.Thread)
    public static class Row {
        final Object[] values = {0, "tusk commit bench"};
        int id;
    }

    /** One write transaction: xid assigned, nothing else written, committed. Returns the commit record's end. */
    private static long commitOne(Engine e) {
        Transaction tx = e.engine.transactions().begin();
        tx.getOrAssignXid();
        tx.commit();
        return tx.commitLsn();
    }

    @Benchmark
    @Threads(1)
    public long syncCommit1Thread(SyncEngine e) {
        return commitOne(e);
    }

    @Benchmark
    @Threads(16)
    public long syncCommit16Threads(SyncEngine e) {
        return commitOne(e);
    }

    @Benchmark
    @Threads(1)
    public long asyncCommit1Thread(AsyncEngine e) {
        return commitOne(e);
    }

    /** One write transaction inserting one row, committed. Returns the commit record's end. */
    private static long insertAndCommit(HeapEngine e, Row row) {
        Transaction tx = e.engine.transactions().begin();
        row.values[0] = row.id++;
        e.heap.insert(tx, e.table, row.values);
        tx.commit();
        return tx.commitLsn();
    }

    @Benchmark
    @Threads(1)
    public long heapInsertCommit1Thread(HeapEngine e, Row row) {
        return insertAndCommit(e, row);
    }

    @Benchmark
    @Threads(16)
    public long heapInsertCommit16Threads(HeapEngine e, Row row) {
        return insertAndCommit(e, row);
    }
}
