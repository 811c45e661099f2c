package dev.tusk.access.transam;

/** Resource manager ids, numbered as in PostgreSQL's {@code rmgrlist.h}. */
public final class RmgrId {
    public static final int XLOG = 0;
    public static final int XACT = 1;
    public static final int SMGR = 2;
    public static final int CLOG = 3;
    public static final int DBASE = 4;
    public static final int TBLSPC = 5;
    public static final int MULTIXACT = 6;
    public static final int RELMAP = 7;
    public static final int STANDBY = 8;
    public static final int HEAP2 = 9;
    public static final int HEAP = 10;
    public static final int BTREE = 11;
    public static final int HASH = 12;
    public static final int GIN = 13;
    public static final int GIST = 14;
    /** RM_SEQ_ID: sequence pages. */
    public static final int SEQ = 15;
    /** One past the highest id in use; redo tables are sized by it. */
    public static final int MAX = 16;

    private RmgrId() {
    }
}
