package dev.tusk.nodes;

/**
 * Any node of the raw parse tree (PostgreSQL's {@code Node}). Statements are {@link Stmt}, value expressions
 * {@link Expr}, FROM-list items {@link FromItem}; the remaining records are clauses that only appear inside
 * those. New node types may be added later: switches over these interfaces should keep a {@code default}.
 */
public sealed interface Node
        permits Stmt, Expr, FromItem, TableElement, AlterTableCmd, IndirectionItem,
        RawStmt, ResTarget, SortBy, WindowDef, CaseWhen, TypeName, Alias, WithClause, CommonTableExpr,
        LockingClause, IntoClause, OnConflictClause, InferClause, IndexElem, DefElem, RoleSpec, NameList,
        NodeList, VacuumRelation, AccessPriv, ObjectWithArgs {
}
