package dev.tusk.libpq;

import dev.tusk.utils.error.TuskException;

/**
 * One password-based authentication conversation (PostgreSQL's {@code CheckPasswordAuth}, {@code CheckMD5Auth},
 * {@code CheckSASLAuth}): it writes the first AuthenticationXXX request, then consumes the client's 'p' messages
 * until it succeeds or throws FATAL 28P01. Not thread-safe: one conversation per connection.
 */
public sealed interface AuthExchange permits PasswordExchange, Md5Exchange, ScramExchange {
    /** Writes the first authentication request. */
    void start(PqBuffer out);

    /**
     * Consumes one PasswordMessage / SASLInitialResponse / SASLResponse body. Returns true once the client is
     * authenticated (the caller then sends AuthenticationOk), false when more messages are expected (a request
     * was written to {@code out}); throws the FATAL error on failure.
     */
    boolean respond(byte[] body, PqBuffer out);

    /** The error for a message of another type than 'p' arriving during the conversation. */
    TuskException unexpectedMessage(int type);
}
