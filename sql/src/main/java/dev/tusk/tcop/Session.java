package dev.tusk.tcop;

import java.util.List;
import java.util.Map;

/**
 * One client session's SQL state: settings (GUCs), the transaction block, and the statements and portals that
 * the protocol layer names. All methods but {@link #cancel()} are called from one thread at a time. Errors are
 * thrown as {@link dev.tusk.utils.error.TuskException} carrying SQLSTATE, message and cursor position; after an
 * error inside a transaction block the session is in the failed state until ROLLBACK.
 */
public interface Session extends AutoCloseable {
    /**
     * Parses a simple-Query string into its statements (exec_simple_query). Syntax errors throw with the
     * 1-based character position; an empty or comment-only string gives an empty list.
     */
    List<PreparedStatement> parseSimple(String sql);

    /**
     * The Parse message: at most one statement. {@code paramTypeOids} may be shorter than the number of
     * parameters used and may hold 0 for "infer it"; the result reports the resolved types.
     */
    PreparedStatement prepare(String sql, int[] paramTypeOids);

    /**
     * The Bind message. {@code params} are the raw values (null = SQL NULL), each in text (0) or binary (1)
     * format as {@code paramFormats} says (Bind's rules: none = all text, one = applies to all).
     * {@code resultFormats} likewise. Input errors throw 22P02 etc.
     */
    Portal bind(PreparedStatement statement, List<byte[]> params, short[] paramFormats, short[] resultFormats);

    /**
     * The Sync message (PostgreSQL's finish_xact_command at Sync): an implicit transaction left by extended-protocol
     * messages commits here, or rolls back after an error. Portals outside a transaction block end with it.
     */
    default void sync() {
    }

    /** 'I' idle, 'T' in a transaction block, 'E' in a failed transaction block (ReadyForQuery's status byte). */
    char transactionStatus();

    /**
     * Settings the client must be told about with ParameterStatus (server_version, client_encoding, DateStyle,
     * TimeZone, integer_datetimes, standard_conforming_strings, application_name, is_superuser,
     * session_authorization, IntervalStyle, server_encoding) — all of them at startup, and after each
     * statement those whose value changed since the last call.
     */
    Map<String, String> drainParameterChanges();

    /** Notices (warnings, notices) raised since the last call, in order. */
    List<dev.tusk.utils.error.TuskException> drainNotices();

    /**
     * Requests cancellation of the statement now running (from any thread). The running statement fails with
     * 57014 "canceling statement due to user request" at its next check; a no-op when idle.
     */
    void cancel();

    /**
     * Ends the session: a transaction still open is rolled back. Called on Terminate, on connection loss and on
     * fast shutdown.
     */
    @Override
    void close();
}
