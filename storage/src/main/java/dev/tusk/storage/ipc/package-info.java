/**
 * Inter-transaction shared state (PostgreSQL's {@code storage/ipc}): the running-transaction array.
 *
 * <p>Invariants:
 * <ul>
 * <li>An xid is published in the {@link dev.tusk.storage.ipc.ProcArray} under its exclusive lock in the same
 *     step that allocates it: every xid below a snapshot's {@code xmax} is either listed in its {@code xip}
 *     or had already ended when the snapshot was taken.</li>
 * <li>Commit order: WAL commit record (flushed when synchronous), then clog, then removal from the array
 *     (exclusive lock), then waking waiters. A reader that finds an xid no longer running therefore always
 *     finds its final status in the clog; a crashed transaction is neither running nor committed and so
 *     counts as aborted.</li>
 * <li>Lock order: ProcArray lock before the clog lock is never needed; neither is held while doing I/O or
 *     waiting for another transaction.</li>
 * </ul>
 */
package dev.tusk.storage.ipc;
