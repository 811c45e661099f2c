package dev.tusk.nodes;

import java.util.List;

/** {@code expr COLLATE name} (PostgreSQL's {@code CollateClause}); also a column's COLLATE (arg null there). */
public record CollateClause(Expr arg, List<String> collname, int location) implements Expr {
    public CollateClause {
        collname = List.copyOf(collname);
    }
}
