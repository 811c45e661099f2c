/**
 * Inter-transaction shared state (PostgreSQL's {@code storage/ipc}): the running-transaction array, and the
 * per-session interrupt flags ({@link dev.tusk.storage.ipc.Interrupts}, CHECK_FOR_INTERRUPTS) that long
 * storage loops check.
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
 * <li>Subtransaction xids are registered with their top level's entry (in every other snapshot's
 *     {@code xip} until the top level ends) and are removed early only when the subtransaction aborts,
 *     after its clog status is set; {@code isInProgress(subxid)} follows the same rule.</li>
 * <li>Lock order: ProcArray lock before the clog lock is never needed; neither is held while doing I/O or
 *     waiting for another transaction.</li>
 * </ul>
 */
package dev.tusk.storage.ipc;
