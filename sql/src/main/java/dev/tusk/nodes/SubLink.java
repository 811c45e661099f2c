package dev.tusk.nodes;

import java.util.List;

/**
 * A subquery used as an expression (PostgreSQL's {@code SubLink}). {@link Type#EXISTS}: EXISTS (q);
 * {@link Type#EXPR}: scalar (q); {@link Type#ARRAY}: ARRAY(q); {@link Type#ANY}/{@link Type#ALL}:
 * {@code testexpr operName ANY/ALL (q)}; {@code x IN (q)} is ANY with an empty operName, meaning "=" (NOT IN is that inside a
 * NOT {@link BoolExpr}). For a row comparison the testexpr is a {@link RowExpr}.
 */
public record SubLink(Type subLinkType, Expr testexpr, List<String> operName, SelectStmt subselect,
        int location) implements Expr {
    public SubLink {
        operName = List.copyOf(operName);
    }

    public enum Type { EXISTS, ALL, ANY, ROWCOMPARE, EXPR, MULTIEXPR, ARRAY }
}
