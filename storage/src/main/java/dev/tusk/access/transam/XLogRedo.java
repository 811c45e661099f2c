package dev.tusk.access.transam;

/**
 * Redo of the XLOG resource manager's own records (PostgreSQL's {@code xlog_redo}): a checkpoint record
 * carries the next xid and next OID as of its redo point, so replay pushes the counters past them.
 */
public final class XLogRedo implements RedoHandler {
    /** XLOG_NOOP: a record with no effect (padding, tests that need WAL volume). */
    public static final int XLOG_NOOP = 0x20;

    private final TransamVariables vars;

    public XLogRedo(TransamVariables vars) {
        this.vars = vars;
    }

    @Override
    public void redo(XLogRecord record, RedoContext context) {
        int info = record.info();
        if (info == CheckPoint.XLOG_CHECKPOINT_SHUTDOWN || info == CheckPoint.XLOG_CHECKPOINT_ONLINE) {
            CheckPoint cp = CheckPoint.decode(record.mainData());
            if (cp.nextXid() > 0) {
                vars.advanceNextXidPast(cp.nextXid() - 1);
            }
            vars.advanceNextOidPast((int) cp.nextOid() - 1);
            return;
        }
        if (info == XLOG_NOOP) {
            return;
        }
        throw new WalException("xlog_redo: unknown op code " + info + " at " + Lsn.format(record.startLsn()));
    }
}
