package dev.tusk.parser.analyze;

/**
 * One ORDER BY key (PostgreSQL's SortGroupClause): an expression, direction and NULLS placement
 * ({@code nullsFirst} already defaulted: NULLS LAST for ASC, NULLS FIRST for DESC, as PostgreSQL does).
 */
public record SortItem(TypedExpr expr, boolean descending, boolean nullsFirst) {
}
