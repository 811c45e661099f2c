package dev.tusk.nodes;

import java.util.List;

/**
 * One key of CREATE INDEX (or of an ON CONFLICT target) (PostgreSQL's {@code IndexElem}): either a column
 * {@code name} or an {@code expr} (the other null), with optional COLLATE, operator class, ASC/DESC and
 * NULLS FIRST/LAST.
 */
public record IndexElem(String name, Expr expr, List<String> collation, List<String> opclass,
        SortBy.SortByDir ordering, SortBy.SortByNulls nullsOrdering) implements Node {
    public IndexElem {
        collation = List.copyOf(collation);
        opclass = List.copyOf(opclass);
    }
}
