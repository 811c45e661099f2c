package dev.tusk.tcop;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A session of {@link ScriptedEngine}. Commands (one per statement, ';' separates statements in a simple Query):
 * {@code select N[, M...]} one int4 row; {@code echo $1 [$2...]} the parameters back with their types;
 * {@code generate N} N int8 rows made one at a time; {@code sleep MS} waits, cancellable; {@code spin MS} waits
 * and ignores cancels (an executor loop that never checks for interrupts); {@code begin},
 * {@code commit}, {@code rollback}; {@code fail} ERROR 22012 at position 8; {@code fatal} a FATAL error;
 * {@code notice} raises a NOTICE; {@code set NAME VALUE} reports a ParameterStatus; {@code copy in};
 * {@code copy out N}; {@code overflow} recurses until the stack overflows; anything else is a syntax error.
 */
public final class ScriptedSession implements Session {
    static final int INT4 = 23;
    static final int INT8 = 20;
    static final int TEXT = 25;

    private final ScriptedEngine engine;
    final SessionStart start;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> changed = new LinkedHashMap<>();
    private final List<TuskException> notices = new ArrayList<>();
    private char status = 'I';
    private volatile boolean running;
    private volatile boolean cancelRequested;
    volatile boolean closed;
    volatile boolean rolledBackAtClose;

    ScriptedSession(ScriptedEngine engine, SessionStart start) {
        this.engine = engine;
        this.start = start;
        settings.put("server_version", "15.0 (Tusk test)");
        settings.put("server_encoding", "UTF8");
        settings.put("client_encoding", "UTF8");
        settings.put("DateStyle", "ISO, MDY");
        settings.put("TimeZone", "UTC");
        settings.put("integer_datetimes", "on");
        settings.put("standard_conforming_strings", "on");
        settings.put("IntervalStyle", "postgres");
        settings.put("is_superuser", "on");
        settings.put("session_authorization", start.user());
        settings.put("application_name", start.options().getOrDefault("application_name", ""));
        changed.putAll(settings);
    }

    record Stmt(String sql, String[] words, int[] paramTypeOids, List<ResultColumn> columns)
            implements PreparedStatement {
        @Override
        public boolean isEmpty() {
            return words.length == 0;
        }
    }

    @Override
    public List<PreparedStatement> parseSimple(String sql) {
        List<PreparedStatement> out = new ArrayList<>();
        for (String part : sql.split(";")) {
            if (!part.isBlank()) {
                out.add(analyze(part.trim(), new int[0]));
            }
        }
        return out;
    }

    @Override
    public PreparedStatement prepare(String sql, int[] paramTypeOids) {
        long statements = java.util.Arrays.stream(sql.split(";")).filter(s -> !s.isBlank()).count();
        if (statements > 1) {
            throw new TuskException(SqlState.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
        }
        return analyze(sql.replace(";", "").trim(), paramTypeOids);
    }

    private Stmt analyze(String sql, int[] given) {
        String[] words = sql.isEmpty() ? new String[0] : sql.toLowerCase(Locale.ROOT).split("[\\s,]+");
        int params = 0;
        for (String w : words) {
            if (w.startsWith("$")) {
                params = Math.max(params, Integer.parseInt(w.substring(1)));
            }
        }
        int[] types = new int[params];
        for (int i = 0; i < params; i++) {
            types[i] = i < given.length && given[i] != 0 ? given[i] : TEXT;
        }
        if (words.length == 0) {
            return new Stmt(sql, words, types, null);
        }
        List<ResultColumn> columns = switch (words[0]) {
            case "select" -> {
                List<ResultColumn> cols = new ArrayList<>();
                for (int i = 1; i < words.length; i++) {
                    cols.add(column("?column?", INT4));
                }
                yield cols;
            }
            case "echo" -> {
                List<ResultColumn> cols = new ArrayList<>();
                for (int i = 1; i < words.length; i++) {
                    cols.add(column("p" + i, types[Integer.parseInt(words[i].substring(1)) - 1]));
                }
                yield cols;
            }
            case "generate" -> List.of(column("n", INT8));
            case "sleep", "spin" -> List.of(column("slept", INT4));
            case "show" -> List.of(column(words[1], TEXT));
            case "begin", "commit", "end", "rollback", "fail", "fatal", "notice", "set", "copy", "overflow" -> null;
            default -> throw new TuskException(Severity.ERROR, SqlState.SYNTAX_ERROR,
                    "syntax error at or near \"" + sql.split("\\s+")[0] + "\"", null, null, 1, null);
        };
        return new Stmt(sql, words, types, columns);
    }

    private static ResultColumn column(String name, int type) {
        short len = (short) (type == INT4 ? 4 : type == INT8 ? 8 : -1);
        return new ResultColumn(name, 0, (short) 0, type, len, -1, (short) 0);
    }

    @Override
    public Portal bind(PreparedStatement statement, List<byte[]> params, short[] paramFormats,
            short[] resultFormats) {
        Stmt stmt = (Stmt) statement;
        Object[] values = new Object[params.size()];
        for (int i = 0; i < values.length; i++) {
            short format = paramFormats.length == 0 ? 0 : paramFormats.length == 1 ? paramFormats[0] : paramFormats[i];
            values[i] = decode(params.get(i), stmt.paramTypeOids()[i], format);
            if (format == 1) {
                engine.binaryParams.incrementAndGet();
            }
        }
        List<ResultColumn> columns = null;
        if (stmt.columns() != null) {
            columns = new ArrayList<>();
            for (int i = 0; i < stmt.columns().size(); i++) {
                short format = resultFormats.length == 0 ? 0 : resultFormats.length == 1 ? resultFormats[0]
                        : resultFormats[i];
                columns.add(stmt.columns().get(i).withFormat(format));
            }
        }
        return new ScriptedPortal(this, stmt, values, columns);
    }

    private static Object decode(byte[] raw, int type, short format) {
        if (raw == null) {
            return null;
        }
        if (format == 1) {
            return switch (type) {
                case INT4 -> ByteBuffer.wrap(raw).getInt();
                case INT8 -> ByteBuffer.wrap(raw).getLong();
                default -> new String(raw, StandardCharsets.UTF_8);
            };
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        try {
            return switch (type) {
                case INT4 -> Integer.parseInt(text);
                case INT8 -> Long.parseLong(text);
                default -> text;
            };
        } catch (NumberFormatException e) {
            throw new TuskException(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type integer: \"" + text + "\"");
        }
    }

    byte[] encode(Object value, ResultColumn column) {
        if (value == null) {
            return null;
        }
        if (column.format() == 1) {
            engine.binaryResults.incrementAndGet();
            return switch (value) {
                case Integer i -> ByteBuffer.allocate(4).putInt(i).array();
                case Long l -> ByteBuffer.allocate(8).putLong(l).array();
                default -> value.toString().getBytes(StandardCharsets.UTF_8);
            };
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Runs a statement's effect; called by the portal on the session's thread. */
    ExecutionResult run(ScriptedPortal portal, long maxRows, ResultSink sink) {
        Stmt stmt = portal.statement;
        String cmd = stmt.words()[0];
        if (status == 'E' && !cmd.equals("rollback") && !cmd.equals("commit") && !cmd.equals("end")) {
            throw new TuskException(SqlState.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        running = true;
        cancelRequested = false;
        try {
            return runCommand(portal, cmd, maxRows, sink);
        } catch (TuskException e) {
            if (status == 'T') {
                status = 'E';
            }
            throw e;
        } finally {
            running = false;
        }
    }

    private ExecutionResult runCommand(ScriptedPortal portal, String cmd, long maxRows, ResultSink sink) {
        String[] w = portal.statement.words();
        switch (cmd) {
            case "select" -> {
                byte[][] row = new byte[w.length - 1][];
                for (int i = 1; i < w.length; i++) {
                    row[i - 1] = encode(Integer.parseInt(w[i]), portal.columns().get(i - 1));
                }
                sink.row(row);
                return new ExecutionResult.Completed("SELECT 1");
            }
            case "echo" -> {
                byte[][] row = new byte[w.length - 1][];
                for (int i = 1; i < w.length; i++) {
                    row[i - 1] = encode(portal.params[Integer.parseInt(w[i].substring(1)) - 1],
                            portal.columns().get(i - 1));
                }
                sink.row(row);
                return new ExecutionResult.Completed("SELECT 1");
            }
            case "generate" -> {
                long total = Long.parseLong(w[1]);
                long sent = 0;
                while (portal.position < total) {
                    if (maxRows > 0 && sent == maxRows) {
                        return new ExecutionResult.Suspended();
                    }
                    checkCancel();
                    portal.position++;
                    engine.rowsProduced.incrementAndGet();
                    sink.row(new byte[][] {encode(portal.position, portal.columns().get(0))});
                    sent++;
                }
                return new ExecutionResult.Completed("SELECT " + total);
            }
            case "sleep", "spin" -> {
                // "spin" ignores cancels, as a statement stuck outside any interrupt check would.
                busyFor(Long.parseLong(w[1]), cmd.equals("sleep"));
                sink.row(new byte[][] {encode(1, portal.columns().get(0))});
                return new ExecutionResult.Completed("SELECT 1");
            }
            case "show" -> {
                sink.row(new byte[][] {encode(settings.get(w[1]), portal.columns().get(0))});
                return new ExecutionResult.Completed("SHOW");
            }
            case "begin" -> {
                if (status != 'I') {
                    sink.notice(new TuskException(Severity.WARNING, SqlState.ACTIVE_SQL_TRANSACTION,
                            "there is already a transaction in progress", null, null, 0, null));
                }
                status = 'T';
                return new ExecutionResult.Completed("BEGIN");
            }
            case "commit", "end" -> {
                String tag = status == 'E' ? "ROLLBACK" : "COMMIT";
                status = 'I';
                return new ExecutionResult.Completed(tag);
            }
            case "rollback" -> {
                status = 'I';
                return new ExecutionResult.Completed("ROLLBACK");
            }
            case "fail" -> throw new TuskException(Severity.ERROR, SqlState.DIVISION_BY_ZERO, "division by zero",
                    null, null, 8, null);
            case "overflow" -> {
                return new ExecutionResult.Completed("OVERFLOW " + recurse(0));
            }
            case "fatal" -> throw new TuskException(Severity.FATAL, SqlState.ADMIN_SHUTDOWN,
                    "terminating connection due to test", null, null, 0, null);
            case "notice" -> {
                sink.notice(new TuskException(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, "hello from notice",
                        "some detail", "some hint", 0, null));
                return new ExecutionResult.Completed("DO");
            }
            case "set" -> {
                String name = portal.statement.sql().split("\\s+")[1];
                String value = portal.statement.sql().split("\\s+")[w.length - 1].replace("'", "");
                settings.put(name, value);
                changed.put(name, value);
                return new ExecutionResult.Completed("SET");
            }
            case "copy" -> {
                if (w[1].equals("in")) {
                    return copyIn();
                }
                int n = Integer.parseInt(w[2]);
                sink.copyOutStart((short) 0, 1);
                for (int i = 1; i <= n; i++) {
                    sink.copyData((i + "\n").getBytes(StandardCharsets.UTF_8));
                }
                return new ExecutionResult.Completed("COPY " + n);
            }
            default -> throw new IllegalStateException(cmd);
        }
    }

    private ExecutionResult copyIn() {
        StringBuilder received = new StringBuilder();
        return new ExecutionResult.CopyInStarted((short) 0, 1, new ExecutionResult.CopyIn() {
            @Override
            public void data(byte[] chunk) {
                received.append(new String(chunk, StandardCharsets.UTF_8));
                if (received.indexOf("bad") >= 0) {
                    throw new TuskException(SqlState.INVALID_TEXT_REPRESENTATION,
                            "invalid input syntax for type integer: \"bad\"");
                }
            }

            @Override
            public String finish() {
                engine.copied.append(received);
                return "COPY " + received.chars().filter(c -> c == '\n').count();
            }

            @Override
            public void fail(String message) {
                throw new TuskException(SqlState.QUERY_CANCELED, "COPY from stdin failed: " + message);
            }
        });
    }

    /** Runs for {@code millis} in short naps, checking for cancels between them when {@code cancellable}. */
    private void busyFor(long millis, boolean cancellable) {
        long until = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < until) {
            if (cancellable) {
                checkCancel();
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void checkCancel() {
        if (cancelRequested) {
            cancelRequested = false;
            throw new TuskException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        }
    }

    @Override
    public char transactionStatus() {
        return status;
    }

    @Override
    public Map<String, String> drainParameterChanges() {
        Map<String, String> out = new LinkedHashMap<>(changed);
        changed.clear();
        return out;
    }

    @Override
    public List<TuskException> drainNotices() {
        List<TuskException> out = List.copyOf(notices);
        notices.clear();
        return out;
    }

    @Override
    public void cancel() {
        if (running) {
            cancelRequested = true;
        }
    }

    /** Sync reached the session (the protocol calls a public sync() where the implementation has one). */
    public void sync() {
        syncs++;
    }

    volatile int syncs;

    @Override
    public void close() {
        rolledBackAtClose = status != 'I';
        status = 'I';
        closed = true;
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
