package dev.tusk.access.sequence;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/**
 * A sequence's parameters as {@code pg_sequence} stores them (seqincrement, seqmin, seqmax, seqstart,
 * seqcache, seqcycle). {@link #resolve} fills in PostgreSQL's defaults and checks them as {@code init_params}
 * does; int8 sequences only (the caller narrows bounds for smallint/integer sequences).
 */
public record SequenceParams(long increment, long minValue, long maxValue, long start, long cache, boolean cycle) {
    /** Ascending by 1 from 1 to 2^63-1, no cycling, cache 1 (CREATE SEQUENCE s). */
    public static SequenceParams defaults() {
        return resolve(null, null, null, null, null, null);
    }

    /**
     * init_params: any argument may be null for its default (increment 1; an ascending sequence runs from 1 to
     * 2^63-1, a descending one from -2^63 to -1; start at the minimum when ascending, the maximum when
     * descending; cache 1; no cycle). Errors as PostgreSQL's (22023).
     */
    public static SequenceParams resolve(Long increment, Long minValue, Long maxValue, Long start, Long cache,
            Boolean cycle) {
        long inc = increment == null ? 1 : increment;
        if (inc == 0) {
            throw invalid("INCREMENT must not be zero");
        }
        long min = minValue != null ? minValue : inc > 0 ? 1 : Long.MIN_VALUE;
        long max = maxValue != null ? maxValue : inc > 0 ? Long.MAX_VALUE : -1;
        if (min >= max) {
            throw invalid("MINVALUE (" + min + ") must be less than MAXVALUE (" + max + ")");
        }
        long st = start != null ? start : inc > 0 ? min : max;
        if (st < min) {
            throw invalid("START value (" + st + ") cannot be less than MINVALUE (" + min + ")");
        }
        if (st > max) {
            throw invalid("START value (" + st + ") cannot be greater than MAXVALUE (" + max + ")");
        }
        long c = cache == null ? 1 : cache;
        if (c <= 0) {
            throw invalid("CACHE (" + c + ") must be greater than zero");
        }
        return new SequenceParams(inc, min, max, st, c, cycle != null && cycle);
    }

    private static TuskException invalid(String message) {
        return new TuskException(SqlState.INVALID_PARAMETER_VALUE, message);
    }
}
