package dev.tusk.access.heap;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/** The heap access method's error messages, in PostgreSQL's wording. */
public final class HeapErrors {
    private HeapErrors() {
    }

    /** errmsg("row is too big: size %zu, maximum size %zu"). */
    public static TuskException rowTooBig(int size, int max) {
        return new TuskException(SqlState.PROGRAM_LIMIT_EXCEEDED,
                "row is too big: size " + size + ", maximum size " + max);
    }

    /** elog(ERROR, "attempted to update invisible tuple"). */
    public static TuskException updateInvisible() {
        return new TuskException(SqlState.INTERNAL_ERROR, "attempted to update invisible tuple");
    }

    /** elog(ERROR, "attempted to delete invisible tuple"). */
    public static TuskException deleteInvisible() {
        return new TuskException(SqlState.INTERNAL_ERROR, "attempted to delete invisible tuple");
    }
}
