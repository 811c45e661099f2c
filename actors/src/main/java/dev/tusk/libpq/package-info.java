/**
 * The frontend/backend protocol 3.0, server side (PostgreSQL's {@code src/backend/libpq}): framing
 * ({@link dev.tusk.libpq.PqFramer}), one decoder per protocol state ({@link dev.tusk.libpq.StartupDecoder} for the
 * untyped startup packets, {@link dev.tusk.libpq.MessageDecoder} for an established session's typed messages, the
 * {@link dev.tusk.libpq.AuthExchange} implementations for the 'p' messages of authentication), the encoders of
 * every backend message ({@link dev.tusk.libpq.BackendMessages}), the batching output side
 * ({@link dev.tusk.libpq.PqOutbox}), client authentication from pg_hba.conf ({@link dev.tusk.libpq.HbaFile},
 * {@link dev.tusk.libpq.ClientAuthentication}: trust, reject, password, md5, SCRAM-SHA-256), the cancel key
 * registry and the TCP listener.
 *
 * <p>Invariants:
 * <ul>
 * <li>Malformed input ends only its own connection: framing errors become a FATAL ErrorResponse in PostgreSQL's
 *     wording, after which the framer reads nothing more; lengths are checked before a body is buffered, so a
 *     huge declared length costs no memory until the bytes actually arrive; before authentication has finished every
 *     typed message is capped at 65535 bytes (PG_MAX_AUTH_TOKEN_LENGTH), so only a logged-in client can send the
 *     large messages (Query, Bind, CopyData up to 1 GB, as PostgreSQL allows; such a message is buffered whole, as
 *     in PostgreSQL).</li>
 * <li>A JVM error in a session (stack overflow from a deeply nested statement, out of memory) ends that session
 *     with FATAL (54001 / 53200) without finishing the interrupted statement; the listener and other sessions go
 *     on.</li>
 * <li>Errors before the session exists are always FATAL; afterwards an ERROR ends the message (and, in the
 *     extended protocol, everything up to Sync), a FATAL ends the connection.</li>
 * <li>Output is written by one thread at a time (the session's task) into {@link dev.tusk.libpq.PqOutbox}, which
 *     sends batches of about 32 kB and flushes at ReadyForQuery, Flush, authentication requests, CopyInResponse
 *     and FATAL errors, as PostgreSQL does; its flush blocks while the connection's bounded queue is full, which is
 *     the backpressure that keeps a large result from piling up in memory.</li>
 * <li>Password checks compare in constant time; an unknown role gets the same exchange as a known one
 *     (SCRAM mock salt) and fails with the same message.</li>
 * </ul>
 *
 * <p>Not offered: SSL and GSS encryption (SSLRequest and GSSENCRequest are answered 'N'), channel binding, Unix
 * domain sockets ({@code local} lines of pg_hba.conf never match), the fastpath function call interface, and
 * role membership for {@code +role} / {@code samerole} in pg_hba.conf (they match the role itself only).
 */
package dev.tusk.libpq;
