package dev.tusk.nodes;

import java.util.List;

/**
 * A result target (PostgreSQL's {@code ResTarget}). In a SELECT list: {@code val [AS name]} (name null when no
 * alias). In INSERT's column list and UPDATE's SET: {@code name} is the target column, {@code indirection} its
 * subscripts/fields ({@code SET a[1] = ..}), and {@code val} the assigned value (null in INSERT's column list).
 */
public record ResTarget(String name, List<IndirectionItem> indirection, Expr val, int location) implements Node {
    public ResTarget {
        indirection = List.copyOf(indirection);
    }

    public static ResTarget of(String name, Expr val, int location) {
        return new ResTarget(name, List.of(), val, location);
    }
}
