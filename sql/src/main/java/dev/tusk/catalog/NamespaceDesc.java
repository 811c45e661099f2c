package dev.tusk.catalog;

/** One {@code pg_namespace} row (a schema). */
public record NamespaceDesc(int oid, String name, int ownerOid) {
    /** PG_CATALOG_NAMESPACE. */
    public static final int PG_CATALOG = 11;
    /** PG_TOAST_NAMESPACE. */
    public static final int PG_TOAST = 99;
    /** PG_PUBLIC_NAMESPACE. */
    public static final int PUBLIC = 2200;
}
