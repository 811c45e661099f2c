package dev.tusk.nodes;

import java.util.List;

/** CASE [arg] WHEN ... THEN ... [ELSE defresult] END (PostgreSQL's {@code CaseExpr}); defresult may be null. */
public record CaseExpr(Expr arg, List<CaseWhen> whens, Expr defresult, int location) implements Expr {
    public CaseExpr {
        whens = List.copyOf(whens);
    }
}
