package dev.tusk.utils.fmgr;

import java.util.List;

/**
 * One pg_proc row with its Java body. Exactly one of {@code impl}, {@code setImpl}, {@code aggregate} is set
 * (by prokind/proretset). Polymorphic signatures use anyelement/anyarray/anycompatible* OIDs; a variadic
 * function has {@code variadicType} = the element type of its last (array) parameter ({@code any} = 2276 for
 * VARIADIC "any" such as concat/format), else 0.
 *
 * @param oid         pg_proc OID (PostgreSQL's real OID for built-ins where one exists)
 * @param name        proname
 * @param namespace   pronamespace (11 = pg_catalog)
 * @param argTypes    proargtypes, in order
 * @param variadicType provariadic
 * @param returnType  prorettype
 * @param returnsSet  proretset
 * @param strict      proisstrict: NULL in any argument gives NULL without a call
 * @param volatility  provolatile
 * @param prosrc      the C symbol PostgreSQL names for it (pg_proc.prosrc), e.g. {@code int4pl}
 */
public record FunctionDef(int oid, String name, int namespace, List<Integer> argTypes, int variadicType,
        int returnType, boolean returnsSet, boolean strict, Volatility volatility, String prosrc,
        FunctionImpl impl, SetFunctionImpl setImpl, AggregateDef aggregate) {

    public static final int PG_CATALOG = 11;

    public FunctionDef {
        argTypes = List.copyOf(argTypes);
    }

    /** pg_proc.prokind: 'a' aggregate, 'f' function. */
    public char prokind() {
        return aggregate != null ? 'a' : 'f';
    }

    public boolean isAggregate() {
        return aggregate != null;
    }

    public int nargs() {
        return argTypes.size();
    }

    /** Calls a scalar function, honouring strictness. */
    public Object call(FunctionContext ctx, int[] argTypes, Object... args) {
        if (strict) {
            for (Object a : args) {
                if (a == null) {
                    return null;
                }
            }
        }
        return impl.invoke(ctx, argTypes, args);
    }
}
