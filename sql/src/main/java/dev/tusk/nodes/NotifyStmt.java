package dev.tusk.nodes;

/** NOTIFY channel [, 'payload'] (PostgreSQL's {@code NotifyStmt}); payload may be null. */
public record NotifyStmt(String conditionname, String payload) implements Stmt {
}
