/**
 * The traffic cop's engine side (PostgreSQL's {@code tcop/postgres.c}, {@code tcop/pquery.c}): the API the wire
 * protocol (module {@code actors}, package {@code dev.tusk.libpq}) drives a session through.
 *
 * <p>One {@link dev.tusk.tcop.SqlEngine} per running instance hands out one {@link dev.tusk.tcop.Session} per
 * client connection. A session is single-threaded: the backend actor calls it from its own blocking
 * dispatcher, one call at a time; only {@link dev.tusk.tcop.Session#cancel()} comes from another thread.
 * Results leave through a {@link dev.tusk.tcop.ResultSink} row by row, already encoded in the formats the client
 * asked for, so the protocol layer never sees SQL values and a large result never exists in memory at once.
 */
package dev.tusk.tcop;
