package dev.tusk.access.sequence;

import dev.tusk.storage.RelFileLocator;
import java.util.HashMap;
import java.util.Map;

/**
 * One session's cached sequence values (PostgreSQL's {@code SeqTable}): with {@code CACHE n > 1} a
 * {@code nextval} that reaches the page reserves n values and the following ones are served from here.
 * Confined to its session's thread.
 */
public final class SequenceCache {
    /** {@code last} was returned; values up to {@code cached} (stepping by {@code increment}) are reserved. */
    static final class Entry {
        long last;
        long cached;
        long increment;
    }

    private final Map<RelFileLocator, Entry> entries = new HashMap<>();

    Entry entry(RelFileLocator rel) {
        return entries.computeIfAbsent(rel, r -> {
            Entry e = new Entry();
            return e;
        });
    }

    Entry existing(RelFileLocator rel) {
        return entries.get(rel);
    }

    /** Forgets the cached values of {@code rel} (after setval, ALTER SEQUENCE or DROP in this session). */
    public void invalidate(RelFileLocator rel) {
        entries.remove(rel);
    }

    /** DISCARD SEQUENCES. */
    public void clear() {
        entries.clear();
    }
}
