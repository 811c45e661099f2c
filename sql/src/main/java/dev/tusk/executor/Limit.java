package dev.tusk.executor;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.List;

/**
 * LIMIT/OFFSET (PostgreSQL's nodeLimit.c): both evaluated once at start (they may use parameters); a NULL
 * LIMIT means no limit, a NULL OFFSET none; negative values raise 2201W/2201X as in PostgreSQL.
 */
public record Limit(Plan child, Evaluator offset, Evaluator count) implements Plan {
    @Override
    public ExecNode start(ExecState st) {
        Object[] none = new Object[0];
        long off = 0;
        long cnt = -1;
        if (offset != null) {
            Object v = offset.eval(none, st);
            if (v != null) {
                off = ((Number) v).longValue();
                if (off < 0) {
                    throw new TuskException(SqlState.INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE,
                            "OFFSET must not be negative");
                }
            }
        }
        if (count != null) {
            Object v = count.eval(none, st);
            if (v != null) {
                cnt = ((Number) v).longValue();
                if (cnt < 0) {
                    throw new TuskException(SqlState.INVALID_ROW_COUNT_IN_LIMIT_CLAUSE,
                            "LIMIT must not be negative");
                }
            }
        }
        if (cnt == 0) {
            return Empty.NODE;
        }
        ExecNode in = child.start(st);
        long skip = off;
        long max = cnt;
        return new ExecNode() {
            private long skipped;
            private long returned;

            @Override
            public Object[] next() {
                while (skipped < skip) {
                    if (in.next() == null) {
                        return null;
                    }
                    skipped++;
                }
                if (max >= 0 && returned >= max) {
                    return null;
                }
                Object[] r = in.next();
                if (r != null) {
                    returned++;
                }
                return r;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    public int width() {
        return child.width();
    }

    @Override
    public List<Plan> children() {
        return List.of(child);
    }

    @Override
    public String describe() {
        return "Limit";
    }
}
