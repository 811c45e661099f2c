package dev.tusk.access.nbtree;

import static dev.tusk.access.nbtree.BTreeTestSupport.all;
import static dev.tusk.access.nbtree.BTreeTestSupport.assertSound;
import static dev.tusk.access.nbtree.BTreeTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.NumericSpecial;
import dev.tusk.access.common.TupleDesc;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BTreeNumericTest {
    @TempDir
    Path dir;

    @Test
    void numericKeysSortByValueAcrossScales() {
        IndexKeyDesc keys = IndexKeyDesc.ascending(TupleDesc.of(Attribute.of("n", AttrType.NUMERIC)));
        Random rnd = new Random(42);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            // Mixed magnitudes and scales, negative and positive, some with 30+ digits.
            BigInteger unscaled = new BigInteger(1 + rnd.nextInt(120), rnd);
            values.add(new BigDecimal(rnd.nextBoolean() ? unscaled.negate() : unscaled, rnd.nextInt(40) - 5));
        }
        values.add(NumericSpecial.NAN);
        values.add(NumericSpecial.POSITIVE_INFINITY);
        values.add(NumericSpecial.NEGATIVE_INFINITY);
        values.add(new BigDecimal("1.50"));
        values.add(new BigDecimal("1.5"));
        Collections.shuffle(values, rnd);
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 64)) {
            BTree tree = env.create(BTreeTestSupport.relation("num_idx", 20101, keys, false));
            for (int i = 0; i < values.size(); i++) {
                tree.insert(new Object[] {values.get(i)}, BTreeTestSupport.tidOf(i));
            }
            assertSound(tree);
            List<IndexEntry> entries = all(tree);
            assertEquals(values.size(), entries.size());
            assertEquals(NumericSpecial.NEGATIVE_INFINITY, entries.getFirst().values()[0]);
            assertEquals(NumericSpecial.NAN, entries.getLast().values()[0]);
            assertEquals(NumericSpecial.POSITIVE_INFINITY, entries.get(entries.size() - 2).values()[0]);
            for (int i = 2; i < entries.size() - 2; i++) {
                BigDecimal prev = (BigDecimal) entries.get(i - 1).values()[0];
                BigDecimal cur = (BigDecimal) entries.get(i).values()[0];
                assertEquals(true, prev.compareTo(cur) <= 0, prev + " sorted before " + cur);
            }
            // 1.5 and 1.50 are equal keys; each keeps its own display scale.
            List<IndexEntry> eq = drain(tree.scanEqual(new BigDecimal("1.500")));
            assertEquals(2, eq.size());
            List<String> texts = new ArrayList<>();
            eq.forEach(e -> texts.add(((BigDecimal) e.values()[0]).toPlainString()));
            Collections.sort(texts);
            assertEquals(List.of("1.5", "1.50"), texts);
        }
    }
}
