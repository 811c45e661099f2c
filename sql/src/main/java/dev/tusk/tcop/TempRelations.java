package dev.tusk.tcop;

import dev.tusk.access.transam.Transaction;
import dev.tusk.catalog.Catalog;
import dev.tusk.catalog.CatalogManager;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.storage.StorageEngine;

/**
 * RemoveTempRelations: at session end, drops everything in the session's temp namespace pg_temp_N in a
 * transaction of its own (the namespace itself stays, emptied, as in PostgreSQL, for the next session with
 * that backend id).
 */
final class TempRelations {
    private TempRelations() {
    }

    static void remove(StorageEngine storage, CatalogManager catalogs, int dbOid, String user, int backendId) {
        Transaction tx = storage.transactions().begin();
        try {
            Catalog cat = catalogs.catalog(dbOid, tx, user, backendId);
            int temp = cat.myTempNamespace();
            if (temp != 0) {
                for (RelationDesc r : cat.listRelations()) {
                    // Indexes, owned sequences and dependent views go with their table (CASCADE).
                    if (r.namespaceOid() == temp && catalogs.catalog(dbOid, tx, user, backendId)
                            .relation(r.oid()) != null) {
                        catalogs.writer(dbOid, tx).dropRelation(r.oid(), true);
                    }
                }
            }
            tx.commit();
        } catch (RuntimeException e) {
            if (tx.state() == Transaction.State.IN_PROGRESS) {
                tx.abort();
            }
            throw e;
        } finally {
            catalogs.transactionEnded(tx);
        }
    }
}
