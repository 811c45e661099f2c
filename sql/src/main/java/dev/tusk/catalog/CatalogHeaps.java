package dev.tusk.catalog;

import dev.tusk.access.heap.HeapAm;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link CatalogHeap}s of one database, made on first use. */
final class CatalogHeaps {
    private final HeapAm heap;
    private final int dbOid;
    private final ConcurrentHashMap<Integer, CatalogHeap> byOid = new ConcurrentHashMap<>();

    CatalogHeaps(HeapAm heap, int dbOid) {
        this.heap = heap;
        this.dbOid = dbOid;
    }

    int dbOid() {
        return dbOid;
    }

    CatalogHeap get(CatalogTable table) {
        return byOid.computeIfAbsent(table.oid(), o -> new CatalogHeap(heap, table, dbOid));
    }
}
