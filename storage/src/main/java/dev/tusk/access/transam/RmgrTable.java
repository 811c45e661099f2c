package dev.tusk.access.transam;

/** Redo routines by resource manager id (PostgreSQL's {@code RmgrTable}). */
public final class RmgrTable {
    private final RedoHandler[] handlers = new RedoHandler[RmgrId.MAX];

    public RmgrTable register(int rmid, RedoHandler handler) {
        handlers[rmid] = handler;
        return this;
    }

    /** The routine for {@code rmid}; a record of an unknown resource manager is corrupt WAL. */
    public RedoHandler get(int rmid) {
        RedoHandler h = rmid >= 0 && rmid < handlers.length ? handlers[rmid] : null;
        if (h == null) {
            throw new WalException("invalid resource manager ID " + rmid + " in WAL record");
        }
        return h;
    }
}
