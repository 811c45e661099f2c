/**
 * Snapshots and transaction-local command-id state (PostgreSQL's {@code utils/time}: {@code snapmgr.c},
 * {@code combocid.c}).
 *
 * <p>Invariants:
 * <ul>
 * <li>A {@link dev.tusk.utils.time.Snapshot} is immutable apart from the owning transaction's
 *     {@link dev.tusk.utils.time.OwnXids}, which only grows, or loses the xids of a subtransaction rolled back
 *     to its savepoint (after the clog says aborted): a snapshot taken before lazy xid assignment must still
 *     recognise the transaction's own rows, and rows of an aborted subtransaction must stop being "own" at
 *     once. Own xids are the top-level xid and its live (open or released) subtransactions' xids.</li>
 * <li>{@code xip} holds other transactions' xids only, sorted; {@code xmin <= every xip < xmax}.</li>
 * <li>An xid is "in progress" for a snapshot iff it is {@code >= xmax} or in {@code xip}; an xid below
 *     {@code xmin} has ended and its fate is read from the clog.</li>
 * <li>Combo command ids are private to one transaction and never reach WAL semantics: after the
 *     transaction ends, no one reads the command id of its tuples.</li>
 * </ul>
 */
package dev.tusk.utils.time;
