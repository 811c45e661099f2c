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
        Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> readAcknowledgements(child, ready), "crash-child-stdout");
        reader.start();
        if (!ready.await(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            fail("child JVM did not become ready (alive: " + child.isAlive() + ")");
        }
        Thread.sleep(killAfterMs);
        child.destroyForcibly(); // SIGKILL on Linux
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

    private synchronized void verifyRecovered(String when) {
        try (StorageEngine engine = StorageEngine.open(dir, CrashSchema.CONFIG)) {
            HeapAm heap = new HeapAm(engine.buffers(), engine.smgr(), engine.transactions());
            BTree index = BTree.open(engine.buffers(), engine.wal(), CrashSchema.INDEX);
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
                assertTrue(committing.contains(id), when + ": transaction " + id + " never committed but is visible");
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
