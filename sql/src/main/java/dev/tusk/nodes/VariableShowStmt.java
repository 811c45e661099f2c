package dev.tusk.nodes;

/** SHOW name | ALL (PostgreSQL's {@code VariableShowStmt}); name "all" for ALL, "timezone" for TIME ZONE,
 * "transaction_isolation" for TRANSACTION ISOLATION LEVEL, "session_authorization" for SESSION AUTHORIZATION. */
public record VariableShowStmt(String name) implements Stmt {
}
