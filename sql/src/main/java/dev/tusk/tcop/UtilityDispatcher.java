package dev.tusk.tcop;

import dev.tusk.commands.AlterTableCommands;
import dev.tusk.commands.CommandContext;
import dev.tusk.commands.CommentCommands;
import dev.tusk.commands.CreateTableAs;
import dev.tusk.commands.DatabaseCommands;
import dev.tusk.commands.DropCommands;
import dev.tusk.commands.IndexCommands;
import dev.tusk.commands.MaintenanceCommands;
import dev.tusk.commands.RoleCommands;
import dev.tusk.commands.SchemaCommands;
import dev.tusk.commands.SequenceCommands;
import dev.tusk.commands.TableCommands;
import dev.tusk.commands.TruncateCommands;
import dev.tusk.commands.ViewCommands;
import dev.tusk.nodes.*;
import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/** ProcessUtility / standard_ProcessUtility: runs one utility statement and gives its tag (and rows). */
final class UtilityDispatcher {
    private UtilityDispatcher() {
    }

    static RowsRun.Outcome execute(TuskSession session, Stmt stmt, PreparedStatementImpl ps) {
        return switch (stmt) {
            case TransactionStmt s -> tag(TransactionStatements.run(session, s));
            case VariableSetStmt s -> tag(SetStatements.set(session, s));
            case VariableShowStmt s -> SetStatements.show(session, s);
            case ExplainStmt s -> ExplainRunner.run(session, s, ps, new Object[0]);
            case DiscardStmt s -> tag(discard(session, s));
            case CheckPointStmt s -> tag(checkpoint(session));
            case CreatedbStmt s -> {
                preventInBlock(session, "CREATE DATABASE");
                yield tag(ddl(session, c -> DatabaseCommands.create(c, s)));
            }
            case DropdbStmt s -> {
                preventInBlock(session, "DROP DATABASE");
                yield tag(ddl(session, c -> DatabaseCommands.drop(c, s,
                        db -> session.engine().otherSessionsOn(db, session))));
            }
            case CreateStmt s -> tag(ddl(session, c -> TableCommands.create(c, s)));
            case CreateTableAsStmt s -> tag(ddl(session, c -> CreateTableAs.run(c, s)));
            case SelectStmt s -> tag(ddl(session, c -> CreateTableAs.selectInto(c, s)));
            case DropStmt s -> tag(ddl(session, c -> {
                String t = DropCommands.drop(c, s);
                if (s.removeType() == ObjectType.SEQUENCE) {
                    session.sequences().discard();
                }
                return t;
            }));
            case AlterTableStmt s -> tag(ddl(session, c -> AlterTableCommands.alter(c, s)));
            case RenameStmt s -> tag(ddl(session, c -> AlterTableCommands.rename(c, s)));
            case TruncateStmt s -> tag(ddl(session, c -> TruncateCommands.truncate(c, s)));
            case IndexStmt s -> tag(ddl(session, c -> IndexCommands.create(c, s)));
            case CreateSeqStmt s -> tag(ddl(session, c -> SequenceCommands.create(c, s)));
            case AlterSeqStmt s -> tag(ddl(session, c -> SequenceCommands.alter(c, s)));
            case ViewStmt s -> tag(ddl(session, c -> ViewCommands.create(c, s)));
            case CreateSchemaStmt s -> tag(ddl(session, c -> SchemaCommands.create(c, s)));
            case CreateRoleStmt s -> tag(ddl(session, c -> RoleCommands.create(c, s)));
            case AlterRoleStmt s -> tag(ddl(session, c -> RoleCommands.alter(c, s)));
            case DropRoleStmt s -> tag(ddl(session, c -> RoleCommands.drop(c, s)));
            case CommentStmt s -> tag(ddl(session, c -> CommentCommands.comment(c, s)));
            case GrantStmt s -> tag(ddl(session, c -> dev.tusk.commands.GrantCommands.grant(c, s)));
            case GrantRoleStmt s -> tag(s.isGrant() ? "GRANT ROLE" : "REVOKE ROLE");
            case AlterOwnerStmt s -> tag(CommandTags.tagOf(s));
            case AlterRoleSetStmt s -> tag("ALTER ROLE");
            case AlterDatabaseStmt s -> tag("ALTER DATABASE");
            case VacuumStmt s -> {
                if (s.isVacuumcmd()) {
                    preventInBlock(session, "VACUUM");
                }
                yield tag(MaintenanceCommands.vacuum(session.commandContext(), s));
            }
            case LockStmt s -> {
                if (!session.xact().inBlock()) {
                    throw XactErrors.onlyInBlock("LOCK TABLE");
                }
                yield tag(MaintenanceCommands.lock(session.commandContext(), s));
            }
            // Known gap: LISTEN/NOTIFY are accepted but notifications are not delivered (no NotificationResponse).
            case ListenStmt s -> tag("LISTEN");
            case UnlistenStmt s -> tag("UNLISTEN");
            case NotifyStmt s -> tag("NOTIFY");
            case UnsupportedStmt s when s.tag().equals("SET CONSTRAINTS") -> {
                // Tusk checks every constraint immediately, so SET CONSTRAINTS changes nothing (WarnNoTransactionBlock).
                if (!session.xact().inBlock()) {
                    session.addNotice(XactErrors.warning(SqlState.NO_ACTIVE_SQL_TRANSACTION,
                            "SET CONSTRAINTS can only be used in transaction blocks"));
                }
                yield tag("SET CONSTRAINTS");
            }
            case DeallocateStmt s -> tag(session.sqlPrepared().deallocate(s));
            case PrepareStmt s -> tag(session.sqlPrepared().prepare(session, s, ps.sql()));
            default -> throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED,
                    CommandTags.tagOf(stmt) + " is not supported");
        };
    }

    private static RowsRun.Outcome tag(String tag) {
        return new RowsRun.Outcome(tag, null);
    }

    /** A catalog-changing command: runs with a command context, then marks cached plans stale. */
    private static String ddl(TuskSession session, java.util.function.Function<CommandContext, String> body) {
        CommandContext ctx = session.commandContext();
        session.catalogChanged();
        return body.apply(ctx);
    }

    /** PreventInTransactionBlock. */
    private static void preventInBlock(TuskSession session, String what) {
        if (session.xact().inBlock()) {
            throw XactErrors.cannotRunInBlock(what);
        }
    }

    private static String discard(TuskSession session, DiscardStmt s) {
        switch (s.target()) {
            case ALL -> {
                preventInBlock(session, "DISCARD ALL");
                session.gucs().resetAll(session.superuser());
                session.sequences().discard();
                session.sqlPrepared().clear();
            }
            case SEQUENCES -> session.sequences().discard();
            default -> {
            }
        }
        return "DISCARD " + s.target().name();
    }

    private static String checkpoint(TuskSession session) {
        if (!session.superuser()) {
            throw new TuskException(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to do CHECKPOINT");
        }
        session.engine().checkpointRequest().run();
        return "CHECKPOINT";
    }

    static TuskException notice(String message) {
        return new TuskException(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, message, null, null, 0, null);
    }
}
