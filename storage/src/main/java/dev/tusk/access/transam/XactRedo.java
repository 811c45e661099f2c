package dev.tusk.access.transam;

import dev.tusk.storage.RelFileLocator;

/**
 * Redo of XACT records (PostgreSQL's {@code xact_redo}): commit and abort set the clog status of the
 * transaction and its subtransactions, push the next xid past them, and remove the relation files the
 * record lists. Idempotent: setting a status twice or unlinking missing files changes nothing.
 */
public final class XactRedo implements RedoHandler {
    private final Clog clog;
    private final TransamVariables vars;

    public XactRedo(Clog clog, TransamVariables vars) {
        this.clog = clog;
        this.vars = vars;
    }

    @Override
    public void redo(XLogRecord record, RedoContext context) {
        XactRecord x = XactRecord.decode(record.mainData());
        vars.advanceNextXidPast(x.maxXid());
        int op = record.info() & XactRecord.XLOG_XACT_OPMASK;
        XidStatus status = switch (op) {
            case XactRecord.XLOG_XACT_COMMIT -> XidStatus.COMMITTED;
            case XactRecord.XLOG_XACT_ABORT -> XidStatus.ABORTED;
            default -> throw new WalException("xact_redo: unknown op code " + op);
        };
        clog.setTreeStatus(x.xid(), x.subxids(), status, 0);
        for (RelFileLocator rel : x.rels()) {
            PendingDeletes.dropNow(context.buffers(), context.smgr(), rel);
        }
    }
}
