package dev.tusk.access.transam;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Payload of an XLOG checkpoint record (PostgreSQL's {@code CheckPoint}), the main data of a record with
 * rmid {@link RmgrId#XLOG} and info {@link #XLOG_CHECKPOINT_SHUTDOWN} or {@link #XLOG_CHECKPOINT_ONLINE}.
 *
 * <p>Encoded in {@value #ENCODED_SIZE} bytes, little-endian: {@code redo} (8), {@code timeline} (4),
 * {@code shutdown} (1, then 3 zero bytes), {@code nextXid} (8), {@code nextOid} (8), {@code time} (8).
 */
public record CheckPoint(long redo, int timeline, long nextXid, long nextOid, long time, boolean shutdown) {
    /** XLOG info of a shutdown checkpoint. */
    public static final int XLOG_CHECKPOINT_SHUTDOWN = 0x00;
    /** XLOG info of an online checkpoint. */
    public static final int XLOG_CHECKPOINT_ONLINE = 0x10;
    /** Length of {@link #encode()}'s result. */
    public static final int ENCODED_SIZE = 40;

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(ENCODED_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(redo).putInt(timeline).put((byte) (shutdown ? 1 : 0)).put((byte) 0).putShort((short) 0);
        b.putLong(nextXid).putLong(nextOid).putLong(time);
        return b.array();
    }

    /** Decodes {@link #encode()}'s bytes; anything of another length is a corrupt checkpoint record. */
    public static CheckPoint decode(byte[] data) {
        if (data.length != ENCODED_SIZE) {
            throw WalErrors.invalidCheckpointRecord(data.length, ENCODED_SIZE);
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        long redo = b.getLong();
        int timeline = b.getInt();
        boolean shutdown = b.get() != 0;
        b.position(b.position() + 3);
        long nextXid = b.getLong();
        long nextOid = b.getLong();
        return new CheckPoint(redo, timeline, nextXid, nextOid, b.getLong(), shutdown);
    }

    /** The XLOG info value for this checkpoint's record. */
    public int xlogInfo() {
        return shutdown ? XLOG_CHECKPOINT_SHUTDOWN : XLOG_CHECKPOINT_ONLINE;
    }
}
