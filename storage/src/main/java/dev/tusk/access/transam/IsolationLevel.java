package dev.tusk.access.transam;

/**
 * Transaction isolation levels (PostgreSQL's {@code XactIsoLevel}). READ UNCOMMITTED behaves as READ
 * COMMITTED, as in PostgreSQL; SERIALIZABLE currently behaves as REPEATABLE READ (no SSI yet).
 */
public enum IsolationLevel {
    READ_UNCOMMITTED("read uncommitted"),
    READ_COMMITTED("read committed"),
    REPEATABLE_READ("repeatable read"),
    SERIALIZABLE("serializable");

    private final String sqlName;

    IsolationLevel(String sqlName) {
        this.sqlName = sqlName;
    }

    /** IsolationUsesXactSnapshot: one snapshot for the whole transaction. */
    public boolean usesTransactionSnapshot() {
        return this == REPEATABLE_READ || this == SERIALIZABLE;
    }

    /** The name SHOW transaction_isolation prints. */
    public String sqlName() {
        return sqlName;
    }
}
