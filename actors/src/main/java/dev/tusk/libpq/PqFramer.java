package dev.tusk.libpq;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.util.ByteString;

/**
 * Cuts the client's byte stream into frames (PostgreSQL's {@code pq_getmessage} and the length handling of
 * {@code ProcessStartupPacket} / {@code SocketBackend}). Untyped length-prefixed packets come first; an
 * SSLRequest or GSSENCRequest keeps the framer in that phase (the client sends its StartupMessage next), a
 * CancelRequest ends the stream, anything else switches to typed messages. Lengths are checked before the body
 * arrives, so an absurd length never allocates; the body is only copied once it is complete. After a
 * {@link PqFrame.Malformed} frame every further byte is ignored: the connection is about to close.
 */
public final class PqFramer {
    /** MAX_STARTUP_PACKET_LENGTH. */
    static final int MAX_STARTUP_PACKET_LENGTH = 10000;
    /** PQ_SMALL_MESSAGE_LIMIT: messages that are never large. */
    static final int SMALL_MESSAGE_LIMIT = 10000;
    /** PQ_LARGE_MESSAGE_LIMIT: MaxAllocSize - 1. */
    static final int LARGE_MESSAGE_LIMIT = 0x3FFFFFFE;
    /** PG_MAX_AUTH_TOKEN_LENGTH. */
    static final int AUTH_MESSAGE_LIMIT = 65535;

    static final int SSL_REQUEST_CODE = 80877103;
    static final int GSSENC_REQUEST_CODE = 80877104;
    static final int CANCEL_REQUEST_CODE = 80877102;

    private enum Phase { STARTUP, TYPED, DONE }

    private Phase phase = Phase.STARTUP;
    private ByteString pending = ByteString.emptyByteString();
    private final java.util.function.BooleanSupplier sessionReady;

    /** A framer that applies the established session's limits as soon as the startup packets are over. */
    public PqFramer() {
        this(() -> true);
    }

    /**
     * A framer that, until {@code sessionReady} says the session exists (authentication done), caps every typed
     * message at {@link #AUTH_MESSAGE_LIMIT}: before then only authentication messages are valid, so a client that
     * has not logged in cannot make the server buffer a large message.
     */
    public PqFramer(java.util.function.BooleanSupplier sessionReady) {
        this.sessionReady = sessionReady;
    }

    /** Appends {@code chunk} and returns every frame now complete, in order. */
    public List<PqFrame> feed(ByteString chunk) {
        if (phase == Phase.DONE) {
            return List.of();
        }
        pending = pending.concat(chunk);
        List<PqFrame> frames = new ArrayList<>(2);
        while (phase != Phase.DONE) {
            PqFrame frame = phase == Phase.STARTUP ? nextStartupPacket() : nextMessage();
            if (frame == null) {
                break;
            }
            frames.add(frame);
        }
        if (phase == Phase.DONE) {
            pending = ByteString.emptyByteString();
        }
        return frames;
    }

    private PqFrame nextStartupPacket() {
        if (pending.size() < 4) {
            return null;
        }
        int length = int32(0);
        if (length < 8 || length > MAX_STARTUP_PACKET_LENGTH) {
            phase = Phase.DONE;
            return new PqFrame.Malformed(ProtocolErrors.invalidStartupPacketLength());
        }
        if (pending.size() < length) {
            return null;
        }
        byte[] body = pending.slice(4, length).toArray();
        pending = pending.drop(length);
        int code = int32(body);
        if (code == CANCEL_REQUEST_CODE) {
            phase = Phase.DONE;
        } else if (code != SSL_REQUEST_CODE && code != GSSENC_REQUEST_CODE) {
            phase = Phase.TYPED;
        }
        return new PqFrame.StartupPacket(body);
    }

    private PqFrame nextMessage() {
        if (pending.isEmpty()) {
            return null;
        }
        int type = pending.apply(0) & 0xFF;
        int limit = limitFor(type);
        if (limit < 0) {
            phase = Phase.DONE;
            return new PqFrame.Malformed(ProtocolErrors.invalidFrontendMessageType(type));
        }
        if (pending.size() < 5) {
            return null;
        }
        int length = int32(1);
        if (limit > AUTH_MESSAGE_LIMIT && length - 4 > AUTH_MESSAGE_LIMIT && !sessionReady.getAsBoolean()) {
            limit = AUTH_MESSAGE_LIMIT;
        }
        if (length < 4 || length - 4 > limit) {
            phase = Phase.DONE;
            return new PqFrame.Malformed(ProtocolErrors.invalidMessageLength());
        }
        if (pending.size() < 1 + length) {
            return null;
        }
        byte[] body = pending.slice(5, 1 + length).toArray();
        pending = pending.drop(1 + length);
        return new PqFrame.Message((byte) type, body);
    }

    /** The largest body a frontend message of this type may have (SocketBackend's maxmsglen), -1 if unknown. */
    static int limitFor(int type) {
        return switch (type) {
            case 'Q', 'P', 'B', 'F', 'd' -> LARGE_MESSAGE_LIMIT;
            case 'C', 'D', 'E', 'H', 'S', 'X', 'c', 'f' -> SMALL_MESSAGE_LIMIT;
            case 'p' -> AUTH_MESSAGE_LIMIT;
            default -> -1;
        };
    }

    private int int32(int offset) {
        return (pending.apply(offset) & 0xFF) << 24 | (pending.apply(offset + 1) & 0xFF) << 16
                | (pending.apply(offset + 2) & 0xFF) << 8 | pending.apply(offset + 3) & 0xFF;
    }

    private static int int32(byte[] b) {
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | b[3] & 0xFF;
    }
}
