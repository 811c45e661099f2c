package dev.tusk.nodes;

/** LIKE source_table [INCLUDING|EXCLUDING ...] in CREATE TABLE (PostgreSQL's {@code TableLikeClause}); options
 * holds the INCLUDING bits below (PostgreSQL's CREATE_TABLE_LIKE_* values). */
public record TableLikeClause(RangeVar relation, int options) implements TableElement {
    public static final int COMMENTS = 1 << 0;
    public static final int COMPRESSION = 1 << 1;
    public static final int CONSTRAINTS = 1 << 2;
    public static final int DEFAULTS = 1 << 3;
    public static final int GENERATED = 1 << 4;
    public static final int IDENTITY = 1 << 5;
    public static final int INDEXES = 1 << 6;
    public static final int STATISTICS = 1 << 7;
    public static final int STORAGE = 1 << 8;
    public static final int ALL = 0x7FFFFFFF;
}
