package dev.tusk.nodes;

import java.util.List;

/** INSERT's ON CONFLICT [infer] DO NOTHING | DO UPDATE SET ... [WHERE] (PostgreSQL's {@code OnConflictClause}). */
public record OnConflictClause(Action action, InferClause infer, List<ResTarget> targetList, Expr whereClause,
        int location) implements Node {
    public OnConflictClause {
        targetList = List.copyOf(targetList);
    }

    public enum Action { NOTHING, UPDATE }
}
