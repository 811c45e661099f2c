package dev.tusk.parser.analyze;

import dev.tusk.utils.adt.TypeNames;
import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/** The analyzer's error messages in PostgreSQL's wording, each with its cursor position (location + 1). */
public final class AnalyzeErrors {
    private AnalyzeErrors() {
    }

    public static TuskException at(SqlState state, String message, int location) {
        return new TuskException(Severity.ERROR, state, message, null, null, location < 0 ? 0 : location + 1, null);
    }

    public static TuskException at(SqlState state, String message, String hint, int location) {
        return new TuskException(Severity.ERROR, state, message, null, hint, location < 0 ? 0 : location + 1, null);
    }

    /** The same error with a cursor position when it has none yet (errors from type input, registries). */
    public static TuskException withPosition(TuskException e, int location) {
        if (e.position() > 0 || location < 0) {
            return e;
        }
        return new TuskException(e.severity(), e.sqlState(), e.getMessage(), e.detail(), e.hint(), location + 1,
                e.getCause());
    }

    static TuskException columnNotFound(String name, int location) {
        return at(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" does not exist", location);
    }

    static TuskException qualifiedColumnNotFound(String table, String name, int location) {
        return at(SqlState.UNDEFINED_COLUMN, "column " + table + "." + name + " does not exist", location);
    }

    static TuskException ambiguousColumn(String name, int location) {
        return at(SqlState.AMBIGUOUS_COLUMN, "column reference \"" + name + "\" is ambiguous", location);
    }

    static TuskException missingFromEntry(String table, int location) {
        return at(SqlState.UNDEFINED_TABLE, "missing FROM-clause entry for table \"" + table + "\"", location);
    }

    static TuskException wrongType(String construct, int actualType, int location) {
        return at(SqlState.DATATYPE_MISMATCH, "argument of " + construct + " must be type boolean, not type "
                + TypeNames.format(actualType), location);
    }

    static TuskException notAllowed(String what, String where, int location) {
        return at(SqlState.GROUPING_ERROR, what + " are not allowed in " + where, location);
    }

    static TuskException unsupported(String what, int location) {
        return at(SqlState.FEATURE_NOT_SUPPORTED, what + " is not supported", location);
    }
}
