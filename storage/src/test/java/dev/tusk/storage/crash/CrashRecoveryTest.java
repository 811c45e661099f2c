package dev.tusk.storage.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapScan;
import dev.tusk.access.heap.HeapTuple;
import dev.tusk.access.nbtree.BTScan;
import dev.tusk.access.nbtree.BTree;
import dev.tusk.access.nbtree.BTreeChecker;
import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.StorageEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM running {@link CrashWorkload} with SIGKILL at a random moment, recovers the data directory,
 * and checks that every acknowledged commit is there with all its rows and index entries, that no rolled-back
 * or never-committed transaction is visible, and that a transaction whose commit was in flight is wholly
 * present or wholly absent. Five rounds on one directory, so later rounds also recover a recovered cluster.
 */
class CrashRecoveryTest {
    private static final int ROUNDS = 5;
    private static final int WORKERS = 4;

    @TempDir
    Path dir;

    private final Set<String> committing = new HashSet<>();
    private final Set<String> committed = new HashSet<>();
    private final Set<String> aborted = new HashSet<>();

    @Test
    void everyAcknowledgedCommitSurvivesSigkill() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 1; round <= ROUNDS; round++) {
            int killAfterMs = 300 + random.nextInt(1200);
            runAndKill(round, killAfterMs);
            verifyRecovered("round " + round + " (seed " + seed + ", killed after " + killAfterMs + " ms)");
        }
        assertTrue(committed.size() > ROUNDS, "the workload acknowledged too few commits: " + committed.size());
    }

    private void runAndKill(int round, int killAfterMs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String flags = System.getProperty("tusk.child.jvm.flags", "");
        for (String f : flags.trim().split("\\s+")) {
            if (!f.isEmpty()) {
                cmd.add(f);
            }
        }
        cmd.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), CrashWorkload.class.getName(),
                dir.toString(), Integer.toString(round), Integer.toString(WORKERS)));
        Process child = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child-stderr.log").toFile())).start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> readAcknowledgements(child, ready), "crash-child-stdout");
        reader.start();
        if (!ready.await(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            fail("child JVM did not become ready (alive: " + child.isAlive() + ")");
        }
        Thread.sleep(killAfterMs);
        // SIGKILL through the process handle: Process.destroyForcibly() would also close our end of the pipe
        // and drop acknowledgements still in it, making an acknowledged commit look unannounced.
        child.toHandle().destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        reader.join(TimeUnit.SECONDS.toMillis(60));
    }

    private void readAcknowledgements(Process child, CountDownLatch ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (this) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else if (line.startsWith("COMMITTING ")) {
                        committing.add(line.substring(11));
                    } else if (line.startsWith("COMMITTED ")) {
                        committed.add(line.substring(10));
                    } else if (line.startsWith("ABORTED ")) {
                        aborted.add(line.substring(8));
                    }
                }
            }
        } catch (java.io.IOException e) {
            // The child died mid-line: what was read so far is what it acknowledged.
        }
    }

    /** Tuple headers and clog status of a transaction's rows, for a failure message. */
    private static String describe(StorageEngine engine, List<HeapTuple> visible, String id) {
        StringBuilder sb = new StringBuilder();
        for (HeapTuple t : visible) {
            if (!id.equals(t.values()[1] + " " + t.values()[2] + " " + t.values()[3])) {
                continue;
            }
            int buf = engine.buffers().readBuffer(CrashSchema.HEAP.locator(), dev.tusk.storage.ForkNumber.MAIN,
                    t.tid().block());
            try {
                var item = dev.tusk.storage.page.Page.item(engine.buffers().page(buf), t.tid().offset());
                long xmin = dev.tusk.access.heap.HeapTupleHeader.xmin(item);
                sb.append(t.tid()).append(" xmin=").append(xmin).append(" infomask=0x")
                        .append(Integer.toHexString(dev.tusk.access.heap.HeapTupleHeader.infomask(item)))
                        .append(" clog=").append(engine.clog().status(xmin)).append("; ");
            } finally {
                engine.buffers().release(buf);
            }
        }
        try {
            String err = java.nio.file.Files.readString(java.nio.file.Path.of(engine.dataDir().toString(),
                    "child-stderr.log"));
            sb.append(" child stderr tail: ").append(err.substring(Math.max(0, err.length() - 3000)));
        } catch (java.io.IOException e) {
            sb.append(" (no child stderr)");
        }
        return sb.toString();
    }

    private synchronized void verifyRecovered(String when) {
        try (StorageEngine engine = StorageEngine.open(dir, CrashSchema.CONFIG)) {
            HeapAm heap = new HeapAm(engine.buffers(), engine.smgr(), engine.transactions());
            BTree index = BTree.open(engine.buffers(), engine.wal(), CrashSchema.INDEX);
            long next = engine.variables().nextXid();
            for (long xid = next; xid < next + 20_000; xid++) {
                assertEquals(dev.tusk.access.transam.XidStatus.IN_PROGRESS, engine.clog().status(xid),
                        when + ": xid " + xid + " at or past nextXid " + next + " already has a status");
            }
            Map<String, Integer> rowsPerTx = new HashMap<>();
            List<HeapTuple> visible = new ArrayList<>();
            try (Transaction tx = engine.transactions().begin();
                    HeapScan scan = heap.scan(CrashSchema.HEAP, tx.statementSnapshot())) {
                while (scan.hasNext()) {
                    HeapTuple t = scan.next();
                    visible.add(t);
                    String id = t.values()[1] + " " + t.values()[2] + " " + t.values()[3];
                    rowsPerTx.merge(id, 1, Integer::sum);
                }
                tx.commit();
            }
            for (String id : committed) {
                Integer rows = rowsPerTx.get(id);
                assertNotNull(rows, when + ": acknowledged commit " + id + " is missing");
                assertEquals(CrashSchema.rowsOf(Long.parseLong(id.split(" ")[2])), rows,
                        when + ": acknowledged commit " + id + " is incomplete");
            }
            for (Map.Entry<String, Integer> e : rowsPerTx.entrySet()) {
                String id = e.getKey();
                assertFalse(aborted.contains(id), when + ": rolled-back transaction " + id + " is visible");
                assertTrue(committing.contains(id), () -> when + ": transaction " + id
                        + " never committed but is visible; " + describe(engine, visible, id));
                assertEquals(CrashSchema.rowsOf(Long.parseLong(id.split(" ")[2])), e.getValue(),
                        when + ": in-flight transaction " + id + " is partly visible");
            }
            new BTreeChecker(index).checkOrThrow();
            for (HeapTuple t : visible) {
                BTScan scan = index.scanEqual(t.values()[0]);
                boolean found = false;
                while (scan.hasNext()) {
                    found |= scan.next().heapTid() == t.tid().packed();
                }
                assertTrue(found, when + ": no index entry for row " + t);
            }
        }
    }
}
