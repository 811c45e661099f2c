package dev.tusk.nodes;

/** DISCARD ALL | PLANS | SEQUENCES | TEMP (PostgreSQL's {@code DiscardStmt}). */
public record DiscardStmt(Target target) implements Stmt {
    public enum Target { ALL, PLANS, SEQUENCES, TEMP }
}
