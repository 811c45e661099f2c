package dev.tusk.executor;

import dev.tusk.utils.fmgr.FunctionDef;
import java.util.Iterator;
import java.util.List;

/**
 * A function in FROM (PostgreSQL's nodeFunctionscan.c): a set-returning function streams its values; a scalar
 * function gives one row. A composite result (Object[]) spreads over {@code width} columns; with ordinality a
 * bigint row number follows. A strict SRF with a NULL argument returns no rows.
 */
public record FunctionScan(FunctionDef function, Evaluator[] args, int[] argTypes, Evaluator scalar,
        boolean composite, boolean ordinality, int width, String alias) implements Plan {
    /** A scan whose range-table entry is named like the function. */
    public FunctionScan(FunctionDef function, Evaluator[] args, int[] argTypes, Evaluator scalar, boolean composite,
            boolean ordinality, int width) {
        this(function, args, argTypes, scalar, composite, ordinality, width, null);
    }

    @Override
    public ExecNode start(ExecState st) {
        Iterator<Object> it;
        if (scalar != null) {
            it = java.util.Collections.singletonList(scalar.eval(new Object[0], st)).iterator();
        } else {
            Object[] vals = new Object[args.length];
            boolean nullArg = false;
            for (int i = 0; i < args.length; i++) {
                vals[i] = args[i].eval(new Object[0], st);
                nullArg |= vals[i] == null;
            }
            it = nullArg && function.strict() ? java.util.Collections.emptyIterator()
                    : function.setImpl().invoke(st.context().functions(), argTypes, vals);
        }
        int dataWidth = ordinality ? width - 1 : width;
        return new ExecNode() {
            private long n;

            @Override
            public Object[] next() {
                if (!it.hasNext()) {
                    return null;
                }
                st.tick();
                Object v = it.next();
                Object[] row = new Object[width];
                if (composite && v instanceof Object[] fields) {
                    System.arraycopy(fields, 0, row, 0, Math.min(fields.length, dataWidth));
                } else {
                    row[0] = v;
                }
                if (ordinality) {
                    row[width - 1] = ++n;
                }
                return row;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public List<Plan> children() {
        return List.of();
    }

    @Override
    public String describe() {
        return "Function Scan on " + (function == null ? "scalar" : function.name());
    }
}
