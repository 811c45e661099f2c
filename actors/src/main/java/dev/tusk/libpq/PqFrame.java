package dev.tusk.libpq;

import dev.tusk.utils.error.TuskException;

/** One unit cut from the client's byte stream by {@link PqFramer}. */
public sealed interface PqFrame {
    /** A length-prefixed packet of the startup phase (StartupMessage, SSLRequest, CancelRequest...), body only. */
    record StartupPacket(byte[] body) implements PqFrame {
    }

    /** A typed message of the normal phase: its type byte and body (without the length word). */
    record Message(byte type, byte[] body) implements PqFrame {
        public int typeChar() {
            return type & 0xFF;
        }
    }

    /** The stream broke the framing rules; nothing after it is read. */
    record Malformed(TuskException error) implements PqFrame {
    }
}
