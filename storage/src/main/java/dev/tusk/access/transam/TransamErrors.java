package dev.tusk.access.transam;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/** The transaction subsystem's error messages, in PostgreSQL's wording. */
public final class TransamErrors {
    private TransamErrors() {
    }

    /** errmsg("cannot execute %s in a read-only transaction"). */
    public static TuskException readOnlyTransaction(String command) {
        return new TuskException(SqlState.READ_ONLY_SQL_TRANSACTION,
                "cannot execute " + command + " in a read-only transaction");
    }

    /** errmsg("could not serialize access due to concurrent update"). */
    public static TuskException concurrentUpdate() {
        return new TuskException(SqlState.T_R_SERIALIZATION_FAILURE,
                "could not serialize access due to concurrent update");
    }

    /** errmsg("could not serialize access due to concurrent delete"). */
    public static TuskException concurrentDelete() {
        return new TuskException(SqlState.T_R_SERIALIZATION_FAILURE,
                "could not serialize access due to concurrent delete");
    }

    /** A transaction used after it ended (a caller bug, not a user error). */
    public static TuskException transactionEnded(long xid, String state) {
        return new TuskException(SqlState.INVALID_TRANSACTION_STATE,
                "transaction " + xid + " is already " + state);
    }

    /** errmsg("cannot have more than 2^32-2 commands in a transaction"). */
    public static TuskException tooManyCommands() {
        return new TuskException(SqlState.PROGRAM_LIMIT_EXCEEDED,
                "cannot have more than 2^32-2 commands in a transaction");
    }
}
