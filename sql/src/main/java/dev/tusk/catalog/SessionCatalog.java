package dev.tusk.catalog;

import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.StorageEngine;
import java.util.List;
import java.util.function.Supplier;

/**
 * What catalog-dependent SQL functions (pg_table_is_visible, pg_get_*, regclass I/O, ...) need from the calling
 * session. The session layer implements it and returns it from
 * {@code FunctionContext.service(SessionCatalog.class)}; {@link CatalogRegLookup} wraps it as the type layer's
 * {@code RegLookup}.
 */
public interface SessionCatalog {
    /** The catalogs as the current transaction sees them. */
    Catalog catalog();

    /** The search_path setting as a list of schema names ("$user" allowed). */
    List<String> searchPath();

    /** The storage engine (relation sizes). */
    StorageEngine storage();

    /**
     * The usual implementation: the catalogs of database {@code dbOid} for whatever transaction is current, the
     * current user and search_path read at each call.
     */
    static SessionCatalog of(CatalogManager catalogs, int dbOid, Supplier<Transaction> currentTransaction,
            Supplier<String> currentUser, Supplier<List<String>> searchPath) {
        return of(catalogs, dbOid, currentTransaction, currentUser, searchPath, () -> 0);
    }

    /**
     * As above for a session whose temp namespace is pg_temp_N, N = {@code tempBackendId} (see
     * {@link CatalogManager#catalog(int, Transaction, String, int)}), read at each call.
     */
    static SessionCatalog of(CatalogManager catalogs, int dbOid, Supplier<Transaction> currentTransaction,
            Supplier<String> currentUser, Supplier<List<String>> searchPath,
            java.util.function.IntSupplier tempBackendId) {
        return new SessionCatalog() {
            @Override
            public Catalog catalog() {
                return catalogs.catalog(dbOid, currentTransaction.get(), currentUser.get(), tempBackendId.getAsInt());
            }

            @Override
            public List<String> searchPath() {
                return searchPath.get();
            }

            @Override
            public StorageEngine storage() {
                return catalogs.engine();
            }
        };
    }
}
