package dev.tusk.nodes;

import java.util.List;

/** EXPLAIN [ANALYZE] [VERBOSE] stmt or EXPLAIN (options) stmt (PostgreSQL's {@code ExplainStmt}); options as
 * DefElems analyze/verbose/costs/buffers/timing/summary/format (arg null = true, else AConst). */
public record ExplainStmt(Stmt query, List<DefElem> options) implements Stmt {
    public ExplainStmt {
        options = List.copyOf(options);
    }
}
