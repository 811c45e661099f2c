package dev.tusk.nodes;

import java.util.List;

/** {@code [AS] name [(col, ...)]} after a FROM item (PostgreSQL's {@code Alias}); colnames empty when absent. */
public record Alias(String aliasname, List<String> colnames) implements Node {
    public Alias {
        colnames = List.copyOf(colnames);
    }

    public Alias(String aliasname) {
        this(aliasname, List.of());
    }
}
