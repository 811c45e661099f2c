package dev.tusk.nodes;

import java.util.List;

/**
 * A join in FROM (PostgreSQL's {@code JoinExpr}). CROSS JOIN is INNER with null quals and no USING; NATURAL sets
 * isNatural; {@code usingClause} the USING column names (empty if none); {@code joinUsingAlias} the
 * {@code USING (...) AS x} alias; {@code alias} the alias of a parenthesized join {@code (a JOIN b ON ..) AS j}.
 */
public record JoinExpr(JoinType jointype, boolean isNatural, FromItem larg, FromItem rarg, List<String> usingClause,
        Alias joinUsingAlias, Expr quals, Alias alias) implements FromItem {
    public JoinExpr {
        usingClause = List.copyOf(usingClause);
    }

    public enum JoinType { INNER, LEFT, FULL, RIGHT }

    public JoinExpr withAlias(Alias a) {
        return new JoinExpr(jointype, isNatural, larg, rarg, usingClause, joinUsingAlias, quals, a);
    }
}
