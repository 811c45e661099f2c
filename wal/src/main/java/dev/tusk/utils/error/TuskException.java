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

    public TuskException(Severity severity, SqlState sqlState, String message, String detail, String hint,
            int position, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.severity = Objects.requireNonNull(severity, "severity");
        this.sqlState = Objects.requireNonNull(sqlState, "sqlState");
        this.detail = detail;
        this.hint = hint;
        this.position = position;
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

    /** This error with a detail line added. */
    public TuskException withDetail(String newDetail) {
        return new TuskException(severity, sqlState, getMessage(), newDetail, hint, position, getCause());
    }

    /** This error with a hint added. */
    public TuskException withHint(String newHint) {
        return new TuskException(severity, sqlState, getMessage(), detail, newHint, position, getCause());
    }

    @Override
    public String toString() {
        return severity + ":  " + getMessage() + " (SQLSTATE " + sqlState.code() + ")";
    }
}
