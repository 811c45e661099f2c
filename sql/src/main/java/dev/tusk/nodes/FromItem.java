package dev.tusk.nodes;

/** An item of a FROM list (PostgreSQL's {@code table_ref}). */
public sealed interface FromItem extends Node permits RangeVar, RangeSubselect, RangeFunction, JoinExpr {
}
