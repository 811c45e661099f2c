package dev.tusk.catalog;

/**
 * One {@code pg_sequence} row: the parameters of a sequence (its current value lives in the sequence's own
 * storage, not here).
 *
 * @param relationOid seqrelid
 * @param typeOid     seqtypid (int2, int4 or int8)
 */
public record SequenceDesc(int relationOid, int typeOid, long start, long increment, long max, long min,
        long cache, boolean cycle) {
}
