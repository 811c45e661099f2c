package dev.tusk.nodes;

/**
 * The SQL-standard niladic functions (PostgreSQL's {@code SQLValueFunction}): CURRENT_DATE, CURRENT_TIME[(p)],
 * CURRENT_TIMESTAMP[(p)], LOCALTIME[(p)], LOCALTIMESTAMP[(p)], CURRENT_ROLE, CURRENT_USER, USER, SESSION_USER,
 * CURRENT_CATALOG, CURRENT_SCHEMA. {@code typmod} is the precision, -1 when not given.
 */
public record SQLValueFunction(Op op, int typmod, int location) implements Expr {
    public enum Op {
        CURRENT_DATE, CURRENT_TIME, CURRENT_TIME_N, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP_N,
        LOCALTIME, LOCALTIME_N, LOCALTIMESTAMP, LOCALTIMESTAMP_N,
        CURRENT_ROLE, CURRENT_USER, USER, SESSION_USER, CURRENT_CATALOG, CURRENT_SCHEMA
    }
}
