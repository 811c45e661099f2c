package dev.tusk.storage.crash;

import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapIndexLiveness;
import dev.tusk.access.heap.ItemPointer;
import dev.tusk.access.nbtree.BTree;
import dev.tusk.access.transam.ControlFile;
import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.StorageEngine;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The child JVM of {@link CrashRecoveryTest}: concurrent transactions insert rows into a heap and a unique
 * B-tree and print, on stdout, {@code COMMITTING r w s} before each commit, {@code COMMITTED r w s} as soon as
 * the commit returns (is acknowledged), and {@code ABORTED r w s} after a deliberate rollback. It runs until
 * it is killed. The second row of a transaction is written inside a released savepoint, sometimes with a
 * nested savepoint that is rolled back around an extra row that must never become visible. Arguments: data directory, round number, worker count.
 */
public final class CrashWorkload {
    private CrashWorkload() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int round = Integer.parseInt(args[1]);
        int workers = Integer.parseInt(args[2]);
        if (!Files.exists(ControlFile.path(dir))) {
            StorageEngine.bootstrap(dir, 7L, CrashSchema.CONFIG);
        }
        StorageEngine engine = StorageEngine.open(dir, CrashSchema.CONFIG);
        HeapAm heap = new HeapAm(engine.buffers(), engine.smgr(), engine.transactions());
        BTree index = CrashSchema.openOrCreate(engine, heap);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        out.println("READY");
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread t = new Thread(() -> run(engine, heap, index, out, round, worker), "worker-" + w);
            t.start();
        }
        // A checkpointer, so that crashes also land during and after checkpoints.
        while (true) {
            Thread.sleep(ThreadLocalRandom.current().nextInt(50, 250));
            engine.createCheckPoint(false);
        }
    }

    private static void run(StorageEngine engine, HeapAm heap, BTree index, PrintStream out, int round, int worker) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (long seq = 0; ; seq++) {
            Transaction tx = engine.transactions().begin();
            HeapIndexLiveness liveness = new HeapIndexLiveness(heap, CrashSchema.HEAP, tx);
            for (int row = 0; row < CrashSchema.rowsOf(seq); row++) {
                // The second row is written in a released savepoint: it must commit (or vanish) with the rest.
                boolean inSavepoint = row == 1;
                if (inSavepoint) {
                    tx.beginSubtransaction();
                }
                long k = CrashSchema.key(round, worker, seq, row);
                ItemPointer tid = heap.insert(tx, CrashSchema.HEAP,
                        new Object[] {k, round, worker, seq, "payload-" + k + "-" + "x".repeat(rnd.nextInt(200))});
                index.insert(new Object[] {k}, tid.packed(), liveness);
                if (inSavepoint) {
                    if (rnd.nextInt(3) == 0) {
                        // A nested savepoint rolled back: its row (under another worker id) must never be seen.
                        tx.beginSubtransaction();
                        long junk = CrashSchema.key(round, worker, seq, 8);
                        ItemPointer jt = heap.insert(tx, CrashSchema.HEAP, new Object[] {junk, round,
                                worker + CrashSchema.ROLLED_BACK_WORKER_OFFSET, seq, "rolled back"});
                        index.insert(new Object[] {junk}, jt.packed(), liveness);
                        tx.rollbackSubtransaction();
                    }
                    tx.releaseSubtransaction();
                }
            }
            String id = round + " " + worker + " " + seq;
            if (rnd.nextInt(10) == 0) {
                tx.abort();
                out.println("ABORTED " + id);
            } else {
                out.println("COMMITTING " + id);
                tx.commit();
                out.println("COMMITTED " + id);
            }
        }
    }
}
