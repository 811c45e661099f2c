package dev.tusk.access.transam;

/**
 * Payload of an XLOG checkpoint record (PostgreSQL's {@code CheckPoint}).
 *
 * <p>API CONTRACT (stub): {@link #encode()} and {@link #decode(byte[])} round-trip.
 */
public record CheckPoint(long redo, int timeline, long nextXid, long nextOid, long time, boolean shutdown) {
    /** XLOG info of a shutdown checkpoint. */
    public static final int XLOG_CHECKPOINT_SHUTDOWN = 0x00;
    /** XLOG info of an online checkpoint. */
    public static final int XLOG_CHECKPOINT_ONLINE = 0x10;

    public byte[] encode() {
        throw new UnsupportedOperationException();
    }

    public static CheckPoint decode(byte[] data) {
        throw new UnsupportedOperationException();
    }
}
