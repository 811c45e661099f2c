package dev.tusk.commands;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/** Messages of the utility commands (commands/*.c), in PostgreSQL's wording. */
public final class CommandErrors {
    private CommandErrors() {
    }

    public static TuskException notice(SqlState state, String message) {
        return new TuskException(Severity.NOTICE, state, message, null, null, 0, null);
    }

    public static TuskException withPosition(TuskException e, int location) {
        if (location < 0 || e.position() > 0) {
            return e;
        }
        return new TuskException(e.severity(), e.sqlState(), e.getMessage(), e.detail(), e.hint(), location + 1,
                e.getCause());
    }

    public static TuskException error(SqlState state, String message) {
        return new TuskException(state, message);
    }

    public static TuskException relationExists(String name) {
        return new TuskException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
    }

    public static TuskException relationDoesNotExist(String name) {
        return new TuskException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
    }

    public static TuskException schemaDoesNotExist(String name) {
        return new TuskException(SqlState.UNDEFINED_SCHEMA, "schema \"" + name + "\" does not exist");
    }

    public static TuskException typeDoesNotExist(String name, int location) {
        return withPosition(new TuskException(SqlState.UNDEFINED_OBJECT, "type \"" + name + "\" does not exist"),
                location);
    }

    public static TuskException columnDoesNotExist(String column, String relation) {
        return new TuskException(SqlState.UNDEFINED_COLUMN,
                "column \"" + column + "\" of relation \"" + relation + "\" does not exist");
    }

    public static TuskException columnNamedInKeyDoesNotExist(String column) {
        return new TuskException(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" named in key does not exist");
    }

    public static TuskException wrongObjectType(String name, String what) {
        return new TuskException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not " + what);
    }

    public static TuskException mustBeOwner(String kind, String name) {
        return new TuskException(SqlState.INSUFFICIENT_PRIVILEGE, "must be owner of " + kind + " " + name);
    }
}
