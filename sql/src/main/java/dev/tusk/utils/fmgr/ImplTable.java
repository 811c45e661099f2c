package dev.tusk.utils.fmgr;

import java.util.HashMap;
import java.util.Map;

/**
 * Java bodies of built-in functions, keyed by PostgreSQL's C symbol (pg_proc.prosrc, so every pg_proc row and
 * operator naming that symbol gets the body) or by signature {@code name(oid oid ...)} for rows whose prosrc is
 * shared or is SQL text. The function libraries fill it; {@link FunctionRegistry#builtin} joins it with
 * pg_proc.tsv.
 */
public final class ImplTable {
    final Map<String, FunctionImpl> scalars = new HashMap<>();
    final Map<String, SetFunctionImpl> sets = new HashMap<>();
    final Map<String, AggregateDef> aggregates = new HashMap<>();
    final java.util.List<Resolver> resolvers = new java.util.ArrayList<>();

    /** Supplies bodies for whole families of pg_proc rows (e.g. every comparison function). */
    @FunctionalInterface
    public interface Resolver {
        /** A body for this pg_proc row, or null. */
        FunctionImpl find(String name, String prosrc, java.util.List<Integer> argTypes, int returnType);
    }

    public ImplTable resolver(Resolver r) {
        resolvers.add(r);
        return this;
    }

    /** A scalar body for a prosrc symbol or a {@code name(argoids)} signature. */
    public ImplTable fn(String key, FunctionImpl impl) {
        scalars.put(key, impl);
        return this;
    }

    /** Unary convenience. */
    public ImplTable fn1(String key, java.util.function.Function<Object, Object> impl) {
        return fn(key, (ctx, t, a) -> impl.apply(a[0]));
    }

    /** Binary convenience. */
    public ImplTable fn2(String key, java.util.function.BinaryOperator<Object> impl) {
        return fn(key, (ctx, t, a) -> impl.apply(a[0], a[1]));
    }

    public ImplTable set(String key, SetFunctionImpl impl) {
        sets.put(key, impl);
        return this;
    }

    /** An aggregate body, keyed by signature {@code name(argoids)}. */
    public ImplTable agg(String signature, AggregateDef def) {
        aggregates.put(signature, def);
        return this;
    }
}
