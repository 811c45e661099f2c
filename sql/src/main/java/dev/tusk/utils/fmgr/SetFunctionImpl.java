package dev.tusk.utils.fmgr;

import java.util.Iterator;

/**
 * A set-returning function body (proretset): one iterator per call, each element a result value (or an
 * {@code Object[]} row for functions returning a record). Same argument rules as {@link FunctionImpl}.
 */
@FunctionalInterface
public interface SetFunctionImpl {
    Iterator<Object> invoke(FunctionContext ctx, int[] argTypes, Object[] args);
}
