package dev.tusk.nodes;

/** A subscript {@code [i]} or slice {@code [l:u]} (PostgreSQL's {@code A_Indices}); slice bounds may be null. */
public record AIndices(boolean isSlice, Expr lidx, Expr uidx) implements IndirectionItem {
}
