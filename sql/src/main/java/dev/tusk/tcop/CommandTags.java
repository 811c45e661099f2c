package dev.tusk.tcop;

import dev.tusk.nodes.*;

/**
 * PostgreSQL's command tags ({@code CreateCommandTag} in utility.c) and the facts the session needs per
 * statement kind: whether it may run in a failed block, and whether it writes (read-only transactions).
 */
public final class CommandTags {
    private CommandTags() {
    }

    /** The tag name without counts ("INSERT", "CREATE TABLE", "SET"...). */
    public static String tagOf(Stmt stmt) {
        return switch (stmt) {
            case SelectStmt s -> s.intoClause() != null ? "SELECT INTO" : "SELECT";
            case InsertStmt s -> "INSERT";
            case UpdateStmt s -> "UPDATE";
            case DeleteStmt s -> "DELETE";
            case CreateStmt s -> "CREATE TABLE";
            case CreateTableAsStmt s -> s.objtype() == ObjectType.MATVIEW ? "CREATE MATERIALIZED VIEW"
                    : "CREATE TABLE AS";
            case DropStmt s -> "DROP " + objectWord(s.removeType());
            case AlterTableStmt s -> "ALTER " + objectWord(s.objtype());
            case RenameStmt s -> "ALTER " + objectWord(s.renameType() == ObjectType.COLUMN
                    || s.renameType() == ObjectType.TABCONSTRAINT ? s.relationType() : s.renameType());
            case AlterOwnerStmt s -> "ALTER " + objectWord(s.objectType());
            case AlterObjectSchemaStmt s -> "ALTER " + objectWord(s.objectType());
            case TruncateStmt s -> "TRUNCATE TABLE";
            case IndexStmt s -> "CREATE INDEX";
            case CreateSeqStmt s -> "CREATE SEQUENCE";
            case AlterSeqStmt s -> "ALTER SEQUENCE";
            case ViewStmt s -> "CREATE VIEW";
            case CreateSchemaStmt s -> "CREATE SCHEMA";
            case CreatedbStmt s -> "CREATE DATABASE";
            case DropdbStmt s -> "DROP DATABASE";
            case AlterDatabaseStmt s -> "ALTER DATABASE";
            case CreateRoleStmt s -> switch (s.stmtType()) {
                case ROLE -> "CREATE ROLE";
                case USER -> "CREATE ROLE";
                case GROUP -> "CREATE ROLE";
            };
            case AlterRoleStmt s -> "ALTER ROLE";
            case AlterRoleSetStmt s -> "ALTER ROLE";
            case DropRoleStmt s -> "DROP ROLE";
            case GrantStmt s -> s.isGrant() ? "GRANT" : "REVOKE";
            case GrantRoleStmt s -> s.isGrant() ? "GRANT ROLE" : "REVOKE ROLE";
            case CommentStmt s -> "COMMENT";
            case TransactionStmt s -> switch (s.kind()) {
                case BEGIN -> "BEGIN";
                case START -> "START TRANSACTION";
                case COMMIT -> "COMMIT";
                case ROLLBACK, ROLLBACK_TO -> "ROLLBACK";
                case SAVEPOINT -> "SAVEPOINT";
                case RELEASE -> "RELEASE";
                case PREPARE -> "PREPARE TRANSACTION";
                case COMMIT_PREPARED -> "COMMIT PREPARED";
                case ROLLBACK_PREPARED -> "ROLLBACK PREPARED";
            };
            case VariableSetStmt s -> s.kind() == VariableSetStmt.Kind.RESET
                    || s.kind() == VariableSetStmt.Kind.RESET_ALL ? "RESET" : "SET";
            case VariableShowStmt s -> "SHOW";
            case CopyStmt s -> "COPY";
            case ExplainStmt s -> "EXPLAIN";
            case CheckPointStmt s -> "CHECKPOINT";
            case DiscardStmt s -> "DISCARD " + s.target().name();
            case PrepareStmt s -> "PREPARE";
            case ExecuteStmt s -> "EXECUTE";
            case DeallocateStmt s -> s.name() == null ? "DEALLOCATE ALL" : "DEALLOCATE";
            case ListenStmt s -> "LISTEN";
            case UnlistenStmt s -> "UNLISTEN";
            case NotifyStmt s -> "NOTIFY";
            case VacuumStmt s -> s.isVacuumcmd() ? "VACUUM" : "ANALYZE";
            case LockStmt s -> "LOCK TABLE";
            case CreateFunctionStmt s -> s.isProcedure() ? "CREATE PROCEDURE" : "CREATE FUNCTION";
            case DoStmt s -> "DO";
            case CallStmt s -> "CALL";
            case UnsupportedStmt s -> s.tag();
        };
    }

    static String objectWord(ObjectType t) {
        if (t == null) {
            return "TABLE";
        }
        return switch (t) {
            case MATVIEW -> "MATERIALIZED VIEW";
            case FOREIGN_TABLE -> "FOREIGN TABLE";
            case ACCESS_METHOD -> "ACCESS METHOD";
            case EVENT_TRIGGER -> "EVENT TRIGGER";
            case FOREIGN_SERVER -> "SERVER";
            case FDW -> "FOREIGN DATA WRAPPER";
            case STATISTIC_EXT -> "STATISTICS";
            case TSCONFIGURATION -> "TEXT SEARCH CONFIGURATION";
            case TSDICTIONARY -> "TEXT SEARCH DICTIONARY";
            case TSPARSER -> "TEXT SEARCH PARSER";
            case TSTEMPLATE -> "TEXT SEARCH TEMPLATE";
            case OPCLASS -> "OPERATOR CLASS";
            case OPFAMILY -> "OPERATOR FAMILY";
            case LARGEOBJECT -> "LARGE OBJECT";
            case TABCONSTRAINT, COLUMN -> "TABLE";
            default -> t.name();
        };
    }

    /** IsTransactionExitStmt: what a failed block still accepts. */
    static boolean allowedInFailedBlock(Stmt stmt) {
        if (stmt instanceof TransactionStmt t) {
            return switch (t.kind()) {
                case COMMIT, ROLLBACK, ROLLBACK_TO, PREPARE, COMMIT_PREPARED, ROLLBACK_PREPARED -> true;
                default -> false;
            };
        }
        return false;
    }

    /** The statements a read-only transaction may run (besides SELECT). */
    static boolean readOnlySafe(Stmt stmt) {
        return switch (stmt) {
            case SelectStmt s -> s.intoClause() == null;
            case TransactionStmt s -> true;
            case VariableSetStmt s -> true;
            case VariableShowStmt s -> true;
            case ExplainStmt s -> true;
            case CheckPointStmt s -> true;
            case DiscardStmt s -> true;
            case PrepareStmt s -> true;
            case ExecuteStmt s -> true;
            case DeallocateStmt s -> true;
            case ListenStmt s -> true;
            case UnlistenStmt s -> true;
            case NotifyStmt s -> true;
            case LockStmt s -> true;
            case VacuumStmt s -> true;
            case CopyStmt s -> !s.isFrom();
            default -> false;
        };
    }

    /** Statements that the planner handles. */
    static boolean isPlannable(Stmt stmt) {
        return (stmt instanceof SelectStmt s && s.intoClause() == null) || stmt instanceof InsertStmt
                || stmt instanceof UpdateStmt || stmt instanceof DeleteStmt;
    }
}
