package dev.tusk.nodes;

/** A statement: what one {@link RawStmt} holds. */
public sealed interface Stmt extends Node
        permits SelectStmt, InsertStmt, UpdateStmt, DeleteStmt,
        CreateStmt, CreateTableAsStmt, DropStmt, AlterTableStmt, RenameStmt, AlterOwnerStmt, AlterObjectSchemaStmt,
        TruncateStmt, IndexStmt, CreateSeqStmt, AlterSeqStmt, ViewStmt, CreateSchemaStmt,
        CreatedbStmt, DropdbStmt, AlterDatabaseStmt, CreateRoleStmt, AlterRoleStmt, AlterRoleSetStmt, DropRoleStmt,
        GrantStmt, GrantRoleStmt, CommentStmt,
        TransactionStmt, VariableSetStmt, VariableShowStmt, CopyStmt, ExplainStmt, CheckPointStmt, DiscardStmt,
        PrepareStmt, ExecuteStmt, DeallocateStmt, ListenStmt, UnlistenStmt, NotifyStmt, VacuumStmt, LockStmt,
        CreateFunctionStmt, DoStmt, CallStmt, UnsupportedStmt {
}
