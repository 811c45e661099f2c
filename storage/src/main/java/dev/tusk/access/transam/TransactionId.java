package dev.tusk.access.transam;

/**
 * Special 64-bit transaction ids (PostgreSQL's {@code transam.h}). Tusk's xids never wrap around, so
 * comparison is plain {@code long} comparison ({@code TransactionIdPrecedes} without the modulo).
 */
public final class TransactionId {
    /** InvalidTransactionId. */
    public static final long INVALID = 0;
    /** BootstrapTransactionId: rows written by initdb; always committed. */
    public static final long BOOTSTRAP = 1;
    /** FrozenTransactionId: rows frozen by VACUUM FREEZE; always committed, visible to everyone. */
    public static final long FROZEN = 2;
    /** FirstNormalTransactionId. */
    public static final long FIRST_NORMAL = 3;

    private TransactionId() {
    }

    /** TransactionIdIsValid. */
    public static boolean isValid(long xid) {
        return xid != INVALID;
    }

    /** TransactionIdIsNormal. */
    public static boolean isNormal(long xid) {
        return xid >= FIRST_NORMAL;
    }
}
