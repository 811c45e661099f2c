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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BTreeBuildVacuumTest {
    @TempDir
    Path dir;

    @Test
    void bulkDeleteRemovesDeadEntriesOnly() {
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 64)) {
            BTree tree = env.create(BTreeTestSupport.relation("v_idx", 24001, INT4, false));
            List<Integer> keys = new ArrayList<>();
            for (int k = 0; k < 10000; k++) {
                keys.add(k);
            }
            Collections.shuffle(keys, new Random(1));
            for (int k : keys) {
                tree.insert(new Object[] {k}, tidOf(k));
            }
            Set<Long> dead = keys.stream().filter(k -> k % 3 == 0).map(BTreeTestSupport::tidOf)
                    .collect(Collectors.toSet());
            NbtVacuum.Result r = tree.bulkDelete(dead::contains);
            assertEquals(dead.size(), r.tuplesRemoved());
            assertEquals(10000 - dead.size(), r.tuplesRemaining());
            assertTrue(r.pagesScanned() > 10);
            assertSound(tree);
            List<IndexEntry> left = all(tree);
            assertEquals(10000 - dead.size(), left.size());
            assertTrue(left.stream().noneMatch(e -> (Integer) e.values()[0] % 3 == 0));
            assertEquals(0, drain(tree.scanEqual(300)).size());
            assertEquals(1, drain(tree.scanEqual(301)).size());
            // Inserting into the thinned pages still works.
            for (int k = 0; k < 10000; k += 3) {
                tree.insert(new Object[] {k}, tidOf(k + 20000));
            }
            assertEquals(10000, all(tree).size());
            assertSound(tree);
        }
    }

    @Test
    void bulkBuildFromSortedInputMakesASearchableTree() {
        IndexKeyDesc keys = IndexKeyDesc.ascending(TupleDesc.of(Attribute.of("k", AttrType.INT8),
                Attribute.of("s", AttrType.TEXT)));
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 64)) {
            List<IndexEntry> input = new ArrayList<>();
            for (int i = 0; i < 20000; i++) {
                input.add(new IndexEntry(new Object[] {(long) (i / 2), "s" + "p".repeat(i % 40)}, tidOf(i)));
            }
            BTree tree = BTree.build(env.pool, env.smgr, env.wal,
                    BTreeTestSupport.relation("b_idx", 24002, keys, false), input.iterator());
            assertTrue(tree.height() >= 2, "height " + tree.height());
            assertSound(tree);
            assertEquals(input, all(tree));
            List<IndexEntry> eq = drain(tree.scanEqual(4321L));
            assertEquals(input.subList(8642, 8644), eq);
            List<IndexEntry> back = drain(tree.scan(BTScan.Bound.exclusive(100L), BTScan.Bound.inclusive(200L),
                    BTScan.Direction.BACKWARD));
            List<IndexEntry> expect = new ArrayList<>(input.subList(202, 402));
            Collections.reverse(expect);
            assertEquals(expect, back);
            // The built tree takes ordinary inserts (splitting its 90%-full leaves).
            for (int i = 0; i < 3000; i++) {
                tree.insert(new Object[] {(long) i, "zz"}, tidOf(100000 + i));
            }
            assertEquals(23000, all(tree).size());
            assertSound(tree);
        }
    }

    @Test
    void emptyBuildAndUniqueBuildDuplicates() {
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 32)) {
            BTree empty = BTree.build(env.pool, env.smgr, env.wal,
                    BTreeTestSupport.relation("e_idx", 24003, INT4, false), List.<IndexEntry>of().iterator());
            assertEquals(0, empty.height());
            assertEquals(0, all(empty).size());
            assertSound(empty);
            List<IndexEntry> dup = List.of(new IndexEntry(new Object[] {1}, tidOf(1)),
                    new IndexEntry(new Object[] {null}, tidOf(2)), new IndexEntry(new Object[] {null}, tidOf(3)));
            // NULLs sort last and do not count as duplicates.
            BTree withNulls = BTree.build(env.pool, env.smgr, env.wal,
                    BTreeTestSupport.relation("n_idx", 24004, INT4, true), dup.iterator());
            assertEquals(3, all(withNulls).size());
            List<IndexEntry> twice = List.of(new IndexEntry(new Object[] {5}, tidOf(1)),
                    new IndexEntry(new Object[] {5}, tidOf(2)));
            TuskException e = assertThrows(TuskException.class, () -> BTree.build(env.pool, env.smgr, env.wal,
                    BTreeTestSupport.relation("d_idx", 24005, INT4, true), twice.iterator()));
            assertEquals(SqlState.UNIQUE_VIOLATION, e.sqlState());
            assertEquals("could not create unique index \"d_idx\"", e.getMessage());
            assertEquals("Key (id)=(5) is duplicated.", e.detail());
        }
    }
}
