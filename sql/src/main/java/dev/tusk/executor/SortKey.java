package dev.tusk.executor;

import dev.tusk.utils.adt.Comparisons;
import java.util.Comparator;
import java.util.List;

/** One sort column: input slot, type (btree order of the type), direction and NULLS placement. */
public record SortKey(int slot, int type, boolean descending, boolean nullsFirst) {
    /** A row comparator over several keys (PostgreSQL's SortSupport chain). */
    public static Comparator<Object[]> comparator(List<SortKey> keys) {
        SortKey[] ks = keys.toArray(SortKey[]::new);
        return (a, b) -> {
            for (SortKey k : ks) {
                Object x = a[k.slot];
                Object y = b[k.slot];
                int c;
                if (x == null || y == null) {
                    if (x == y) {
                        continue;
                    }
                    c = (x == null) == k.nullsFirst ? -1 : 1;
                    return c;
                }
                c = Comparisons.compare(k.type, x, y);
                if (c != 0) {
                    return k.descending ? -c : c;
                }
            }
            return 0;
        };
    }
}
