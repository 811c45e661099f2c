package dev.tusk.tcop;

import dev.tusk.utils.error.TuskException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a {@link Session} the way the wire protocol does for a simple Query: parse, then bind, describe and run
 * each statement, stopping at the first error. Results come back as text.
 */
public final class TestSession implements AutoCloseable {
    /** One statement's outcome: tag, column names, rows as text (null = NULL). */
    public record Result(String tag, List<String> columns, List<List<String>> rows) {
        public String value() {
            return rows.get(0).get(0);
        }
    }

    /** Everything one Query message produced. */
    public record Outcome(List<Result> results, TuskException error, List<TuskException> notices, char status) {
        public Result last() {
            return results.get(results.size() - 1);
        }
    }

    private final Session session;

    TestSession(Session session) {
        this.session = session;
    }

    public Session session() {
        return session;
    }

    /** Runs a simple Query; errors are returned, not thrown. */
    public Outcome run(String sql) {
        List<Result> results = new ArrayList<>();
        TuskException error = null;
        try {
            for (PreparedStatement ps : session.parseSimple(sql)) {
                if (ps.isEmpty()) {
                    continue;
                }
                try (Portal p = session.bind(ps, List.of(), new short[0], new short[0])) {
                    results.add(execute(p, 0));
                }
            }
        } catch (TuskException e) {
            error = e;
        }
        return new Outcome(results, error, session.drainNotices(), session.transactionStatus());
    }

    /** Runs a simple Query that must succeed; returns the last statement's result. */
    public Result ok(String sql) {
        Outcome o = run(sql);
        if (o.error() != null) {
            throw new AssertionError("unexpected error for " + sql + ": " + o.error() + " detail " + o.error().detail(),
                    o.error());
        }
        return o.last();
    }

    /** Runs a simple Query that must fail; returns the error. */
    public TuskException error(String sql) {
        Outcome o = run(sql);
        if (o.error() == null) {
            throw new AssertionError("expected an error for " + sql);
        }
        return o.error();
    }

    /** COPY ... FROM STDIN with {@code data} sent in chunks of {@code chunk} bytes; returns the tag. */
    public String copyIn(String sql, String data, int chunk) {
        PreparedStatement ps = session.parseSimple(sql).get(0);
        try (Portal p = session.bind(ps, List.of(), new short[0], new short[0])) {
            ExecutionResult r = p.execute(0, null);
            ExecutionResult.CopyIn in = ((ExecutionResult.CopyInStarted) r).copyIn();
            byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i += chunk) {
                in.data(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk)));
            }
            return in.finish();
        }
    }

    /** The single value of a one-row, one-column query. */
    public String value(String sql) {
        return ok(sql).value();
    }

    static Result execute(Portal p, long maxRows) {
        List<ResultColumn> cols = p.columns();
        List<List<String>> rows = new ArrayList<>();
        ExecutionResult r = p.execute(maxRows, new ResultSink() {
            @Override
            public void row(byte[][] fields) {
                List<String> row = new ArrayList<>();
                for (byte[] f : fields) {
                    row.add(f == null ? null : new String(f, StandardCharsets.UTF_8));
                }
                rows.add(row);
            }

            @Override
            public void copyOutStart(short format, int columnCount) {
            }

            @Override
            public void copyData(byte[] data) {
                rows.add(List.of(new String(data, StandardCharsets.UTF_8)));
            }

            @Override
            public void notice(TuskException notice) {
            }
        });
        String tag = r instanceof ExecutionResult.Completed c ? c.commandTag() : r.getClass().getSimpleName();
        return new Result(tag, cols == null ? null : cols.stream().map(ResultColumn::name).toList(), rows);
    }

    @Override
    public void close() {
        session.close();
    }
}
