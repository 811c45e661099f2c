package dev.tusk.utils.error;

import java.util.Objects;

/**
 * The one error type of Tusk (PostgreSQL's {@code ereport}): a severity, a SQLSTATE, the primary message
 * in PostgreSQL's exact wording, and the optional detail, hint and cursor position. Construct through
 * the per-subsystem factories (for example {@code StorageErrors}) so that each message is written once.
 */
public class TuskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Severity severity;
    private final SqlState sqlState;
    private final String detail;
    private final String hint;
    private final int position;
    private final String context;
    private ErrorObjects objects = ErrorObjects.NONE;

    /**
     * The database object an error is about (ErrorResponse fields s, t, c, d, n: schema, table, column, data
     * type, constraint), which clients such as pgjdbc expose; each may be null.
     */
    public record ErrorObjects(String schema, String table, String column, String dataType, String constraint) {
        public static final ErrorObjects NONE = new ErrorObjects(null, null, null, null, null);
    }

    public TuskException(Severity severity, SqlState sqlState, String message, String detail, String hint,
            int position, Throwable cause) {
        this(severity, sqlState, message, detail, hint, position, null, cause);
    }

    public TuskException(Severity severity, SqlState sqlState, String message, String detail, String hint,
            int position, String context, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.severity = Objects.requireNonNull(severity, "severity");
        this.sqlState = Objects.requireNonNull(sqlState, "sqlState");
        this.detail = detail;
        this.hint = hint;
        this.position = position;
        this.context = context;
    }

    /** An ERROR with only a message. */
    public TuskException(SqlState sqlState, String message) {
        this(Severity.ERROR, sqlState, message, null, null, 0, null);
    }

    /** An ERROR with a message and a cause. */
    public TuskException(SqlState sqlState, String message, Throwable cause) {
        this(Severity.ERROR, sqlState, message, null, null, 0, cause);
    }

    public Severity severity() {
        return severity;
    }

    public SqlState sqlState() {
        return sqlState;
    }

    /** Secondary message, or null. */
    public String detail() {
        return detail;
    }

    /** Suggestion, or null. */
    public String hint() {
        return hint;
    }

    /** 1-based cursor position into the query text, 0 when none. */
    public int position() {
        return position;
    }

    /**
     * Where the error happened, PostgreSQL's CONTEXT lines (ErrorResponse field 'W'), e.g.
     * {@code COPY t, line 2, column b: "x"}; null when none.
     */
    public String context() {
        return context;
    }

    /** The schema, table, column, data type and constraint the error names (never null; fields may be). */
    public ErrorObjects objects() {
        return objects;
    }

    /** This error naming the table (schema + name), as PostgreSQL's errtable() does. */
    public TuskException withTable(String schema, String table) {
        return withObjects(new ErrorObjects(schema, table, objects.column(), objects.dataType(), objects.constraint()));
    }

    /** This error naming a column of the table, as errtablecol() does. */
    public TuskException withColumn(String column) {
        return withObjects(new ErrorObjects(objects.schema(), objects.table(), column, objects.dataType(),
                objects.constraint()));
    }

    /** This error naming a constraint, as errtableconstraint() does. */
    public TuskException withConstraint(String constraint) {
        return withObjects(new ErrorObjects(objects.schema(), objects.table(), objects.column(), objects.dataType(),
                constraint));
    }

    /** This error with all object names replaced. */
    public TuskException withObjects(ErrorObjects names) {
        TuskException copy = new TuskException(severity, sqlState, getMessage(), detail, hint, position, context,
                getCause());
        copy.objects = names == null ? ErrorObjects.NONE : names;
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** This error with a detail line added. */
    public TuskException withDetail(String newDetail) {
        return copyWith(new TuskException(severity, sqlState, getMessage(), newDetail, hint, position, context,
                getCause()));
    }

    /** This error with a hint added. */
    public TuskException withHint(String newHint) {
        return copyWith(new TuskException(severity, sqlState, getMessage(), detail, newHint, position, context,
                getCause()));
    }

    /** This error with a CONTEXT line added below any it already has (as errcontext callbacks stack). */
    public TuskException withContext(String line) {
        String joined = context == null ? line : context + "\n" + line;
        return copyWith(new TuskException(severity, sqlState, getMessage(), detail, hint, position, joined,
                getCause()));
    }

    private TuskException copyWith(TuskException copy) {
        copy.objects = objects;
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    @Override
    public String toString() {
        return severity + ":  " + getMessage() + " (SQLSTATE " + sqlState.code() + ")";
    }
}
