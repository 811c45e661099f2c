package dev.tusk.utils.adt;

/**
 * One {@code pg_type} row as the type system needs it (the columns the catalog must show, in PostgreSQL's
 * meaning). {@code typmodin}/{@code typmodout} are "-" when the type takes no modifier, as in the catalog.
 *
 * @param oid          the type OID (PostgreSQL's real OID for built-ins)
 * @param name         typname, e.g. {@code int4}, {@code _int4}
 * @param typlen       fixed length in bytes, -1 varlena, -2 cstring
 * @param typbyval     passed by value
 * @param typtype      'b' base, 'p' pseudo, 'c' composite, ...
 * @param typcategory  'B' boolean, 'N' numeric, 'S' string, 'D' date/time, 'T' timespan, 'A' array, 'U' user,
 *                     'P' pseudo, 'X' unknown, 'Z' internal, ...
 * @param typispreferred preferred type of its category for implicit-cast resolution
 * @param typdelim     array element delimiter in text form
 * @param typelem      element type of an array type (also of int2vector/oidvector/name), else 0
 * @param typarray     the array type having this element type, else 0
 */
public record PgType(int oid, String name, int typlen, boolean typbyval, char typtype, char typcategory,
        boolean typispreferred, char typdelim, int typelem, int typarray, String typinput, String typoutput,
        String typreceive, String typsend, String typmodin, String typmodout, char typalign, char typstorage) {

    /** Namespace pg_catalog: every built-in type lives there. */
    public static final int PG_CATALOG_NAMESPACE = 11;

    /** True for a true array type ({@code _int4} etc., category 'A'), not int2vector/oidvector/name. */
    public boolean isArray() {
        return typcategory == 'A' && typelem != 0 && typlen == -1 && oid != TypeOids.INT2VECTOR
                && oid != TypeOids.OIDVECTOR;
    }

    /** pg_type.typcollation: 100 (default) for text-like types and their arrays, 950 ("C") for name, else 0. */
    public int typcollation() {
        String base = isArray() ? name.substring(1) : name;
        return switch (base) {
            case "name" -> 950;
            case "text", "varchar", "bpchar", "pg_node_tree", "pg_ndistinct", "pg_dependencies", "pg_mcv_list" -> 100;
            default -> 0;
        };
    }

    /** pg_type.typsubscript: array_subscript_handler for arrays and int2vector/oidvector, else "-". */
    public String typsubscript() {
        return typcategory == 'A' && typelem != 0 && typlen == -1 ? "array_subscript_handler" : "-";
    }

    /** pg_type.typanalyze: array_typanalyze for true arrays, else "-". */
    public String typanalyze() {
        return isArray() ? "array_typanalyze" : "-";
    }

    /** True for pseudo-types (any, anyelement, record, void, unknown is a base type in PostgreSQL 15). */
    public boolean isPseudo() {
        return typtype == 'p';
    }

    /** True for the polymorphic pseudo-types (anyelement, anyarray, anynonarray, anycompatible*...). */
    public boolean isPolymorphic() {
        return TypeOids.isPolymorphic(oid);
    }
}
