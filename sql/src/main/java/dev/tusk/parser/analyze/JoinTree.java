package dev.tusk.parser.analyze;

/** The FROM clause's join structure (PostgreSQL's jointree of RangeTblRef/JoinExpr). */
public sealed interface JoinTree {
    /** Join kinds; SEMI and ANTI are made by the planner from EXISTS/IN, never by the analyzer. */
    enum Kind { INNER, LEFT, RIGHT, FULL, SEMI, ANTI }

    /** A leaf: range-table entry {@code rtIndex}. */
    record Ref(int rtIndex) implements JoinTree {
    }

    /** A join of two subtrees; {@code quals} null for CROSS JOIN; {@code rtIndex} its {@link Rte.JoinRte}. */
    record Join(Kind kind, JoinTree left, JoinTree right, TypedExpr quals, int rtIndex) implements JoinTree {
    }
}
