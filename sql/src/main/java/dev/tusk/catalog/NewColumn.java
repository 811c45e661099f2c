package dev.tusk.catalog;

/**
 * A column for {@link CatalogWriter#createTable} or {@link CatalogWriter#addColumn}.
 *
 * @param defaultExpr the default's expression text in PostgreSQL's deparsed form (stored as pg_attrdef.adbin),
 *                    or null
 * @param identity    'a', 'd' or '\0'
 * @param generated   's' or '\0'
 * @param collation   attcollation; pass -1 to take the type's default (100 for collatable types, else 0)
 */
public record NewColumn(String name, int typeOid, int typmod, boolean notNull, String defaultExpr, char identity,
        char generated, int collation) {

    /** A plain nullable column without default. */
    public static NewColumn of(String name, int typeOid, int typmod) {
        return new NewColumn(name, typeOid, typmod, false, null, '\0', '\0', -1);
    }

    public NewColumn withNotNull(boolean nn) {
        return new NewColumn(name, typeOid, typmod, nn, defaultExpr, identity, generated, collation);
    }

    public NewColumn withDefault(String expr) {
        return new NewColumn(name, typeOid, typmod, notNull, expr, identity, generated, collation);
    }
}
