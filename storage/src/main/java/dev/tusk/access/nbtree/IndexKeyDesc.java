package dev.tusk.access.nbtree;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.TupleDesc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The key columns of a B-tree and how each sorts (PostgreSQL's index {@code TupleDesc} plus
 * {@code pg_index.indoption}: {@code INDOPTION_DESC}, {@code INDOPTION_NULLS_FIRST}). Comparison uses the
 * type's btree support function ({@link AttrType#compare}), inverted for DESC; NULLs sort as the column says.
 */
public record IndexKeyDesc(TupleDesc tupleDesc, List<ColumnOrder> orders) {
    /** Sort order of one key column. PostgreSQL's defaults: ASC NULLS LAST, DESC NULLS FIRST. */
    public record ColumnOrder(boolean descending, boolean nullsFirst) {
        public static final ColumnOrder ASC = new ColumnOrder(false, false);
        public static final ColumnOrder DESC = new ColumnOrder(true, true);
    }

    public IndexKeyDesc {
        Objects.requireNonNull(tupleDesc, "tupleDesc");
        orders = List.copyOf(orders);
        if (orders.size() != tupleDesc.natts() || orders.isEmpty()) {
            throw new IllegalArgumentException("need one sort order per key column");
        }
    }

    /** All columns ASC NULLS LAST. */
    public static IndexKeyDesc ascending(TupleDesc desc) {
        return new IndexKeyDesc(desc, Collections.nCopies(desc.natts(), ColumnOrder.ASC));
    }

    public static IndexKeyDesc of(TupleDesc desc, ColumnOrder... orders) {
        return new IndexKeyDesc(desc, List.of(orders));
    }

    public int natts() {
        return tupleDesc.natts();
    }

    /** Index order of two values of column {@code i} (null = SQL NULL). */
    public int compareColumn(int i, Object a, Object b) {
        ColumnOrder o = orders.get(i);
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            return (a == null) == o.nullsFirst() ? -1 : 1;
        }
        int c = tupleDesc.type(i).compare(a, b);
        return o.descending() ? -Integer.signum(c) : Integer.signum(c);
    }

    /** Compares the first {@code n} columns of two value arrays. */
    public int comparePrefix(Object[] a, Object[] b, int n) {
        for (int i = 0; i < n; i++) {
            int c = compareColumn(i, a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The {@code (a, b)=(1, x)} text of error details (BuildIndexValueDescription). */
    public String describe(Object[] values) {
        List<String> names = new ArrayList<>();
        List<String> vals = new ArrayList<>();
        for (int i = 0; i < natts(); i++) {
            names.add(tupleDesc.attr(i).name());
            vals.add(valueText(values[i]));
        }
        return "(" + String.join(", ", names) + ")=(" + String.join(", ", vals) + ")";
    }

    private static String valueText(Object v) {
        return switch (v) {
            case null -> "null";
            case Boolean b -> b ? "t" : "f";
            case byte[] bytes -> "\\x" + HexFormat.of().formatHex(bytes);
            case java.math.BigDecimal d -> d.toPlainString();
            default -> v.toString();
        };
    }
}
