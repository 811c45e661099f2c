package dev.tusk.parser.analyze;

/**
 * One select-list entry (PostgreSQL's TargetEntry): {@code name} is the result column name as PostgreSQL
 * derives it ({@code ?column?} when none); {@code junk} for ORDER BY/GROUP BY helpers; {@code tableOid} and
 * {@code columnNumber} name the table column it is a plain reference to (RowDescription), else 0.
 */
public record TargetEntry(TypedExpr expr, String name, boolean junk, int tableOid, int columnNumber) {
    public TargetEntry withExpr(TypedExpr e) {
        return new TargetEntry(e, name, junk, tableOid, columnNumber);
    }
}
