package dev.tusk.utils.fmgr;

import dev.tusk.utils.adt.SessionFormats;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * What a function may ask about the session calling it (PostgreSQL reaches these through globals such as
 * GetUserId, MyProcPid, GetCurrentTransactionStartTimestamp). The session layer implements it; {@link #basic}
 * is a stand-alone one for tests and for conversions outside a session.
 */
public interface FunctionContext {
    /** Formats and TimeZone in force (DateStyle, IntervalStyle, TimeZone, extra_float_digits...). */
    SessionFormats formats();

    /** current_user (the role name). */
    String currentUser();

    /** session_user. */
    default String sessionUser() {
        return currentUser();
    }

    /** current_database(). */
    String currentDatabase();

    /** pg_backend_pid(). */
    int backendPid();

    /** Start of the current transaction (now(), transaction_timestamp(), CURRENT_TIMESTAMP). */
    Instant transactionTimestamp();

    /** Start of the current statement (statement_timestamp()). */
    Instant statementTimestamp();

    /** The session's random source (random(), setseed()). */
    RandomGenerator random();

    /** Throws 57014 when the statement was cancelled (CHECK_FOR_INTERRUPTS); long loops call it. */
    default void checkInterrupts() {
    }

    /**
     * A session service by type, or null when none: the catalog registers e.g. {@code RegLookup} and its own
     * lookup interfaces for catalog-dependent functions (pg_table_is_visible, format_type, pg_get_expr...).
     */
    default <T> T service(Class<T> type) {
        if (type == dev.tusk.utils.adt.RegLookup.class) {
            return type.cast(formats().regLookup());
        }
        return null;
    }

    /** A context with fixed facts: user "postgres", database "postgres", pid 0, clock = now at each call. */
    static FunctionContext basic(SessionFormats formats) {
        return new BasicFunctionContext(formats);
    }
}
