package dev.tusk.nodes;

/** An element of CREATE TABLE's parenthesized list. */
public sealed interface TableElement extends Node permits ColumnDef, Constraint, TableLikeClause {
}
