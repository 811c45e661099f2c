package dev.tusk.access.common;

/**
 * The numeric values a {@link java.math.BigDecimal} cannot carry (PostgreSQL's {@code NUMERIC_NAN},
 * {@code NUMERIC_PINF}, {@code NUMERIC_NINF}). Sort order as in PostgreSQL's {@code cmp_numerics}:
 * {@code -Infinity < every finite value < Infinity < NaN}, and NaN equals NaN.
 */
public enum NumericSpecial {
    NEGATIVE_INFINITY,
    POSITIVE_INFINITY,
    NAN;

    /** The text PostgreSQL prints for it. */
    @Override
    public String toString() {
        return switch (this) {
            case NEGATIVE_INFINITY -> "-Infinity";
            case POSITIVE_INFINITY -> "Infinity";
            case NAN -> "NaN";
        };
    }
}
