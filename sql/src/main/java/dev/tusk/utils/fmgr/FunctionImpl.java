package dev.tusk.utils.fmgr;

/**
 * A scalar function body (PostgreSQL's PGFunction). Arguments arrive already coerced to the declared types
 * (for polymorphic and "any" parameters, {@code argTypes} tells the actual types); for a strict function the
 * caller has already returned NULL if any argument is NULL. Returns the result carrier, or null for SQL NULL.
 */
@FunctionalInterface
public interface FunctionImpl {
    Object invoke(FunctionContext ctx, int[] argTypes, Object[] args);
}
