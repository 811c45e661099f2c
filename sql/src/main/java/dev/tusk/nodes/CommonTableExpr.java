package dev.tusk.nodes;

import java.util.List;

/**
 * One WITH entry {@code name [(cols)] AS [[NOT] MATERIALIZED] (query)} (PostgreSQL's {@code CommonTableExpr});
 * ctequery is a SELECT or a data-modifying statement with RETURNING. SEARCH/CYCLE clauses are not parsed.
 */
public record CommonTableExpr(String ctename, List<String> aliascolnames, Materialize materialized, Stmt ctequery,
        int location) implements Node {
    public CommonTableExpr {
        aliascolnames = List.copyOf(aliascolnames);
    }

    public enum Materialize { DEFAULT, ALWAYS, NEVER }
}
