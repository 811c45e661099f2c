package dev.tusk.executor;

import java.util.List;

/** Computes a new row from each input row (PostgreSQL's projection, ExecProject). */
public record Project(Plan child, Evaluator[] exprs) implements Plan {
    @Override
    public ExecNode start(ExecState st) {
        ExecNode in = child.start(st);
        int n = exprs.length;
        return new ExecNode() {
            @Override
            public Object[] next() {
                Object[] r = in.next();
                if (r == null) {
                    return null;
                }
                Object[] out = new Object[n];
                for (int i = 0; i < n; i++) {
                    out[i] = exprs[i].eval(r, st);
                }
                return out;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    public int width() {
        return exprs.length;
    }

    @Override
    public List<Plan> children() {
        return List.of(child);
    }

    @Override
    public String describe() {
        return "Project (" + exprs.length + " columns)";
    }
}
