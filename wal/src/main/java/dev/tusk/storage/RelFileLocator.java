package dev.tusk.storage;

/**
 * Physical identity of a relation's files: tablespace, database and relfilenode
 * (PostgreSQL's {@code RelFileLocator}). Relations in {@link #GLOBALTABLESPACE_OID} live under
 * {@code global/}, all others under {@code base/<dbOid>/}.
 */
public record RelFileLocator(int spcOid, int dbOid, int relNumber) {
    /** pg_default. */
    public static final int DEFAULTTABLESPACE_OID = 1663;
    /** pg_global, for shared catalogs. */
    public static final int GLOBALTABLESPACE_OID = 1664;

    /** A relation in the default tablespace of {@code dbOid}. */
    public static RelFileLocator of(int dbOid, int relNumber) {
        return new RelFileLocator(DEFAULTTABLESPACE_OID, dbOid, relNumber);
    }

    @Override
    public String toString() {
        return spcOid == GLOBALTABLESPACE_OID ? "global/" + relNumber : "base/" + dbOid + "/" + relNumber;
    }
}
