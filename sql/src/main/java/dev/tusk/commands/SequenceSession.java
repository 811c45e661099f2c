package dev.tusk.commands;

import java.util.HashMap;
import java.util.Map;

/**
 * A session's memory of sequence values (PostgreSQL's {@code SeqTable} entries and {@code last_used_seq}):
 * what currval and lastval return. Not transactional, as in PostgreSQL.
 */
public final class SequenceSession {
    private final Map<Integer, Long> lastValues = new HashMap<>();
    private final dev.tusk.access.sequence.SequenceCache cache = new dev.tusk.access.sequence.SequenceCache();
    private Integer lastUsed;

    /** nextval or setval(..., true) gave {@code value} for sequence {@code seqOid}. */
    public void recordNextval(int seqOid, long value) {
        lastValues.put(seqOid, value);
        lastUsed = seqOid;
    }

    /** setval(..., true) sets currval but not lastval's sequence (PostgreSQL does both only for nextval). */
    public void recordSetval(int seqOid, long value) {
        lastValues.put(seqOid, value);
    }

    /** currval's value, or null when nextval was not called for it in this session. */
    public Long currval(int seqOid) {
        return lastValues.get(seqOid);
    }

    /** The sequence lastval reads, or null. */
    public Integer lastUsed() {
        return lastUsed;
    }

    /** The session's cache of reserved values (CACHE &gt; 1). */
    public dev.tusk.access.sequence.SequenceCache cache() {
        return cache;
    }

    /** DISCARD SEQUENCES / DISCARD ALL. */
    public void discard() {
        cache.clear();
        lastValues.clear();
        lastUsed = null;
    }

    /** A dropped sequence is forgotten. */
    public void forget(int seqOid) {
        lastValues.remove(seqOid);
        if (lastUsed != null && lastUsed == seqOid) {
            lastUsed = null;
        }
    }
}
