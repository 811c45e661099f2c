package dev.tusk.access.nbtree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.nbtree.IndexKeyDesc.ColumnOrder;
import org.junit.jupiter.api.Test;

class IndexKeyDescTest {
    private static final TupleDesc TWO =
            TupleDesc.of(Attribute.of("a", AttrType.INT4), Attribute.of("b", AttrType.TEXT));

    @Test
    void ascendingPutsNullsLastAndDescendingFirst() {
        IndexKeyDesc k = IndexKeyDesc.of(TWO, ColumnOrder.ASC, ColumnOrder.DESC);
        assertEquals(-1, k.compareColumn(0, 1, 2));
        assertEquals(1, k.compareColumn(0, null, 2));
        assertEquals(0, k.compareColumn(0, null, null));
        assertEquals(1, k.compareColumn(1, "a", "b"));
        assertEquals(-1, k.compareColumn(1, null, "zzz"));
    }

    @Test
    void explicitNullsOrderOverridesTheDefault() {
        IndexKeyDesc k = IndexKeyDesc.of(TWO, new ColumnOrder(false, true), new ColumnOrder(true, false));
        assertEquals(-1, k.compareColumn(0, null, Integer.MIN_VALUE));
        assertEquals(1, k.compareColumn(1, null, "a"));
    }

    @Test
    void describeFormatsLikePostgresDetail() {
        IndexKeyDesc k = IndexKeyDesc.ascending(TWO);
        assertEquals("(a, b)=(1, x)", k.describe(new Object[] {1, "x"}));
        assertEquals("(a, b)=(null, x)", k.describe(new Object[] {null, "x"}));
    }
}
