/**
 * Lock manager (PostgreSQL's {@code storage/lmgr}). For now: transaction-end waits
 * ({@link dev.tusk.storage.lmgr.XactLockTable}), the base of row-level locking, where a writer that finds a
 * row's xmax held by a running transaction waits for that transaction to end and then re-examines the row.
 *
 * <p>Invariants: a waiter never holds a buffer content lock while it waits (it would block the very
 * transaction it waits for); the wait ends exactly when the awaited transaction has left the ProcArray, at
 * which point its clog status is final. A wait for a subtransaction's xid ends when that subtransaction
 * aborts or when its top level ends (a released subtransaction's xid stays locked until then). A wait polls
 * the {@link dev.tusk.storage.ipc.Interrupts} bound to the waiting thread, so a cancel or timeout ends it.
 */
package dev.tusk.storage.lmgr;
