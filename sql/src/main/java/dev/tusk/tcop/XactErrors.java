package dev.tusk.tcop;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/** The messages of xact.c and postgres.c about transaction blocks, in PostgreSQL's wording. */
public final class XactErrors {
    private XactErrors() {
    }

    public static TuskException inFailedTransaction() {
        return new TuskException(SqlState.IN_FAILED_SQL_TRANSACTION,
                "current transaction is aborted, commands ignored until end of transaction block");
    }

    public static TuskException noTransactionInProgress() {
        return new TuskException(Severity.WARNING, SqlState.NO_ACTIVE_SQL_TRANSACTION,
                "there is no transaction in progress", null, null, 0, null);
    }

    public static TuskException alreadyInProgress() {
        return new TuskException(Severity.WARNING, SqlState.ACTIVE_SQL_TRANSACTION,
                "there is already a transaction in progress", null, null, 0, null);
    }

    /** RequireTransactionBlock: ERROR 25P01 "X can only be used in transaction blocks". */
    public static TuskException onlyInBlock(String what) {
        return new TuskException(SqlState.NO_ACTIVE_SQL_TRANSACTION, what + " can only be used in transaction blocks");
    }

    /** PreventInTransactionBlock. */
    public static TuskException cannotRunInBlock(String what) {
        return new TuskException(SqlState.ACTIVE_SQL_TRANSACTION, what + " cannot run inside a transaction block");
    }

    public static TuskException noSuchSavepoint(String name) {
        return new TuskException(SqlState.S_E_INVALID_SPECIFICATION, "savepoint \"" + name + "\" does not exist");
    }

    public static TuskException readOnly(String command) {
        return new TuskException(SqlState.READ_ONLY_SQL_TRANSACTION,
                "cannot execute " + command + " in a read-only transaction");
    }

    public static TuskException isolationAfterQuery() {
        return new TuskException(SqlState.ACTIVE_SQL_TRANSACTION,
                "SET TRANSACTION ISOLATION LEVEL must be called before any query");
    }

    public static TuskException readWriteAfterQuery() {
        return new TuskException(SqlState.ACTIVE_SQL_TRANSACTION,
                "transaction read-write mode must be set before any query");
    }

    public static TuskException canceled() {
        return new TuskException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
    }

    public static TuskException statementTimeout() {
        return new TuskException(SqlState.QUERY_CANCELED, "canceling statement due to statement timeout");
    }

    public static TuskException notice(SqlState state, String message) {
        return new TuskException(Severity.NOTICE, state, message, null, null, 0, null);
    }

    public static TuskException warning(SqlState state, String message) {
        return new TuskException(Severity.WARNING, state, message, null, null, 0, null);
    }

    /** An unexpected Java exception as PostgreSQL reports internal errors (XX000), so the session carries on. */
    public static TuskException asTusk(RuntimeException e) {
        if (e instanceof TuskException t) {
            return t;
        }
        org.slf4j.LoggerFactory.getLogger(XactErrors.class).error("internal error", e);
        return new TuskException(SqlState.INTERNAL_ERROR, String.valueOf(e.getMessage() != null ? e.getMessage()
                : e.getClass().getName()), e);
    }
}
