package dev.tusk.access.transam;

/** The 2-bit transaction status kept in the clog (PostgreSQL's {@code XidStatus}, {@code clog.h}). */
public enum XidStatus {
    /** TRANSACTION_STATUS_IN_PROGRESS: also what a crashed transaction is left with. */
    IN_PROGRESS(0),
    /** TRANSACTION_STATUS_COMMITTED. */
    COMMITTED(1),
    /** TRANSACTION_STATUS_ABORTED. */
    ABORTED(2),
    /** TRANSACTION_STATUS_SUB_COMMITTED: a subtransaction whose parent has not committed yet. */
    SUB_COMMITTED(3);

    private static final XidStatus[] BY_CODE = values();

    private final int code;

    XidStatus(int code) {
        this.code = code;
    }

    /** The two bits stored on the clog page. */
    public int code() {
        return code;
    }

    public static XidStatus ofCode(int code) {
        return BY_CODE[code & 3];
    }
}
