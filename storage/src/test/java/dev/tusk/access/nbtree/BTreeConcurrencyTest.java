package dev.tusk.access.nbtree;

import static dev.tusk.access.nbtree.BTreeTestSupport.INT4;
import static dev.tusk.access.nbtree.BTreeTestSupport.all;
import static dev.tusk.access.nbtree.BTreeTestSupport.assertSound;
import static dev.tusk.access.nbtree.BTreeTestSupport.tid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.nbtree.BTreeTestSupport.FakeHeap;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BTreeConcurrencyTest {
    private static final int THREADS = 4;
    private static final int PER_THREAD = 5000;
    private static final int BASE = 2000;

    @TempDir
    Path dir;

    /** Keys of thread t: t + THREADS * i, shuffled; the base set uses negative keys. */
    private static List<Integer> keysOf(int t) {
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < PER_THREAD; i++) {
            keys.add(t + THREADS * i);
        }
        Collections.shuffle(keys, new Random(t));
        return keys;
    }

    @Test
    void concurrentInsertersAndScannersNeverLoseOrRepeatEntries() throws Exception {
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 48)) {
            BTree tree = env.create(BTreeTestSupport.relation("c_idx", 23001, INT4, false));
            for (int i = 1; i <= BASE; i++) {
                tree.insert(new Object[] {-i * 7}, tid(0, i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
            AtomicBoolean inserting = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> scanProblems = new ConcurrentLinkedQueue<>();
            AtomicInteger scans = new AtomicInteger();
            try {
                List<Future<?>> inserters = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    inserters.add(pool.submit(() -> {
                        for (int k : keysOf(thread)) {
                            tree.insert(new Object[] {k}, tid(1 + k / 100, 1 + k % 100));
                        }
                    }));
                }
                List<Future<?>> scanners = new ArrayList<>();
                for (BTScan.Direction d : BTScan.Direction.values()) {
                    scanners.add(pool.submit(() -> {
                        do {
                            checkScan(tree, d, scanProblems);
                            scans.incrementAndGet();
                        } while (inserting.get());
                    }));
                }
                for (Future<?> f : inserters) {
                    f.get(120, TimeUnit.SECONDS);
                }
                inserting.set(false);
                for (Future<?> f : scanners) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertTrue(scanProblems.isEmpty(), () -> "scan problems: " + scanProblems);
            assertTrue(scans.get() >= 2);
            assertSound(tree);
            List<IndexEntry> entries = all(tree);
            assertEquals(BASE + THREADS * PER_THREAD, entries.size());
            Set<Integer> seen = new HashSet<>();
            for (IndexEntry e : entries) {
                assertTrue(seen.add((Integer) e.values()[0]), "key found twice: " + e);
            }
            for (int k = 0; k < THREADS * PER_THREAD; k++) {
                assertEquals(1, BTreeTestSupport.drain(tree.scanEqual(k)).size(), "key " + k);
            }
        }
    }

    /** A scan running during inserts: strictly ordered, and it sees every entry that existed before it began. */
    private static void checkScan(BTree tree, BTScan.Direction d, ConcurrentLinkedQueue<String> problems) {
        List<IndexEntry> got = BTreeTestSupport.drain(tree.scan(null, null, d));
        int base = 0;
        for (int i = 0; i < got.size(); i++) {
            int k = (Integer) got.get(i).values()[0];
            if (k < 0) {
                base++;
            }
            if (i > 0) {
                int prev = (Integer) got.get(i - 1).values()[0];
                if (d == BTScan.Direction.FORWARD ? prev >= k : prev <= k) {
                    problems.add(d + " scan out of order or repeated at " + prev + ", " + k);
                    return;
                }
            }
        }
        if (base != BASE) {
            problems.add(d + " scan saw " + base + " of the " + BASE + " pre-existing entries");
        }
    }

    @Test
    void bulkDeleteRunningBesideInsertersRemovesExactlyTheDeadEntries() throws Exception {
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 48)) {
            BTree tree = env.create(BTreeTestSupport.relation("cv_idx", 23003, INT4, false));
            for (int i = 1; i <= 4000; i++) {
                tree.insert(new Object[] {-i}, tid(0, i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(3);
            NbtVacuum.Result result;
            try {
                List<Future<?>> inserters = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    int thread = t;
                    inserters.add(pool.submit(() -> {
                        for (int k : keysOf(thread)) {
                            tree.insert(new Object[] {k}, tid(1 + k / 100, 1 + k % 100));
                        }
                    }));
                }
                // Dead: the pre-existing entries with an even offset (block 0).
                Future<NbtVacuum.Result> vacuum = pool.submit(() -> tree.bulkDelete(
                        t -> t >>> 16 == 0 && (t & 0xFFFF) % 2 == 0));
                for (Future<?> f : inserters) {
                    f.get(120, TimeUnit.SECONDS);
                }
                result = vacuum.get(120, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(2000, result.tuplesRemoved());
            assertSound(tree);
            List<IndexEntry> entries = all(tree);
            assertEquals(2000 + 2 * PER_THREAD, entries.size());
            assertTrue(entries.stream().noneMatch(e -> e.heapTid() >>> 16 == 0 && (e.heapTid() & 0xFFFF) % 2 == 0));
        }
    }

    @Test
    void racingUniqueInsertersLetExactlyOneWinPerKey() throws Exception {
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 48)) {
            BTree tree = env.create(BTreeTestSupport.relation("cu_idx", 23002, INT4, true));
            FakeHeap heap = new FakeHeap();
            int keys = 1500;
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            AtomicInteger wins = new AtomicInteger();
            AtomicInteger violations = new AtomicInteger();
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    fs.add(pool.submit(() -> {
                        List<Integer> order = new ArrayList<>();
                        for (int k = 0; k < keys; k++) {
                            order.add(k);
                        }
                        Collections.shuffle(order, new Random(thread));
                        for (int k : order) {
                            try {
                                tree.insert(new Object[] {k}, tid(1 + thread, 1 + k), heap);
                                wins.incrementAndGet();
                            } catch (TuskException e) {
                                assertEquals(SqlState.UNIQUE_VIOLATION, e.sqlState());
                                violations.incrementAndGet();
                            }
                        }
                    }));
                }
                for (Future<?> f : fs) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(keys, wins.get());
            assertEquals(keys * (THREADS - 1), violations.get());
            assertEquals(keys, all(tree).size());
            assertSound(tree);
        }
    }
}
