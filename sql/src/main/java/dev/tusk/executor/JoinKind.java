package dev.tusk.executor;

/** Join semantics of the join nodes; SEMI and ANTI emit only the left row. */
public enum JoinKind {
    INNER, LEFT, RIGHT, FULL, SEMI, ANTI;

    boolean emitsUnmatchedLeft() {
        return this == LEFT || this == FULL;
    }

    boolean emitsUnmatchedRight() {
        return this == RIGHT || this == FULL;
    }

    boolean leftOnly() {
        return this == SEMI || this == ANTI;
    }
}
