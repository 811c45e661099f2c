package dev.tusk.nodes;

import java.util.List;

/** GROUPING SETS / ROLLUP / CUBE / () in GROUP BY (PostgreSQL's {@code GroupingSet}). */
public record GroupingSet(Kind kind, List<Expr> content, int location) implements Expr {
    public GroupingSet {
        content = List.copyOf(content);
    }

    public enum Kind { EMPTY, SIMPLE, ROLLUP, CUBE, SETS }
}
