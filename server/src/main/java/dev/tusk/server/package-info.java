/**
 * The {@code tusk} command line (PostgreSQL's {@code bin/initdb}, {@code bin/pg_ctl}, {@code bin/pg_controldata}
 * and {@code PostmasterMain}'s start-up): {@link dev.tusk.server.Tusk} dispatches to one class per command.
 * {@code start} runs a {@code RunningServer}: storage engine, then SQL engine, then the Postmaster with its
 * listener ({@code Wiring} holds the calls into the other modules); shutdown signals map onto the Postmaster's
 * modes ({@code Signals}: SIGTERM smart, SIGINT fast, SIGUSR1 immediate because a JVM cannot catch SIGQUIT).
 *
 * <p>Invariants:
 * <ul>
 * <li>At most one server runs on a data directory: {@link dev.tusk.server.PidFile} creates
 *     {@code postmaster.pid} with O_EXCL before the engine is opened and removes it only after the engine is
 *     closed; a file whose PID is dead is stale and replaced.</li>
 * <li>Settings come only from {@code postgresql.conf} then {@code postgresql.auto.conf} (later wins), parsed
 *     with PostgreSQL's syntax and units by {@link dev.tusk.server.ConfigFileParser} and checked against the
 *     {@link dev.tusk.server.Guc} table; a bad value stops start-up before anything is opened.</li>
 * <li>Messages keep PostgreSQL's wording ({@link dev.tusk.server.ServerErrors}); commands return PostgreSQL's
 *     exit codes (1 error, 3 for "no server running").</li>
 * </ul>
 */
package dev.tusk.server;
