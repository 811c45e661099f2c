package dev.tusk.libpq;

import java.util.List;
import java.util.Map;

/** What a startup-phase packet asks for (PostgreSQL's ProcessStartupPacket cases). */
public sealed interface StartupRequest {
    /** SSLRequest: answered 'N', the client goes on in clear text. */
    record SslRequest() implements StartupRequest {
    }

    /** GSSENCRequest: answered 'N'. */
    record GssEncRequest() implements StartupRequest {
    }

    /** CancelRequest for the backend with this key; never answered. */
    record CancelRequest(int processId, int secretKey) implements StartupRequest {
    }

    /**
     * StartupMessage of protocol 3.x: user, database (defaulting to the user), the remaining parameters, and
     * what the server must decline with NegotiateProtocolVersion (a minor version above 0, {@code _pq_.} options).
     */
    record StartupMessage(int minorVersion, String user, String database, Map<String, String> options,
            List<String> unrecognizedProtocolOptions) implements StartupRequest {
        public boolean needsNegotiation() {
            return minorVersion > 0 || !unrecognizedProtocolOptions.isEmpty();
        }
    }
}
