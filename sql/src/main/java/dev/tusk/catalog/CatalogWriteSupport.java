package dev.tusk.catalog;

import static dev.tusk.catalog.CatalogTables.*;

import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.StorageEngine;
import dev.tusk.utils.time.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What every catalog writer needs: the caller's transaction, the catalog heaps of its database, row lookups by
 * sequential scan, and the CommandCounterIncrement discipline (after each step and each operation).
 */
abstract class CatalogWriteSupport {
    final CatalogStore store;
    final int dbOid;
    final Transaction tx;
    final CatalogHeaps heaps;

    CatalogWriteSupport(CatalogStore store, int dbOid, Transaction tx) {
        this.store = store;
        this.dbOid = dbOid;
        this.tx = tx;
        this.heaps = store.heaps(dbOid);
    }

    final CatalogData data() {
        return store.data(dbOid, tx);
    }

    /**
     * Takes the name lock standing in for a unique catalog index (see {@link NameLocks}): kind 'r' (relations of
     * namespace {@code scope}), 'n' schemas, 'a' roles, 'd' databases. If another transaction held the name and
     * committed meanwhile, {@code takenIn} is tested on the now committed catalogs, and {@code error} thrown
     * when the name is taken there (even if this transaction's snapshot does not show it yet).
     */
    final void lockName(char kind, int scope, String name, java.util.function.Predicate<CatalogData> takenIn,
            java.util.function.Supplier<dev.tusk.utils.error.TuskException> error) {
        int db = kind == 'a' || kind == 'd' ? 0 : dbOid;
        Transaction other = store.nameLocks().acquire(new NameLocks.Key(kind, db, scope, name), tx);
        if (other != null && other.state() == Transaction.State.COMMITTED) {
            store.transactionEnded(other); // a no-op unless its session has not reported the end yet
            if (takenIn.test(store.data(dbOid, null))) {
                throw error.get();
            }
        }
    }

    final void changing() {
        store.markChanged(tx, dbOid);
    }

    /** CommandCounterIncrement inside an operation, so its next step sees what the previous one changed. */
    final void step() {
        tx.commandCounterIncrement();
        store.markChanged(tx, dbOid);
    }

    final void done() {
        tx.commandCounterIncrement();
        store.markChanged(tx, dbOid);
    }

    final Snapshot snap() {
        return tx.currentSnapshot();
    }

    final void insert(CatalogRow row) {
        heaps.get(row.table()).insert(tx, row);
    }

    final List<CatalogRow> rows(CatalogTable t, Predicate<CatalogRow> filter) {
        return heaps.get(t).scan(snap(), filter);
    }

    final CatalogRow row(CatalogTable t, Predicate<CatalogRow> filter) {
        List<CatalogRow> r = rows(t, filter);
        if (r.isEmpty()) {
            throw new IllegalStateException("cache lookup failed in " + t.name());
        }
        return r.getFirst();
    }

    final void update(CatalogRow row) {
        heaps.get(row.table()).update(tx, row);
    }

    final void deleteWhere(CatalogTable t, Predicate<CatalogRow> filter) {
        CatalogHeap h = heaps.get(t);
        for (CatalogRow r : h.scan(snap(), filter)) {
            h.delete(tx, r);
        }
    }

    final int newOid() {
        return store.oids().next();
    }

    final int newRelationOid() {
        return store.oids().nextRelation(dbOid);
    }

    final RelationDesc rel(int oid) {
        RelationDesc r = data().relations().get(oid);
        if (r == null) {
            throw new IllegalStateException("cache lookup failed for relation " + oid);
        }
        return r;
    }

    final StorageEngine engine() {
        return store.engine();
    }

    static List<CatalogNotice> cascadeNotices(List<String> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        if (lines.size() == 1) {
            return List.of(new CatalogNotice("drop cascades to " + lines.getFirst(), null));
        }
        List<String> detail = new ArrayList<>();
        for (String l : lines) {
            detail.add("drop cascades to " + l);
        }
        return List.of(new CatalogNotice("drop cascades to " + lines.size() + " other objects",
                String.join("\n", detail)));
    }

}
