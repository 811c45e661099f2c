package dev.tusk.nodes;

import java.util.List;

/**
 * Subscripts and field selections applied to an expression that is not a plain column reference
 * (PostgreSQL's {@code A_Indirection}): {@code (expr)[1]}, {@code (row).f}, {@code arr[1:2]}, {@code (c).*}.
 * A column reference followed by subscripts {@code a[1]} is also an AIndirection over the {@link ColumnRef}.
 */
public record AIndirection(Expr arg, List<IndirectionItem> indirection, int location) implements Expr {
    public AIndirection {
        indirection = List.copyOf(indirection);
    }
}
