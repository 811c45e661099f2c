package dev.tusk.utils.adt;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/** The data-type errors, each worded as PostgreSQL words it. */
public final class AdtErrors {
    private AdtErrors() {
    }

    /** 22P02 invalid input syntax for type X: "v". */
    public static TuskException invalidSyntax(String typeName, String value) {
        return new TuskException(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + typeName + ": \"" + value + "\"");
    }

    /** 22003 value "v" is out of range for type X. */
    public static TuskException valueOutOfRange(String value, String typeName) {
        return new TuskException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "value \"" + value + "\" is out of range for type " + typeName);
    }

    /** 22003 with a free message, e.g. "integer out of range". */
    public static TuskException outOfRange(String message) {
        return new TuskException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, message);
    }

    /** 22012 division by zero. */
    public static TuskException divisionByZero() {
        return new TuskException(SqlState.DIVISION_BY_ZERO, "division by zero");
    }

    /** 22007 invalid input syntax for type date/time... */
    public static TuskException invalidDatetime(String typeName, String value) {
        return new TuskException(SqlState.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type " + typeName + ": \"" + value + "\"");
    }

    /** 22008 date/time field value out of range: "v". */
    public static TuskException datetimeFieldOutOfRange(String value) {
        return new TuskException(SqlState.DATETIME_FIELD_OVERFLOW,
                "date/time field value out of range: \"" + value + "\"");
    }

    /** 22008 with a free message (e.g. "timestamp out of range"). */
    public static TuskException datetimeOutOfRange(String message) {
        return new TuskException(SqlState.DATETIME_VALUE_OUT_OF_RANGE, message);
    }

    /** 22P03 for malformed binary input. */
    public static TuskException badBinary(String message) {
        return new TuskException(SqlState.INVALID_BINARY_REPRESENTATION, message);
    }

    /** 22023 invalid parameter value. */
    public static TuskException invalidParameter(String message) {
        return new TuskException(SqlState.INVALID_PARAMETER_VALUE, message);
    }

    /** 22001 value too long for type X. */
    public static TuskException tooLong(String typeDisplay) {
        return new TuskException(SqlState.STRING_DATA_RIGHT_TRUNCATION, "value too long for type " + typeDisplay);
    }

    /** 0A000. */
    public static TuskException unsupported(String message) {
        return new TuskException(SqlState.FEATURE_NOT_SUPPORTED, message);
    }
}
