package dev.tusk.nodes;

/**
 * {@code x::t}, {@code CAST(x AS t)} and typed literals {@code date '2020-01-01'} (PostgreSQL's {@code TypeCast};
 * a typed literal is a cast of a string {@link AConst}). {@code location} is the position of {@code ::} or
 * CAST, or of the type name for a typed literal, as in PostgreSQL.
 */
public record TypeCast(Expr arg, TypeName typeName, int location) implements Expr {
}
