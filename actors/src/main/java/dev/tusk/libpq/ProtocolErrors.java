package dev.tusk.libpq;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/**
 * The wire protocol's error messages in PostgreSQL's wording ({@code postmaster.c}, {@code postgres.c},
 * {@code pqformat.c}, {@code auth.c}, {@code auth-scram.c}), one factory per message. FATAL ones end the
 * connection; ERROR ones end the current message (and, in the extended protocol, everything up to Sync).
 */
public final class ProtocolErrors {
    private ProtocolErrors() {
    }

    static TuskException fatal(SqlState state, String message) {
        return new TuskException(Severity.FATAL, state, message, null, null, 0, null);
    }

    static TuskException error(SqlState state, String message) {
        return new TuskException(state, message);
    }

    public static TuskException invalidStartupPacketLength() {
        return fatal(SqlState.PROTOCOL_VIOLATION, "invalid length of startup packet");
    }

    public static TuskException invalidStartupPacketLayout() {
        return fatal(SqlState.PROTOCOL_VIOLATION, "invalid startup packet layout: expected terminator as last byte");
    }

    public static TuskException unsupportedProtocol(int major, int minor) {
        return fatal(SqlState.FEATURE_NOT_SUPPORTED, "unsupported frontend protocol " + major + "." + minor
                + ": server supports 3.0 to 3.0");
    }

    public static TuskException noUserName() {
        return fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                "no PostgreSQL user name specified in startup packet");
    }

    public static TuskException invalidMessageLength() {
        return fatal(SqlState.PROTOCOL_VIOLATION, "invalid message length");
    }

    public static TuskException invalidFrontendMessageType(int type) {
        return fatal(SqlState.PROTOCOL_VIOLATION, "invalid frontend message type " + type);
    }

    /**
     * pq_getmsgend: bytes left over, or counts that disagree with the content. Like the two below it is an ERROR,
     * as in PostgreSQL: the message was framed correctly, so the session can go on (before the session exists
     * every error is FATAL).
     */
    public static TuskException invalidMessageFormat() {
        return error(SqlState.PROTOCOL_VIOLATION, "invalid message format");
    }

    public static TuskException insufficientData() {
        return error(SqlState.PROTOCOL_VIOLATION, "insufficient data left in message");
    }

    public static TuskException invalidString() {
        return error(SqlState.PROTOCOL_VIOLATION, "invalid string in message");
    }

    public static TuskException invalidByteSequence(String bytes) {
        return error(SqlState.CHARACTER_NOT_IN_REPERTOIRE, "invalid byte sequence for encoding \"UTF8\": " + bytes);
    }

    public static TuskException tooManyClients() {
        return fatal(SqlState.TOO_MANY_CONNECTIONS, "sorry, too many clients already");
    }

    public static TuskException shuttingDown() {
        return fatal(SqlState.CANNOT_CONNECT_NOW, "the database system is shutting down");
    }

    public static TuskException adminShutdown() {
        return fatal(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command");
    }

    /** PostgreSQL's quickdie sends this as a WARNING (to the client only), then drops the connection. */
    public static TuskException immediateShutdown() {
        return new TuskException(Severity.WARNING, SqlState.ADMIN_SHUTDOWN,
                "terminating connection due to immediate shutdown command", null, null, 0, null);
    }

    public static TuskException noHbaEntry(String host, String user, String database) {
        return fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "no pg_hba.conf entry for host \"" + host
                + "\", user \"" + user + "\", database \"" + database + "\", no encryption");
    }

    public static TuskException hbaRejects(String host, String user, String database) {
        return fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "pg_hba.conf rejects connection for host \""
                + host + "\", user \"" + user + "\", database \"" + database + "\", no encryption");
    }

    public static TuskException passwordFailed(String user) {
        return fatal(SqlState.INVALID_PASSWORD, "password authentication failed for user \"" + user + "\"");
    }

    public static TuskException methodNotSupported(String method, String user) {
        return fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "authentication method \"" + method
                + "\" is not supported for user \"" + user + "\" on TCP/IP connections");
    }

    public static TuskException expectedPasswordResponse(int type) {
        return fatal(SqlState.PROTOCOL_VIOLATION, "expected password response, got message type " + type);
    }

    public static TuskException expectedSaslResponse(int type) {
        return fatal(SqlState.PROTOCOL_VIOLATION, "expected SASL response, got message type " + type);
    }

    public static TuskException invalidPasswordPacketSize() {
        return fatal(SqlState.PROTOCOL_VIOLATION, "invalid password packet size");
    }

    public static TuskException invalidSaslMechanism() {
        return fatal(SqlState.PROTOCOL_VIOLATION, "client selected an invalid SASL authentication mechanism");
    }

    public static TuskException malformedScram(String detail) {
        return new TuskException(Severity.FATAL, SqlState.PROTOCOL_VIOLATION, "malformed SCRAM message", detail,
                null, 0, null);
    }

    public static TuskException scramChannelBindingFailed() {
        return new TuskException(Severity.FATAL, SqlState.PROTOCOL_VIOLATION, "SCRAM channel binding check failed",
                null, null, 0, null);
    }

    public static TuskException scramAuthzidUnsupported() {
        return fatal(SqlState.FEATURE_NOT_SUPPORTED, "client uses authorization identity, but it is not supported");
    }

    public static TuskException scramExtensionUnsupported() {
        return fatal(SqlState.FEATURE_NOT_SUPPORTED, "client requires an unsupported SCRAM extension");
    }

    public static TuskException duplicateStatement(String name) {
        return error(SqlState.DUPLICATE_PSTATEMENT, "prepared statement \"" + name + "\" already exists");
    }

    public static TuskException unknownStatement(String name) {
        return error(SqlState.INVALID_SQL_STATEMENT_NAME, name.isEmpty()
                ? "unnamed prepared statement does not exist"
                : "prepared statement \"" + name + "\" does not exist");
    }

    public static TuskException duplicateCursor(String name) {
        return error(SqlState.DUPLICATE_CURSOR, "cursor \"" + name + "\" already exists");
    }

    public static TuskException unknownPortal(String name) {
        return error(SqlState.INVALID_CURSOR_NAME, "portal \"" + name + "\" does not exist");
    }

    public static TuskException bindFormatCount(int formats, int params) {
        return error(SqlState.PROTOCOL_VIOLATION, "bind message has " + formats + " parameter formats but "
                + params + " parameters");
    }

    public static TuskException bindParamCount(int supplied, String statement, int required) {
        return error(SqlState.PROTOCOL_VIOLATION, "bind message supplies " + supplied
                + " parameters, but prepared statement \"" + statement + "\" requires " + required);
    }

    public static TuskException bindResultFormatCount(int formats, int columns) {
        return error(SqlState.PROTOCOL_VIOLATION, "bind message has " + formats + " result formats but query has "
                + columns + " columns");
    }

    public static TuskException unsupportedFormatCode(int code) {
        return error(SqlState.INVALID_PARAMETER_VALUE, "unsupported format code: " + code);
    }

    public static TuskException invalidDescribeType(int type) {
        return error(SqlState.PROTOCOL_VIOLATION, "invalid DESCRIBE message subtype " + type);
    }

    public static TuskException invalidCloseType(int type) {
        return error(SqlState.PROTOCOL_VIOLATION, "invalid CLOSE message subtype " + type);
    }

    public static TuskException unexpectedDuringCopy(int type) {
        return error(SqlState.PROTOCOL_VIOLATION, String.format("unexpected message type 0x%02X during COPY from stdin",
                type));
    }

    public static TuskException copyFailed(String message) {
        return error(SqlState.QUERY_CANCELED, "COPY from stdin failed: " + message);
    }

    public static TuskException fastpathUnsupported() {
        return error(SqlState.FEATURE_NOT_SUPPORTED, "fastpath function calls are not supported");
    }

    public static TuskException internal(Throwable cause) {
        return new TuskException(SqlState.INTERNAL_ERROR, String.valueOf(cause), cause);
    }

    /**
     * A JVM stack overflow in a session (deeply nested expressions): PostgreSQL's check_stack_depth error. Sent as
     * FATAL because the statement was interrupted where it could not clean up after itself.
     */
    public static TuskException stackDepthExceeded() {
        return new TuskException(Severity.FATAL, SqlState.STATEMENT_TOO_COMPLEX, "stack depth limit exceeded", null,
                "Increase the configuration parameter \"max_stack_depth\" (currently 2048kB), after ensuring the "
                        + "platform's stack depth limit is adequate.", 0, null);
    }

    /** The JVM ran out of heap while serving this session; the session ends, the server goes on. */
    public static TuskException outOfMemory() {
        return new TuskException(Severity.FATAL, SqlState.OUT_OF_MEMORY, "out of memory", null, null, 0, null);
    }
}
