package dev.tusk.catalog;

/** One {@code pg_database} row. {@code encoding} 6 is UTF8. */
public record DatabaseDesc(int oid, String name, int ownerOid, int encoding, boolean isTemplate,
        boolean allowConnections, int connLimit, int tablespaceOid, String collate, String ctype) {
    /** template1, created by initdb. */
    public static final int TEMPLATE1 = 1;
    /** template0. */
    public static final int TEMPLATE0 = 4;
    /** postgres. */
    public static final int POSTGRES = 5;
}
