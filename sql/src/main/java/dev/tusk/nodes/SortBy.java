package dev.tusk.nodes;

import java.util.List;

/**
 * An ORDER BY item (PostgreSQL's {@code SortBy}): {@code node [ASC|DESC|USING op] [NULLS FIRST|LAST]};
 * {@code useOp} is the USING operator name (qualified possibly), empty otherwise.
 */
public record SortBy(Expr node, SortByDir dir, SortByNulls nulls, List<String> useOp, int location) implements Node {
    public SortBy {
        useOp = List.copyOf(useOp);
    }

    public enum SortByDir { DEFAULT, ASC, DESC, USING }

    public enum SortByNulls { DEFAULT, FIRST, LAST }
}
