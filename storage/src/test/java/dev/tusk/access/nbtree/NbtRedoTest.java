package dev.tusk.access.nbtree;

import static dev.tusk.access.nbtree.BTreeTestSupport.INT4;
import static dev.tusk.access.nbtree.BTreeTestSupport.all;
import static dev.tusk.access.nbtree.BTreeTestSupport.assertSound;
import static dev.tusk.access.nbtree.BTreeTestSupport.tidOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.RedoContext;
import dev.tusk.access.transam.RmgrId;
import dev.tusk.access.transam.RmgrTable;
import dev.tusk.access.transam.XLogReader;
import dev.tusk.access.transam.XLogRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash recovery: the buffer pool is dropped unwritten and the WAL is replayed through NbtRedo. */
class NbtRedoTest {
    @TempDir
    Path dir;

    private static final IndexRelation REL = BTreeTestSupport.relation("redo_idx", 25001, INT4, false);

    /** Builds a tree with splits, new roots, vacuum and a bulk-built second index, then crashes. */
    private List<IndexEntry> workloadThenCrash() {
        List<IndexEntry> expected = new ArrayList<>();
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 24)) {
            BTree tree = env.create(REL);
            List<Integer> keys = new ArrayList<>();
            for (int k = 0; k < 12000; k++) {
                keys.add(k);
            }
            Collections.shuffle(keys, new Random(2));
            for (int k : keys) {
                tree.insert(new Object[] {k}, tidOf(k));
            }
            tree.bulkDelete(tid -> tid % 5 == 0);
            for (IndexEntry e : all(tree)) {
                expected.add(e);
            }
            env.crash();
        }
        return expected;
    }

    /** Replays WAL from the start, stopping before the first record {@code stop} accepts; returns the end. */
    private long replay(BTreeTestSupport env, Predicate<XLogRecord> stop) {
        RmgrTable rmgrs = new RmgrTable().register(RmgrId.BTREE, new NbtRedo());
        RedoContext ctx = new RedoContext(env.pool, env.smgr);
        try (XLogReader reader = new XLogReader(dir.resolve("pg_wal"), 1,
                BTreeTestSupport.WAL_OPTIONS.segmentSize(), BTreeTestSupport.WAL_START)) {
            XLogRecord rec;
            while ((rec = reader.next()) != null) {
                if (stop.test(rec)) {
                    return rec.startLsn();
                }
                rmgrs.get(rec.rmid()).redo(rec, ctx);
            }
            return reader.endOfWal();
        }
    }

    private long endOfWal() {
        try (XLogReader reader = new XLogReader(dir.resolve("pg_wal"), 1,
                BTreeTestSupport.WAL_OPTIONS.segmentSize(), BTreeTestSupport.WAL_START)) {
            while (reader.next() != null) {
                // just find the end
            }
            return reader.endOfWal();
        }
    }

    @Test
    void replayAfterCrashRestoresEveryEntryAndIsIdempotent() {
        List<IndexEntry> expected = workloadThenCrash();
        assertEquals(12000 - 2400, expected.size());
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 32, endOfWal())) {
            replay(env, r -> false);
            BTree tree = BTree.open(env.pool, env.wal, REL);
            assertSound(tree);
            assertEquals(expected, all(tree));
            // Replaying the same WAL again over the recovered pages changes nothing.
            replay(env, r -> false);
            assertSound(tree);
            assertEquals(expected, all(tree));
            // And the recovered tree takes new work.
            for (int k = 0; k < 12000; k++) {
                if (tidOf(k) % 5 == 0) {
                    tree.insert(new Object[] {k}, tidOf(k));
                }
            }
            assertEquals(12000, all(tree).size());
            assertSound(tree);
        }
    }

    @Test
    void crashBetweenSplitAndParentInsertIsFinishedByTheNextInserter() {
        List<IndexEntry> expected = workloadThenCrash();
        // Find the last leaf split that has a downlink insertion after it, and stop right after the split.
        List<XLogRecord> splits = new ArrayList<>();
        replayCollect(splits);
        XLogRecord lastSplit = splits.getLast();
        long stopAt = lastSplit.endLsn();
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 32, stopAt)) {
            replay(env, r -> r.startLsn() >= stopAt);
            BTree tree = BTree.open(env.pool, env.wal, REL);
            BTreeChecker checker = new BTreeChecker(tree);
            assertTrue(checker.check().isEmpty(), () -> "checker: " + checker.check());
            assertEquals(1, checker.incompleteSplits());
            // Every key inserted before that split is still found through right-links.
            List<IndexEntry> got = all(tree);
            assertTrue(got.size() > 1000);
            for (int k = 0; k < 12000; k += 7) {
                tree.insert(new Object[] {k}, tidOf(k + 50000));
            }
            assertTrue(checker.check().isEmpty(), () -> "checker: " + checker.check());
            assertEquals(0, checker.incompleteSplits());
            assertEquals(got.size() + (12000 + 6) / 7, all(tree).size());
            assertTrue(got.size() <= 12000 && got.size() > expected.size(), "stopped before the vacuum");
        }
    }

    /** Reads the crashed WAL and collects the leaf split records (SPLIT_L / SPLIT_R). */
    private void replayCollect(List<XLogRecord> splits) {
        try (XLogReader reader = new XLogReader(dir.resolve("pg_wal"), 1,
                BTreeTestSupport.WAL_OPTIONS.segmentSize(), BTreeTestSupport.WAL_START)) {
            XLogRecord rec;
            while ((rec = reader.next()) != null) {
                if (rec.rmid() == RmgrId.BTREE && (rec.info() == NbtXLog.SPLIT_L || rec.info() == NbtXLog.SPLIT_R)) {
                    splits.add(rec);
                }
            }
        }
    }
}
