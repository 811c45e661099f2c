package dev.tusk.access.transam;

import dev.tusk.storage.RelFileLocator;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Main data of a transaction commit or abort WAL record (PostgreSQL's {@code xl_xact_commit} /
 * {@code xl_xact_abort} with their subxact and relfilelocator parts), little-endian:
 * <pre>
 * xid 8 | timestamp 8 (TimestampTz: microseconds since 2000-01-01 UTC) | nsubxacts 4 | subxids 8 each |
 * nrels 4 | (spcOid 4, dbOid 4, relNumber 4) each
 * </pre>
 * {@code rels} are the relation files to remove now that the transaction's fate is known (dropped by a
 * committing transaction, or created by an aborting one).
 */
public record XactRecord(long xid, long timestamp, long[] subxids, List<RelFileLocator> rels) {
    /** XLOG_XACT_COMMIT. */
    public static final int XLOG_XACT_COMMIT = 0x00;
    /** XLOG_XACT_ABORT. */
    public static final int XLOG_XACT_ABORT = 0x20;
    /** XLOG_XACT_OPMASK. */
    public static final int XLOG_XACT_OPMASK = 0x70;

    /** Microseconds between the Unix epoch and PostgreSQL's epoch (2000-01-01). */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    public XactRecord {
        subxids = subxids.clone();
        rels = List.copyOf(rels);
    }

    /** GetCurrentTimestamp as a TimestampTz. */
    public static long nowTimestamp() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000 - POSTGRES_EPOCH_MICROS;
    }

    /** The largest xid the record mentions. */
    public long maxXid() {
        long m = xid;
        for (long s : subxids) {
            m = Math.max(m, s);
        }
        return m;
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(8 + 8 + 4 + 8 * subxids.length + 4 + 12 * rels.size())
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(xid).putLong(timestamp).putInt(subxids.length);
        for (long s : subxids) {
            b.putLong(s);
        }
        b.putInt(rels.size());
        for (RelFileLocator r : rels) {
            b.putInt(r.spcOid()).putInt(r.dbOid()).putInt(r.relNumber());
        }
        return b.array();
    }

    public static XactRecord decode(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        long xid = b.getLong();
        long ts = b.getLong();
        long[] subs = new long[b.getInt()];
        for (int i = 0; i < subs.length; i++) {
            subs[i] = b.getLong();
        }
        int nrels = b.getInt();
        List<RelFileLocator> rels = new ArrayList<>(nrels);
        for (int i = 0; i < nrels; i++) {
            rels.add(new RelFileLocator(b.getInt(), b.getInt(), b.getInt()));
        }
        return new XactRecord(xid, ts, subs, rels);
    }
}
