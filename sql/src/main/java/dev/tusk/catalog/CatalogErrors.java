package dev.tusk.catalog;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.List;

/** The catalog's errors, in PostgreSQL's wording. */
final class CatalogErrors {
    private CatalogErrors() {
    }

    static TuskException relationDoesNotExist(String name) {
        return new TuskException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
    }

    static TuskException relationExists(String name) {
        return new TuskException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
    }

    static TuskException schemaDoesNotExist(String name) {
        return new TuskException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
    }

    static TuskException schemaExists(String name) {
        return new TuskException(SqlState.DUPLICATE_SCHEMA, "schema \"" + name + "\" already exists");
    }

    static TuskException columnExists(String column, String relation) {
        return new TuskException(SqlState.DUPLICATE_COLUMN, "column \"" + column + "\" of relation \"" + relation
                + "\" already exists");
    }

    static TuskException constraintExists(String name, String relation) {
        return new TuskException(SqlState.DUPLICATE_OBJECT, "constraint \"" + name + "\" for relation \""
                + relation + "\" already exists");
    }

    static TuskException roleExists(String name) {
        return new TuskException(SqlState.DUPLICATE_OBJECT, "role \"" + name + "\" already exists");
    }

    static TuskException roleDoesNotExist(String name) {
        return new TuskException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
    }

    static TuskException databaseExists(String name) {
        return new TuskException(SqlState.DUPLICATE_DATABASE, "database \"" + name + "\" already exists");
    }

    static TuskException databaseDoesNotExist(String name) {
        return new TuskException(SqlState.INVALID_CATALOG_NAME, "database \"" + name + "\" does not exist");
    }

    static TuskException typeDoesNotExist(String name) {
        return new TuskException(SqlState.UNDEFINED_OBJECT, "type \"" + name + "\" does not exist");
    }

    static TuskException functionDoesNotExist(String name) {
        return new TuskException(SqlState.UNDEFINED_FUNCTION, "function \"" + name + "\" does not exist");
    }

    /**
     * reportDependentObjects without CASCADE: {@code cannot drop table a because other objects depend on it}, one
     * DETAIL line per dependent ({@code view v depends on table a}) and the CASCADE hint.
     */
    static TuskException dependentObjects(String object, List<String> detailLines) {
        return new TuskException(Severity.ERROR, SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop " + object
                + " because other objects depend on it", String.join("\n", detailLines),
                "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
    }
}
