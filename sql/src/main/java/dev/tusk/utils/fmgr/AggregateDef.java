package dev.tusk.utils.fmgr;

/**
 * An aggregate's machinery (pg_aggregate): a per-group state made by {@code init}, advanced by
 * {@code transition} for each input row, turned into the result by {@code finish}. States are mutable Java
 * objects owned by one group; {@code transition} returns the (possibly same) state. When {@code strict} is
 * true, rows with any NULL argument are skipped by the caller (count(x), sum, min...); count(*) has no
 * arguments. DISTINCT, ORDER BY inside the call and FILTER are the executor's job.
 *
 * @param transType  pg_aggregate.aggtranstype for the catalog (internal = 2281 for Java-object states)
 */
public record AggregateDef(int transType, boolean strict, Init init, Transition transition, Finish finish) {

    @FunctionalInterface
    public interface Init {
        Object create(FunctionContext ctx, int[] argTypes);
    }

    @FunctionalInterface
    public interface Transition {
        Object advance(FunctionContext ctx, Object state, Object[] args);
    }

    @FunctionalInterface
    public interface Finish {
        /** The aggregate's value for the group (null = SQL NULL, e.g. sum over no rows). */
        Object result(FunctionContext ctx, Object state);
    }
}
