package dev.tusk.access.nbtree;

import static dev.tusk.access.nbtree.BTreeTestSupport.INT4;
import static dev.tusk.access.nbtree.BTreeTestSupport.all;
import static dev.tusk.access.nbtree.BTreeTestSupport.assertSound;
import static dev.tusk.access.nbtree.BTreeTestSupport.drain;
import static dev.tusk.access.nbtree.BTreeTestSupport.tidOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BTreeInsertTest {
    @TempDir
    Path dir;

    @Test
    void sequentialInsertsGrowAMultiLevelTree() {
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 256)) {
            BTree tree = env.create(BTreeTestSupport.relation("seq_idx", 20001, INT4, false));
            assertEquals(0, tree.height());
            for (int k = 0; k < 20000; k++) {
                tree.insert(new Object[] {k}, tidOf(k));
            }
            assertTrue(tree.height() >= 1, "height " + tree.height());
            assertSound(tree);
            List<IndexEntry> entries = all(tree);
            assertEquals(20000, entries.size());
            for (int k = 0; k < 20000; k++) {
                assertEquals(k, entries.get(k).values()[0]);
                assertEquals(tidOf(k), entries.get(k).heapTid());
            }
            // Ascending inserts split at the fill factor: leaves are about 90% full, not half.
            long leafBlocks = tree.blocks();
            assertTrue(leafBlocks < 20000 / 300, "too many blocks for 20k int4 keys: " + leafBlocks);
        }
    }

    @Test
    void randomInsertsWithDuplicatesStayOrderedAndSearchable() {
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 64)) {
            BTree tree = env.create(BTreeTestSupport.relation("rnd_idx", 20002, INT4, false));
            List<Integer> keys = new ArrayList<>();
            for (int i = 0; i < 20000; i++) {
                keys.add(i);
            }
            Collections.shuffle(keys, new Random(7));
            for (int i : keys) {
                // Every key value appears 4 times (i / 4), each with its own TID.
                tree.insert(new Object[] {i / 4}, tidOf(i));
            }
            assertTrue(tree.height() >= 1, "height " + tree.height());
            assertSound(tree);
            List<IndexEntry> entries = all(tree);
            assertEquals(20000, entries.size());
            for (int i = 0; i < 20000; i++) {
                assertEquals(i / 4, entries.get(i).values()[0]);
                assertEquals(tidOf(i), entries.get(i).heapTid(), "duplicates are ordered by heap TID");
            }
            List<IndexEntry> eq = drain(tree.scanEqual(1234));
            assertEquals(4, eq.size());
            for (int j = 0; j < 4; j++) {
                assertEquals(tidOf(1234 * 4 + j), eq.get(j).heapTid());
            }
        }
    }

    @Test
    void wideTextKeysSplitAndOversizedRowsAreRejected() {
        IndexKeyDesc text = IndexKeyDesc.ascending(TupleDesc.of(Attribute.of("t", AttrType.TEXT)));
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 64)) {
            BTree tree = env.create(BTreeTestSupport.relation("txt_idx", 20003, text, false));
            Random r = new Random(3);
            for (int i = 0; i < 2000; i++) {
                String s = Integer.toString(r.nextInt(1_000_000)) + "x".repeat(r.nextInt(900));
                tree.insert(new Object[] {s}, tidOf(i));
            }
            // Wide keys make internal pages fill too: a root over internal pages over leaves.
            assertTrue(tree.height() >= 2, "height " + tree.height());
            assertSound(tree);
            assertEquals(2000, all(tree).size());
            TuskException e = assertThrows(TuskException.class,
                    () -> tree.insert(new Object[] {"y".repeat(3000)}, tidOf(1)));
            assertEquals(SqlState.PROGRAM_LIMIT_EXCEEDED, e.sqlState());
            assertTrue(e.getMessage().startsWith("index row size "), e.getMessage());
            assertTrue(e.getMessage().endsWith("for index \"txt_idx\""), e.getMessage());
        }
    }
}
