package dev.tusk.utils.misc;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/** The messages of guc.c, in PostgreSQL's wording. */
public final class GucErrors {
    private GucErrors() {
    }

    public static TuskException unrecognized(String name) {
        return new TuskException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
    }

    public static TuskException invalidValue(String name, String value) {
        return new TuskException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + value + "\"");
    }

    public static TuskException requiresBoolean(String name) {
        return new TuskException(SqlState.INVALID_PARAMETER_VALUE,
                "parameter \"" + name + "\" requires a Boolean value");
    }

    public static TuskException requiresNumeric(String name) {
        return new TuskException(SqlState.INVALID_PARAMETER_VALUE,
                "parameter \"" + name + "\" requires a numeric value");
    }

    public static TuskException outOfRange(String shown, String name, String min, String max) {
        return new TuskException(SqlState.INVALID_PARAMETER_VALUE,
                shown + " is outside the valid range for parameter \"" + name + "\" (" + min + " .. " + max + ")");
    }

    public static TuskException cannotChange(String name) {
        return new TuskException(SqlState.CANT_CHANGE_RUNTIME_PARAM, "parameter \"" + name + "\" cannot be changed");
    }

    public static TuskException cannotChangeWithoutRestart(String name) {
        return new TuskException(SqlState.CANT_CHANGE_RUNTIME_PARAM,
                "parameter \"" + name + "\" cannot be changed without restarting the server");
    }

    public static TuskException cannotChangeNow(String name) {
        return new TuskException(SqlState.CANT_CHANGE_RUNTIME_PARAM,
                "parameter \"" + name + "\" cannot be changed now");
    }

    public static TuskException cannotSetAfterStart(String name) {
        return new TuskException(SqlState.CANT_CHANGE_RUNTIME_PARAM,
                "parameter \"" + name + "\" cannot be set after connection start");
    }

    public static TuskException permissionDenied(String name) {
        return new TuskException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to set parameter \"" + name + "\"");
    }

    /** WARNING 25P01 for SET LOCAL outside a transaction block. */
    public static TuskException setLocalOutsideBlock(String what) {
        return new TuskException(Severity.WARNING, SqlState.NO_ACTIVE_SQL_TRANSACTION,
                what + " can only be used in transaction blocks", null, null, 0, null);
    }
}
