/**
 * The postmaster and its auxiliary processes as Pekko typed actors (PostgreSQL's {@code src/backend/postmaster}):
 * {@link dev.tusk.postmaster.Postmaster} (guardian, TCP listener, one {@link dev.tusk.tcop.Backend} child per
 * client connection), {@link dev.tusk.postmaster.WalWriter}, {@link dev.tusk.postmaster.Checkpointer} and
 * {@link dev.tusk.postmaster.BgWriter}; {@link dev.tusk.postmaster.BackendRegistry} holds the connection slots
 * (max_connections) and cancel keys all backends share.
 *
 * <p>Invariants:
 * <ul>
 * <li>No actor blocks its own thread: fsync, page writes and checkpoints run on the {@code tusk.io-dispatcher}
 *     ({@link dev.tusk.postmaster.BlockingIo}) and come back to the actor as a message; an actor keeps at
 *     most one such task in flight, so its state is only touched by its own message handler.</li>
 * <li>Group commit: committers never fsync themselves while the WalWriter runs; every flush request that
 *     arrives while a flush is in flight is served by the next single {@code XLog.flushAll()}.</li>
 * <li>Checkpoints never overlap; requests that arrive during one are served together by the next one
 *     (a checkpoint that started before a request cannot satisfy it).</li>
 * <li>Sessions never run on an actor's thread: each protocol message of a session is one task on the
 *     {@code tusk.backend-dispatcher} (virtual threads), at most one per session at a time; the Backend pulls the
 *     next message from its socket only when the task is done.</li>
 * <li>Shutdown order: new sessions refused (57P03); smart waits for the sessions, fast cancels every running
 *     statement (again every 100 ms until it stops), ends the sessions (57P01, rollback) and waits until they are
 *     closed — at most {@code ListenSettings.fastShutdownGrace} (10 s), after which it continues as immediate, since
 *     a statement that ignores cancels may still be using the engine; then the listen sockets close, the shutdown checkpoint runs, then the
 *     WalWriter and BgWriter stop (after their in-flight task), then the engine closes. Immediate drops the
 *     connections and closes the engine without a checkpoint. The engine is never closed while an auxiliary task touches it.</li>
 * <li>Connection loss: a client that disconnects without Terminate while a frame runs gets its statement
 *     cancelled (like PostgreSQL's client_connection_check_interval), the frames queued behind it are dropped and
 *     the session closes (rolling back) as soon as the frame is done. After a Terminate, queued frames still run.</li>
 * <li>At most 2 * max_connections + 20 connections may exist at once, counting those that have not sent their
 *     StartupMessage yet (which hold no slot); beyond that a connection gets FATAL 53300 at once.</li>
 * </ul>
 */
package dev.tusk.postmaster;
