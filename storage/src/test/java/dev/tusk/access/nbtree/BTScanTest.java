package dev.tusk.access.nbtree;

import static dev.tusk.access.nbtree.BTreeTestSupport.INT4;
import static dev.tusk.access.nbtree.BTreeTestSupport.assertSound;
import static dev.tusk.access.nbtree.BTreeTestSupport.drain;
import static dev.tusk.access.nbtree.BTreeTestSupport.tidOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.nbtree.BTScan.Bound;
import dev.tusk.access.nbtree.BTScan.Direction;
import dev.tusk.access.nbtree.IndexKeyDesc.ColumnOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BTScanTest {
    @TempDir
    Path dir;

    private static List<Integer> keysOf(List<IndexEntry> entries) {
        return entries.stream().map(e -> (Integer) e.values()[0]).toList();
    }

    private static List<Integer> range(int fromInclusive, int toInclusive, boolean backward) {
        List<Integer> l = new ArrayList<>(IntStream.rangeClosed(fromInclusive, toInclusive).boxed().toList());
        if (backward) {
            Collections.reverse(l);
        }
        return l;
    }

    @Test
    void rangesInBothDirectionsOverManyPages() {
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 64)) {
            BTree tree = env.create(BTreeTestSupport.relation("r_idx", 21001, INT4, false));
            List<Integer> keys = new ArrayList<>(IntStream.range(0, 5000).map(i -> i * 2).boxed().toList());
            Collections.shuffle(keys, new Random(11));
            for (int k : keys) {
                tree.insert(new Object[] {k}, tidOf(k));
            }
            assertSound(tree);
            // Even keys 0..9998. [1000, 3000]
            assertEquals(evens(1000, 3000, false), keysOf(drain(tree.scan(Bound.inclusive(1000),
                    Bound.inclusive(3000), Direction.FORWARD))));
            assertEquals(evens(1000, 3000, true), keysOf(drain(tree.scan(Bound.inclusive(1000),
                    Bound.inclusive(3000), Direction.BACKWARD))));
            // (1000, 3000)
            assertEquals(evens(1002, 2998, false), keysOf(drain(tree.scan(Bound.exclusive(1000),
                    Bound.exclusive(3000), Direction.FORWARD))));
            assertEquals(evens(1002, 2998, true), keysOf(drain(tree.scan(Bound.exclusive(1000),
                    Bound.exclusive(3000), Direction.BACKWARD))));
            // Bounds between keys, open ends.
            assertEquals(evens(1002, 9998, false), keysOf(drain(tree.scan(Bound.inclusive(1001), null,
                    Direction.FORWARD))));
            assertEquals(evens(0, 3000, true), keysOf(drain(tree.scan(null, Bound.inclusive(3001),
                    Direction.BACKWARD))));
            assertEquals(evens(0, 9998, true), keysOf(drain(tree.scan(null, null, Direction.BACKWARD))));
            assertEquals(List.of(4242), keysOf(drain(tree.scanEqual(4242))));
            assertFalse(tree.scanEqual(4243).hasNext());
            assertFalse(tree.scan(Bound.inclusive(20000), null, Direction.FORWARD).hasNext());
            assertFalse(tree.scan(null, Bound.exclusive(0), Direction.BACKWARD).hasNext());
        }
    }

    private static List<Integer> evens(int from, int to, boolean backward) {
        return range(from / 2, to / 2, backward).stream().map(i -> i * 2).toList();
    }

    @Test
    void multiColumnKeysWithDescAndNullOrdering() {
        // (a int4 ASC NULLS LAST, b text DESC NULLS FIRST, c int8 ASC NULLS FIRST)
        IndexKeyDesc keys = IndexKeyDesc.of(TupleDesc.of(Attribute.of("a", AttrType.INT4),
                Attribute.of("b", AttrType.TEXT), Attribute.of("c", AttrType.INT8)),
                ColumnOrder.ASC, ColumnOrder.DESC, new ColumnOrder(false, true));
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 64)) {
            BTree tree = env.create(BTreeTestSupport.relation("m_idx", 21002, keys, false));
            List<IndexEntry> expected = new ArrayList<>();
            Random r = new Random(5);
            int n = 0;
            for (int a = 0; a < 40; a++) {
                for (int j = 0; j < 60; j++) {
                    Integer av = a == 39 ? null : a;
                    String bv = r.nextInt(10) == 0 ? null : "s" + r.nextInt(30);
                    Long cv = r.nextInt(8) == 0 ? null : (long) r.nextInt(100);
                    expected.add(new IndexEntry(new Object[] {av, bv, cv}, tidOf(n++)));
                }
            }
            List<IndexEntry> shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, new Random(9));
            for (IndexEntry e : shuffled) {
                tree.insert(e.values(), e.heapTid());
            }
            assertSound(tree);
            Comparator<IndexEntry> order = (x, y) -> {
                int c = keys.comparePrefix(x.values(), y.values(), 3);
                return c != 0 ? c : Long.compare(x.heapTid(), y.heapTid());
            };
            expected.sort(order);
            assertEquals(expected, drain(tree.scan(null, null, Direction.FORWARD)));
            List<IndexEntry> reversed = new ArrayList<>(expected);
            Collections.reverse(reversed);
            assertEquals(reversed, drain(tree.scan(null, null, Direction.BACKWARD)));
            // Prefix equality a = 7: the b DESC NULLS FIRST order within it.
            List<IndexEntry> a7 = expected.stream().filter(e -> Integer.valueOf(7).equals(e.values()[0])).toList();
            assertEquals(60, a7.size());
            assertEquals(a7, drain(tree.scanEqual(7)));
            long nullBs = a7.stream().filter(e -> e.values()[1] == null).count();
            assertTrue(nullBs > 0 && a7.subList(0, (int) nullBs).stream().allMatch(e -> e.values()[1] == null),
                    "b is DESC NULLS FIRST");
            for (int i = (int) nullBs + 1; i < a7.size(); i++) {
                String prev = (String) a7.get(i - 1).values()[1];
                assertTrue(prev.compareTo((String) a7.get(i).values()[1]) >= 0, "b descending");
            }
            // a = 7 AND b = 's3', and NULL searches on the NULLS LAST column.
            List<IndexEntry> a7s3 = a7.stream().filter(e -> "s3".equals(e.values()[1])).toList();
            assertEquals(a7s3, drain(tree.scanEqual(7, "s3")));
            List<IndexEntry> nulls = expected.stream().filter(e -> e.values()[0] == null).toList();
            assertEquals(nulls, drain(tree.scanEqual((Object) null)));
            assertEquals(nulls, drain(tree.scan(Bound.exclusive(38), null, Direction.FORWARD)));
            // a in [5, 6], backward.
            List<IndexEntry> a56 = new ArrayList<>(expected.stream()
                    .filter(e -> e.values()[0] != null && (Integer) e.values()[0] >= 5 && (Integer) e.values()[0] <= 6)
                    .toList());
            Collections.reverse(a56);
            assertEquals(a56, drain(tree.scan(Bound.inclusive(5), Bound.inclusive(6), Direction.BACKWARD)));
        }
    }
}
