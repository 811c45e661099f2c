package dev.tusk.catalog;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.StorageEngine;

/**
 * GetNewOidWithIndex / GetNewRelFileNumber: OIDs come from the storage engine's WAL-logged counter
 * ({@link StorageEngine#nextOid}). As a second guard (the counter wraps around, and a crash can leave files
 * of uncommitted relations behind), loads of committed catalog contents push the counter past every OID they
 * saw, and relation OIDs are skipped while a file with that number exists.
 */
final class OidAllocator {
    private final StorageEngine engine;

    OidAllocator(StorageEngine engine) {
        this.engine = engine;
    }

    int next() {
        return engine.nextOid();
    }

    /** An OID usable both as a relation's OID and as its relfilenode in database {@code dbOid}. */
    int nextRelation(int dbOid) {
        while (true) {
            int oid = next();
            if (!engine.smgr().exists(RelFileLocator.of(dbOid, oid), ForkNumber.MAIN)) {
                return oid;
            }
        }
    }

    /** Never hand out an OID at or below any OID present in {@code data}. */
    void advancePast(CatalogData data) {
        long max = 0;
        for (int oid : data.relations().keySet()) {
            max = Math.max(max, Integer.toUnsignedLong(oid));
        }
        for (RelationDesc r : data.relations().values()) {
            if (r.locator() != null) {
                max = Math.max(max, Integer.toUnsignedLong(r.locator().relNumber()));
            }
        }
        for (int oid : data.constraints().keySet()) {
            max = Math.max(max, Integer.toUnsignedLong(oid));
        }
        for (int oid : data.namespaces().keySet()) {
            max = Math.max(max, Integer.toUnsignedLong(oid));
        }
        for (int oid : data.roles().keySet()) {
            max = Math.max(max, Integer.toUnsignedLong(oid));
        }
        for (int oid : data.databases().keySet()) {
            max = Math.max(max, Integer.toUnsignedLong(oid));
        }
        if (max > 0) {
            engine.variables().advanceNextOidPast((int) max);
        }
    }
}
