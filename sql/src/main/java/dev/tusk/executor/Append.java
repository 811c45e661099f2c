package dev.tusk.executor;

import java.util.List;

/** The rows of each child in turn (PostgreSQL's nodeAppend.c; UNION ALL). */
public record Append(List<Plan> parts) implements Plan {
    @Override
    public ExecNode start(ExecState st) {
        return new ExecNode() {
            private int i = -1;
            private ExecNode cur;

            @Override
            public Object[] next() {
                while (true) {
                    if (cur == null) {
                        if (++i >= parts.size()) {
                            return null;
                        }
                        cur = parts.get(i).start(st);
                    }
                    Object[] r = cur.next();
                    if (r != null) {
                        return r;
                    }
                    cur.close();
                    cur = null;
                }
            }

            @Override
            public void close() {
                if (cur != null) {
                    cur.close();
                    cur = null;
                }
                i = parts.size();
            }
        };
    }

    @Override
    public int width() {
        return parts.get(0).width();
    }

    @Override
    public List<Plan> children() {
        return parts;
    }

    @Override
    public String describe() {
        return "Append";
    }
}
