package dev.tusk.tcop;

import java.util.Map;

/**
 * What a StartupMessage asked for, after authentication: the user, the database, the startup options
 * (application_name, client_encoding, DateStyle, options, ...), and the backend's identity for
 * pg_backend_pid() and cancel keys.
 */
public record SessionStart(String user, String database, Map<String, String> options, int backendPid,
                           String clientAddress) {
    public SessionStart {
        options = Map.copyOf(options);
    }
}
