package dev.tusk.libpq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes one startup-phase packet body (PostgreSQL's {@code ProcessStartupPacket}). */
public final class StartupDecoder {
    private StartupDecoder() {
    }

    /** Throws the FATAL error PostgreSQL sends for a bad packet. */
    public static StartupRequest decode(byte[] body) {
        PqMessageReader in = new PqMessageReader(body);
        int code = in.int32();
        switch (code) {
            case PqFramer.SSL_REQUEST_CODE -> {
                return new StartupRequest.SslRequest();
            }
            case PqFramer.GSSENC_REQUEST_CODE -> {
                return new StartupRequest.GssEncRequest();
            }
            case PqFramer.CANCEL_REQUEST_CODE -> {
                if (body.length != 12) {
                    throw ProtocolErrors.invalidStartupPacketLength();
                }
                return new StartupRequest.CancelRequest(in.int32(), in.int32());
            }
            default -> {
                return startupMessage(code, body, in);
            }
        }
    }

    private static StartupRequest startupMessage(int code, byte[] body, PqMessageReader in) {
        int major = code >>> 16;
        int minor = code & 0xFFFF;
        if (major != 3) {
            throw ProtocolErrors.unsupportedProtocol(major, minor);
        }
        if (body[body.length - 1] != 0) {
            throw ProtocolErrors.invalidStartupPacketLayout();
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<String> unrecognized = new ArrayList<>();
        String user = null;
        String database = null;
        while (in.remaining() > 1) {
            String name = in.string();
            if (in.remaining() <= 1) {
                throw ProtocolErrors.invalidStartupPacketLayout();
            }
            String value = in.string();
            switch (name) {
                case "user" -> user = value;
                case "database" -> database = value;
                default -> {
                    if (name.startsWith("_pq_.")) {
                        unrecognized.add(name);
                    } else {
                        options.put(name, value);
                    }
                }
            }
        }
        if (user == null || user.isEmpty()) {
            throw ProtocolErrors.noUserName();
        }
        if (database == null || database.isEmpty()) {
            database = user;
        }
        return new StartupRequest.StartupMessage(minor, user, database, Map.copyOf(options), List.copyOf(unrecognized));
    }
}
