package dev.tusk.access.transam;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.smgr.Smgr;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Creating a relation's files under WAL protection (PostgreSQL's {@code RelationCreateStorage} and
 * {@code log_smgrcreate} in {@code catalog/storage.c}, rmgr SMGR). The file is created and the creation
 * logged, and the creating transaction removes the file again if it aborts ({@link PendingDeletes}).
 * Record {@code XLOG_SMGR_CREATE} main data: spcOid 4 | dbOid 4 | relNumber 4 | fork 4.
 */
public final class RelationStorage {
    /** XLOG_SMGR_CREATE. */
    public static final int XLOG_SMGR_CREATE = 0x10;

    private RelationStorage() {
    }

    /** RelationCreateStorage for one fork: creates the file, logs it, and arranges its removal on abort. */
    public static void create(Transaction tx, XLog xlog, Smgr smgr, RelFileLocator rel, ForkNumber fork) {
        long xid = tx.getOrAssignXid();
        smgr.create(rel, fork, false);
        xlog.insert(new XLogRecordBuilder(RmgrId.SMGR, XLOG_SMGR_CREATE, xid).mainData(encode(rel, fork)));
        if (fork == ForkNumber.MAIN) {
            tx.addPendingDelete(rel, false);
        }
    }

    /** RelationDropStorage: the files go when {@code tx} commits (the commit record lists them). */
    public static void drop(Transaction tx, RelFileLocator rel) {
        tx.getOrAssignXid();
        tx.addPendingDelete(rel, true);
    }

    static byte[] encode(RelFileLocator rel, ForkNumber fork) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(rel.spcOid()).putInt(rel.dbOid())
                .putInt(rel.relNumber()).putInt(fork.ordinal()).array();
    }

    /** smgr_redo: recreates the file (no error if it exists). */
    public static final class Redo implements RedoHandler {
        @Override
        public void redo(XLogRecord record, RedoContext context) {
            if ((record.info() & 0xF0) != XLOG_SMGR_CREATE) {
                throw new WalException("smgr_redo: unknown op code " + record.info());
            }
            ByteBuffer b = ByteBuffer.wrap(record.mainData()).order(ByteOrder.LITTLE_ENDIAN);
            RelFileLocator rel = new RelFileLocator(b.getInt(), b.getInt(), b.getInt());
            ForkNumber fork = ForkNumber.values()[b.getInt()];
            context.smgr().create(rel, fork, true);
        }
    }
}
