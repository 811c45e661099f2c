package dev.tusk.nodes;

/**
 * A literal constant (PostgreSQL's {@code A_Const}). The lexer classifies numbers the way PostgreSQL's
 * {@code make_const} ends up typing them: an integer literal that fits int4 is {@link Literal.Int}, one that
 * fits int8 is {@link Literal.BigInt}, anything else numeric (decimal point, exponent, or too big) is
 * {@link Literal.Numeric} with its text. A leading minus sign applied directly to a numeric constant is folded
 * into it (PostgreSQL's {@code doNegate}), so {@code -2147483648} is an {@link Literal.Int}.
 * A quoted string is {@link Literal.Str} (type unknown until analysis).
 */
public record AConst(Literal value, int location) implements Expr {

    /** The value of a constant; a sealed family so analyzers can switch on it. */
    public sealed interface Literal {
        /** An integer literal that fits int4. */
        record Int(int value) implements Literal {}

        /** An integer literal too big for int4 that fits int8. */
        record BigInt(long value) implements Literal {}

        /** Any other numeric literal, kept as text (e.g. "1.5", "1e10", "-99999999999999999999"). */
        record Numeric(String text) implements Literal {}

        /** A string constant (type unknown); also used for identifier-valued options as PostgreSQL's String node. */
        record Str(String value) implements Literal {}

        /** TRUE / FALSE keyword (as PostgreSQL 15 parses them: {@code Boolean} node). */
        record Bool(boolean value) implements Literal {}

        /** A bit-string literal B'0101' as "b0101" or X'1F' as "x1F" (PostgreSQL's BitString). */
        record BitStr(String value) implements Literal {}

        /** The NULL keyword. */
        record Null() implements Literal {}
    }

    public static AConst ofInt(int v, int location) {
        return new AConst(new Literal.Int(v), location);
    }

    public static AConst ofString(String s, int location) {
        return new AConst(new Literal.Str(s), location);
    }

    public static AConst ofBool(boolean b, int location) {
        return new AConst(new Literal.Bool(b), location);
    }

    public static AConst ofNull(int location) {
        return new AConst(new Literal.Null(), location);
    }

    public boolean isNull() {
        return value instanceof Literal.Null;
    }
}
