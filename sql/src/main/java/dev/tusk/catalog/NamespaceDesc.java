package dev.tusk.catalog;

/** One {@code pg_namespace} row (a schema). */
public record NamespaceDesc(int oid, String name, int ownerOid) {
    /** PG_CATALOG_NAMESPACE. */
    public static final int PG_CATALOG = 11;
    /** PG_TOAST_NAMESPACE. */
    public static final int PG_TOAST = 99;

    /** The temp namespace of backend {@code backendId} (pg_temp_N, as InitTempTableNamespace names it). */
    public static String tempNamespaceName(int backendId) {
        return "pg_temp_" + backendId;
    }

    /** isAnyTempNamespace: a pg_temp_N schema of any session. */
    public boolean isTemp() {
        return name.startsWith("pg_temp_");
    }
    /** PG_PUBLIC_NAMESPACE. */
    public static final int PUBLIC = 2200;
}
