package dev.tusk.access.transam;

/**
 * Redo of the XLOG resource manager's own records (PostgreSQL's {@code xlog_redo}): a checkpoint record
 * carries the next xid and next OID as of its redo point, so replay pushes the counters past them; an
 * XLOG_NEXTOID record ({@code XLogPutNextOid}) reserved a range of OIDs, and replay moves the OID counter to
 * its end.
 */
public final class XLogRedo implements RedoHandler {
    /** XLOG_NOOP: a record with no effect (padding, tests that need WAL volume). */
    public static final int XLOG_NOOP = 0x20;
    /** XLOG_NEXTOID: main data is the next OID (8 bytes, little-endian) after a reserved range. */
    public static final int XLOG_NEXTOID = 0x30;

    private final TransamVariables vars;

    public XLogRedo(TransamVariables vars) {
        this.vars = vars;
    }

    /** Main data of an XLOG_NEXTOID record. */
    public static byte[] encodeNextOid(long nextOid) {
        return java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(nextOid).array();
    }

    static long decodeNextOid(byte[] data) {
        return java.nio.ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Override
    public void redo(XLogRecord record, RedoContext context) {
        int info = record.info();
        if (info == CheckPoint.XLOG_CHECKPOINT_SHUTDOWN || info == CheckPoint.XLOG_CHECKPOINT_ONLINE) {
            CheckPoint cp = CheckPoint.decode(record.mainData());
            if (cp.nextXid() > 0) {
                vars.advanceNextXidPast(cp.nextXid() - 1);
            }
            if (cp.nextOid() > 0) {
                vars.redoNextOid(cp.nextOid());
            }
            return;
        }
        if (info == XLOG_NOOP) {
            return;
        }
        if (info == XLOG_NEXTOID) {
            vars.redoNextOid(decodeNextOid(record.mainData()));
            return;
        }
        throw new WalException("xlog_redo: unknown op code " + info + " at " + Lsn.format(record.startLsn()));
    }
}
