package dev.tusk.catalog;

import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.StorageEngine;

/**
 * The catalogs of one opened cluster: hands out {@link Catalog} readers and {@link CatalogWriter}s per
 * (database, transaction) and keeps the shared cache of committed catalog contents.
 *
 * <p>Caching (PostgreSQL's invalidation messages, simplified): a global catalog version is bumped whenever a
 * transaction that changed catalogs ends with a commit; readers of transactions that changed nothing reuse the
 * contents loaded for the current version, readers of a transaction that changed catalogs read through its own
 * snapshot. The session layer must therefore call {@link #transactionEnded} after every commit or abort.
 */
public final class CatalogManager {
    private final StorageEngine engine;
    private final CatalogStore store;

    private CatalogManager(StorageEngine engine) {
        this.engine = engine;
        this.store = new CatalogStore(engine);
        // Load every database's committed catalogs once: this also moves the OID counter past every OID in use.
        // (Skipped for a data directory whose catalogs were not bootstrapped yet.)
        if (engine.smgr().exists(CatalogHeap.locator(CatalogTables.PG_DATABASE, 0), ForkNumber.MAIN)) {
            for (DatabaseDesc db : store.reader(DatabaseDesc.TEMPLATE1, null, null, 0).databases()) {
                store.data(db.oid(), null);
            }
        }
    }

    /** The catalogs of an engine whose data directory was initialised by {@link Bootstrap#initialize}. */
    public static CatalogManager open(StorageEngine engine) {
        CatalogFunctions.register();
        return new CatalogManager(engine);
    }

    public StorageEngine engine() {
        return engine;
    }

    /** Read access for {@code tx} in database {@code dbOid}; {@code currentUser} replaces "$user" in search paths. */
    public Catalog catalog(int dbOid, Transaction tx, String currentUser) {
        return store.reader(dbOid, tx, currentUser, 0);
    }

    /**
     * As {@link #catalog(int, Transaction, String)} for a session with backend id {@code tempBackendId}: its temp
     * namespace pg_temp_N (when it exists) comes first in relation search paths and is what "pg_temp" names.
     * A negative id -N means the session has not used temp objects yet: pg_temp_N (maybe left, emptied, by an
     * earlier session) is not its temp namespace until then, as PostgreSQL's myTempNamespace.
     */
    public Catalog catalog(int dbOid, Transaction tx, String currentUser, int tempBackendId) {
        return store.reader(dbOid, tx, currentUser, tempBackendId);
    }

    /** Write access for {@code tx} in database {@code dbOid}. */
    public CatalogWriter writer(int dbOid, Transaction tx) {
        return store.writer(dbOid, tx);
    }

    /**
     * Must be called once {@code tx} has committed or aborted: publishes its catalog changes to other sessions'
     * caches (after a commit) and forgets its private state.
     */
    public void transactionEnded(Transaction tx) {
        store.transactionEnded(tx);
    }

    /**
     * Must be called after ROLLBACK TO SAVEPOINT in a transaction that may have changed catalogs: its cached
     * private view of the catalogs may show changes that were just undone.
     */
    public void subtransactionAborted(Transaction tx) {
        store.forget(tx);
    }

    /**
     * A session connected to database {@code dbOid} (after authentication, once the database is known). Every call
     * must be matched by one {@link #sessionDisconnected} when the session ends; DROP DATABASE and CREATE DATABASE
     * ... TEMPLATE refuse databases other sessions are connected to (55006).
     */
    public void sessionConnected(int dbOid) {
        store.sessionConnected(dbOid);
    }

    /** The session that {@link #sessionConnected} reported for {@code dbOid} ended. */
    public void sessionDisconnected(int dbOid) {
        store.sessionDisconnected(dbOid);
    }

    /** How many sessions are connected to {@code dbOid} (pg_stat_database.numbackends). */
    public int sessionCount(int dbOid) {
        return store.sessionCount(dbOid);
    }

    /** The catalog version: changes whenever committed catalog contents may have changed. */
    public long version() {
        return store.version();
    }

    /** A role by name for authentication, read in a short read-only transaction; null if none. */
    public RoleDesc roleForLogin(String name) {
        return store.withReadOnly(DatabaseDesc.TEMPLATE1, c -> c.role(name));
    }

    /** A database by name for connection start, read in a short read-only transaction; null if none. */
    public DatabaseDesc databaseForLogin(String name) {
        return store.withReadOnly(DatabaseDesc.TEMPLATE1, c -> c.database(name));
    }
}
