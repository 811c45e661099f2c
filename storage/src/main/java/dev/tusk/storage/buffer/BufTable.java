package dev.tusk.storage.buffer;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The buffer mapping table (PostgreSQL's {@code buf_table.c}): tag → 0-based buffer id. PostgreSQL
 * partitions a hash table under 128 LWLocks; a {@link ConcurrentHashMap} gives the same per-bin locking
 * and lock-free lookups. An entry is inserted and removed only by a thread holding the header lock of the
 * buffer it names, so a lookup that finds a buffer and then pins it sees either the entry's tag (valid
 * mapping) or a different tag (a stale mapping it must retry).
 */
final class BufTable {
    private final ConcurrentHashMap<BufferTag, Integer> map;

    BufTable(int nBuffers) {
        map = new ConcurrentHashMap<>(Math.max(16, nBuffers * 2));
    }

    /** BufTableLookup: the buffer id, or -1. */
    int lookup(BufferTag tag) {
        Integer id = map.get(tag);
        return id == null ? -1 : id;
    }

    /** BufTableInsert: maps the tag unless already mapped; returns the existing id or -1 when inserted. */
    int insert(BufferTag tag, int id) {
        Integer existing = map.putIfAbsent(tag, id);
        return existing == null ? -1 : existing;
    }

    /** BufTableDelete: removes the entry if it still names {@code id}. */
    void delete(BufferTag tag, int id) {
        map.remove(tag, id);
    }
}
