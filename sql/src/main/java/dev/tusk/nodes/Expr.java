package dev.tusk.nodes;

/** A value expression of the raw tree (PostgreSQL's raw {@code a_expr} results), before name resolution. */
public sealed interface Expr extends Node
        permits ColumnRef, ParamRef, AConst, AExpr, BoolExpr, NullTest, BooleanTest, FuncCall, NamedArgExpr,
        TypeCast, CaseExpr, SubLink, ArrayExpr, RowExpr, CoalesceExpr, MinMaxExpr, SQLValueFunction,
        AIndirection, CollateClause, SetToDefault, MultiAssignRef, ExprList, GroupingSet {
    /** 0-based character offset into the whole query string, -1 if unknown. */
    int location();
}
