package dev.tusk.catalog;

import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.transam.IsolationLevel;
import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.StorageEngine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The cache of loaded catalog contents and the bookkeeping of which transactions changed catalogs (the
 * simplified counterpart of PostgreSQL's shared invalidation queue).
 *
 * <p>Protocol: a reader reads {@link #version} first, then loads with a fresh snapshot. A committing writer
 * becomes visible first, then {@link #transactionEnded} bumps the version, so contents tagged with a version
 * can only be newer than that version's state, never older than it, and a stale entry is always detected.
 */
final class CatalogStore {
    private final StorageEngine engine;
    private final HeapAm heap;
    private final AtomicLong version = new AtomicLong(1);
    private final Map<Integer, CatalogHeaps> heaps = new ConcurrentHashMap<>();
    private final Map<Integer, Cached> committed = new ConcurrentHashMap<>();
    private final Map<Integer, Object> loadLocks = new ConcurrentHashMap<>();
    /** Transactions that changed catalogs, with their private contents at a command id. */
    private final Map<Transaction, Private> writers = new ConcurrentHashMap<>();
    private final OidAllocator oids;
    private final NameLocks nameLocks = new NameLocks();
    /** Connected sessions per database OID (what PostgreSQL's CountOtherDBBackends finds in the proc array). */
    private final Map<Integer, java.util.concurrent.atomic.AtomicInteger> sessions = new ConcurrentHashMap<>();

    private record Cached(long version, CatalogData data) {
    }

    private record Private(int dbOid, int commandId, CatalogData data) {
    }

    CatalogStore(StorageEngine engine) {
        this.engine = engine;
        this.heap = new HeapAm(engine.buffers(), engine.smgr(), engine.transactions());
        this.oids = new OidAllocator(engine);
    }

    StorageEngine engine() {
        return engine;
    }

    HeapAm heapAm() {
        return heap;
    }

    OidAllocator oids() {
        return oids;
    }

    long version() {
        return version.get();
    }

    CatalogHeaps heaps(int dbOid) {
        return heaps.computeIfAbsent(dbOid, d -> new CatalogHeaps(heap, d));
    }

    /** The contents {@code tx} must see in {@code dbOid}. */
    CatalogData data(int dbOid, Transaction tx) {
        if (tx != null && writers.containsKey(tx)) {
            Private p = writers.get(tx);
            if (p != null && p.dbOid() == dbOid && p.commandId() == tx.commandId() && p.data() != null) {
                return p.data();
            }
            // Own changes up to the last CommandCounterIncrement plus everything committed now.
            CatalogData d = CatalogLoader.load(heaps(dbOid), freshSnapshot(tx));
            writers.put(tx, new Private(dbOid, tx.commandId(), d));
            return d;
        }
        long v = version.get();
        Cached c = committed.get(dbOid);
        if (c != null && c.version() == v) {
            return c.data();
        }
        // One loader per database at a time: sessions arriving meanwhile wait and reuse its result.
        synchronized (loadLocks.computeIfAbsent(dbOid, k -> new Object())) {
            c = committed.get(dbOid);
            if (c != null && c.version() == v) {
                return c.data();
            }
            CatalogData d;
            try (Transaction reader = engine.transactions().begin(IsolationLevel.READ_COMMITTED, true)) {
                d = CatalogLoader.load(heaps(dbOid), reader.statementSnapshot());
            }
            oids.advancePast(d);
            committed.put(dbOid, new Cached(v, d));
            return d;
        }
    }

    /**
     * The snapshot a catalog-changing transaction reads its catalogs with: its current one at the current command
     * id, so its own changes up to the last CommandCounterIncrement are visible. (Taking a new statement snapshot
     * here would change the snapshot the running statement uses.)
     */
    private static dev.tusk.utils.time.Snapshot freshSnapshot(Transaction tx) {
        return tx.currentSnapshot();
    }

    /** Marks {@code tx} as having changed catalogs of {@code dbOid} (its reads then bypass the shared cache). */
    void markChanged(Transaction tx, int dbOid) {
        writers.put(tx, new Private(dbOid, -1, null));
    }

    /** Drops {@code tx}'s private contents (they are reloaded on the next read) if it changed catalogs. */
    void forget(Transaction tx) {
        Private p = writers.get(tx);
        if (p != null) {
            writers.put(tx, new Private(p.dbOid(), -1, null));
        }
    }

    void transactionEnded(Transaction tx) {
        if (writers.remove(tx) != null) {
            version.incrementAndGet();
        }
        // After the version bump, so that a waiter re-checking the committed catalogs sees the holder's names.
        nameLocks.releaseAll(tx);
    }

    void sessionConnected(int dbOid) {
        sessions.computeIfAbsent(dbOid, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
    }

    void sessionDisconnected(int dbOid) {
        sessions.computeIfPresent(dbOid, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    int sessionCount(int dbOid) {
        java.util.concurrent.atomic.AtomicInteger n = sessions.get(dbOid);
        return n == null ? 0 : n.get();
    }

    NameLocks nameLocks() {
        return nameLocks;
    }

    /** Bumps the version without a transaction (CREATE DATABASE's new directory, tests). */
    void invalidateAll() {
        version.incrementAndGet();
    }

    Catalog reader(int dbOid, Transaction tx, String currentUser, int tempBackendId) {
        return new CatalogReader(this, dbOid, tx, currentUser, tempBackendId);
    }

    CatalogWriter writer(int dbOid, Transaction tx) {
        return new HeapCatalogWriter(this, dbOid, tx);
    }

    <T> T withReadOnly(int dbOid, Function<Catalog, T> f) {
        return f.apply(reader(dbOid, null, null, 0));
    }
}
