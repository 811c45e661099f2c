package dev.tusk.catalog;

/**
 * One column of a relation, as {@code pg_attribute} (plus its {@code pg_attrdef} default) describes it.
 * Dropped columns stay in the list (PostgreSQL keeps their slot in every stored row) with {@code dropped} set;
 * their {@code typeOid} is still the type the old rows were stored with.
 *
 * @param attnum      1-based position in the stored row
 * @param name        attname
 * @param typeOid     atttypid
 * @param typmod      atttypmod (-1 when none), e.g. {@code varchar(20)} is 24
 * @param notNull     attnotnull
 * @param defaultExpr the default expression text as stored in {@code pg_attrdef.adbin} (PostgreSQL's
 *                    deparsed form, e.g. {@code nextval('t_id_seq'::regclass)}), null when none
 * @param identity    attidentity: 'a' ALWAYS, 'd' BY DEFAULT, '\0' not an identity column
 * @param generated   attgenerated: 's' stored generated column, '\0' otherwise
 * @param dropped     attisdropped
 * @param collation   attcollation (100 "default" for collatable types, else 0)
 */
public record ColumnDesc(int attnum, String name, int typeOid, int typmod, boolean notNull, String defaultExpr,
        char identity, char generated, boolean dropped, int collation) {

    /** atthasdef. */
    public boolean hasDefault() {
        return defaultExpr != null;
    }

    /** An identity column (GENERATED ALWAYS/BY DEFAULT AS IDENTITY). */
    public boolean isIdentity() {
        return identity != '\0';
    }
}
