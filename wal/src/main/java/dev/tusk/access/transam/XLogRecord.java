package dev.tusk.access.transam;

import java.util.List;

/**
 * A WAL record as decoded by {@link XLogReader} (PostgreSQL's {@code XLogReaderState} after decoding).
 *
 * @param startLsn where the record begins
 * @param endLsn   the position just past it (what {@link XLog#insert} returned; page LSNs are set to it)
 * @param xid      the 64-bit transaction id that wrote it, 0 when none
 * @param rmid     resource manager id ({@link RmgrId})
 * @param info     resource-manager specific record type
 * @param blocks   referenced blocks, by ascending id
 * @param mainData the record's main data (never null)
 */
public record XLogRecord(long startLsn, long endLsn, long xid, int rmid, int info, List<XLogBlockRef> blocks,
        byte[] mainData) {

    /** The block registered under {@code id}, or null. */
    public XLogBlockRef block(int id) {
        for (XLogBlockRef b : blocks) {
            if (b.id() == id) {
                return b;
            }
        }
        return null;
    }
}
