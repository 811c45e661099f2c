package dev.tusk.executor;

/**
 * A scalar expression compiled for repeated evaluation over rows of one relation (CHECK constraints, column
 * defaults, generated columns). Thread-safe and reusable.
 */
public interface CompiledExpr {
    /**
     * The value over {@code row}: the relation's row in attnum order (dropped columns null; for a DEFAULT the
     * row is ignored and may be null), SQL carriers. Null = SQL NULL. Runtime errors are TuskExceptions.
     */
    Object evaluate(Object[] row, ExecContext ctx);

    /** ExecCheck: a CHECK passes unless it is false (NULL passes, as in SQL). */
    default boolean check(Object[] row, ExecContext ctx) {
        return !Boolean.FALSE.equals(evaluate(row, ctx));
    }
}
