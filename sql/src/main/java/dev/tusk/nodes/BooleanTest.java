package dev.tusk.nodes;

/** {@code x IS [NOT] TRUE/FALSE/UNKNOWN} (PostgreSQL's {@code BooleanTest}). */
public record BooleanTest(Expr arg, TestType testType, int location) implements Expr {
    public enum TestType { IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE, IS_UNKNOWN, IS_NOT_UNKNOWN }
}
