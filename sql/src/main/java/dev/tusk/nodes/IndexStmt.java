package dev.tusk.nodes;

import java.util.List;

/**
 * CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] t [USING method] (keys) [INCLUDE (...)]
 * [NULLS [NOT] DISTINCT] [WITH (...)] [TABLESPACE x] [WHERE pred] (PostgreSQL's {@code IndexStmt}).
 * idxname null when not given; accessMethod "btree" by default.
 */
public record IndexStmt(String idxname, RangeVar relation, String accessMethod, List<IndexElem> indexParams,
        List<IndexElem> indexIncludingParams, List<DefElem> options, String tableSpace, Expr whereClause,
        boolean unique, boolean nullsNotDistinct, boolean concurrent, boolean ifNotExists) implements Stmt {
    public IndexStmt {
        indexParams = List.copyOf(indexParams);
        indexIncludingParams = List.copyOf(indexIncludingParams);
        options = List.copyOf(options);
    }
}
