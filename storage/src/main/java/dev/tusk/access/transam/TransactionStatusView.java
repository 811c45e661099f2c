package dev.tusk.access.transam;

/**
 * What visibility rules ask about other transactions (PostgreSQL's {@code TransactionIdIsInProgress},
 * {@code TransactionIdDidCommit}, and the hint-bit guard of {@code SetHintBits}). Implemented by
 * {@link TransactionManager}; unit tests supply a table.
 */
public interface TransactionStatusView {
    /** TransactionIdIsInProgress: the xid belongs to a transaction that is running right now. */
    boolean isInProgress(long xid);

    /** TransactionIdDidCommit (a crashed transaction never did). */
    boolean didCommit(long xid);

    /**
     * Whether a committed hint bit for {@code xid} may be written to a page now: only once its commit record
     * is durable, else a page written before the WAL could claim a commit the crash then loses.
     */
    boolean mayHintCommitted(long xid);
}
