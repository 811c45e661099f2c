package dev.tusk.nodes;

/**
 * One column of {@code UPDATE ... SET (a, b) = (expr_or_subquery)} (PostgreSQL's {@code MultiAssignRef}):
 * column {@code colno} (1-based) of {@code ncolumns} taken from {@code source}. A plain row constructor source
 * is split by the parser into one target per column, so MultiAssignRef only appears for a sub-SELECT source
 * ({@link SubLink} of type MULTIEXPR) and for a {@link RowExpr} containing {@code t.*}, whose width is only known
 * after expanding the star (the analyzer then checks "number of columns does not match number of values").
 */
public record MultiAssignRef(Expr source, int colno, int ncolumns, int location) implements Expr {
}
