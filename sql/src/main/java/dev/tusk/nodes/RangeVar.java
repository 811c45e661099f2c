package dev.tusk.nodes;

/**
 * A possibly qualified relation name (PostgreSQL's {@code RangeVar}): [catalog.][schema.]relname, used for
 * tables in FROM and as the target of DML/DDL. {@code inh} is false for {@code ONLY t}. {@code relpersistence}
 * is 'p' (permanent), 'u' (UNLOGGED) or 't' (TEMP) as in pg_class.
 */
public record RangeVar(String catalogname, String schemaname, String relname, boolean inh, char relpersistence,
        Alias alias, int location) implements FromItem {

    public static RangeVar of(String schema, String name, int location) {
        return new RangeVar(null, schema, name, true, 'p', null, location);
    }

    public RangeVar withAlias(Alias a) {
        return new RangeVar(catalogname, schemaname, relname, inh, relpersistence, a, location);
    }

    public RangeVar withPersistence(char p) {
        return new RangeVar(catalogname, schemaname, relname, inh, p, alias, location);
    }
}
