package dev.tusk.nodes;

/** {@code x IS [NOT] NULL}, {@code x ISNULL}, {@code x NOTNULL} (PostgreSQL's {@code NullTest}). */
public record NullTest(Expr arg, boolean isNull, int location) implements Expr {
}
