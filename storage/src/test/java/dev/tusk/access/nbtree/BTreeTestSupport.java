package dev.tusk.access.nbtree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.heap.ItemPointer;
import dev.tusk.access.transam.XLog;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.StorageTestSupport;
import dev.tusk.storage.buffer.BufferPool;
import dev.tusk.storage.smgr.Smgr;
import dev.tusk.utils.memory.OffHeapAllocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/** A real data directory with Smgr, XLog and BufferPool for B-tree tests, plus helpers. */
final class BTreeTestSupport implements AutoCloseable {
    static final long WAL_START = StorageTestSupport.WAL_START;
    static final XLog.Options WAL_OPTIONS = StorageTestSupport.WAL_OPTIONS;
    static final IndexKeyDesc INT4 = IndexKeyDesc.ascending(TupleDesc.of(Attribute.of("id", AttrType.INT4)));

    final Path dir;
    final OffHeapAllocator allocator = new OffHeapAllocator();
    final Smgr smgr;
    final XLog wal;
    final BufferPool pool;
    private boolean closed;

    BTreeTestSupport(Path dir, int nBuffers) {
        this(dir, nBuffers, WAL_START);
    }

    BTreeTestSupport(Path dir, int nBuffers, long walFrom) {
        this.dir = dir;
        smgr = new Smgr(dir);
        wal = XLog.open(dir.resolve("pg_wal"), 1, walFrom, WAL_OPTIONS);
        pool = new BufferPool(nBuffers, smgr, wal::flush, allocator);
    }

    static IndexRelation relation(String name, int relNumber, IndexKeyDesc keys, boolean unique) {
        return new IndexRelation(name, RelFileLocator.of(5, relNumber), keys, unique);
    }

    BTree create(IndexRelation rel) {
        return BTree.create(pool, smgr, wal, rel);
    }

    static long tid(long block, int offset) {
        return new ItemPointer(block, offset).packed();
    }

    /** A distinct heap TID per key, as if each row lived in its own slot. */
    static long tidOf(int key) {
        return tid(1 + (key & 0xFFFFF) / 50, 1 + (key & 0xFFFFF) % 50);
    }

    static List<IndexEntry> drain(BTScan scan) {
        List<IndexEntry> out = new ArrayList<>();
        scan.forEachRemaining(out::add);
        return out;
    }

    static List<IndexEntry> all(BTree tree) {
        return drain(tree.scan(null, null, BTScan.Direction.FORWARD));
    }

    static void assertSound(BTree tree) {
        List<String> problems = new BTreeChecker(tree).check();
        assertTrue(problems.isEmpty(), () -> "checker: " + problems);
    }

    /** Simulated crash: WAL made durable (as commits would), buffers dropped without writing. */
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
        StorageTestSupport.closeChecked(wal, pool, smgr, allocator);
    }

    /**
     * The heap's answer, as a test fixture: TIDs with a state; an in-progress TID's transaction ends when
     * {@link #finish} is called, and {@link #waitForTransaction} blocks until then.
     */
    static final class FakeHeap implements HeapLiveness {
        final ConcurrentHashMap<Long, Liveness> states = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Long, CountDownLatch> running = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Long, CountDownLatch> waiting = new ConcurrentHashMap<>();

        void live(long tid) {
            states.put(tid, LIVE);
        }

        void dead(long tid) {
            states.put(tid, DEAD);
        }

        void inProgress(long tid, long xid) {
            running.put(xid, new CountDownLatch(1));
            waiting.put(xid, new CountDownLatch(1));
            states.put(tid, new InProgress(xid));
        }

        /** Ends transaction {@code xid}, leaving {@code tid} in its final state. */
        void finish(long xid, long tid, Liveness outcome) {
            states.put(tid, outcome);
            running.get(xid).countDown();
        }

        @Override
        public Liveness check(long heapTidPacked) {
            return states.getOrDefault(heapTidPacked, LIVE);
        }

        /** Blocks until some inserter waits for {@code xid}; false after 30 s. */
        boolean awaitWaiter(long xid) throws InterruptedException {
            return waiting.get(xid).await(30, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public void waitForTransaction(long xid) {
            waiting.get(xid).countDown();
            try {
                running.get(xid).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
