/**
 * The postmaster and its auxiliary processes as Pekko typed actors (PostgreSQL's {@code src/backend/postmaster}):
 * {@link dev.tusk.postmaster.Postmaster} (guardian), {@link dev.tusk.postmaster.WalWriter},
 * {@link dev.tusk.postmaster.Checkpointer} and {@link dev.tusk.postmaster.BgWriter}.
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
 * <li>Shutdown order: shutdown checkpoint, then the WalWriter and BgWriter stop (after their in-flight
 *     task), then the engine closes. The engine is never closed while an auxiliary task touches it.</li>
 * </ul>
 */
package dev.tusk.postmaster;
