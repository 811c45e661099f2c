package dev.tusk.tcop;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test-only {@link SqlEngine} whose sessions understand a handful of fixed commands (see {@link ScriptedSession})
 * and produce rows lazily, so protocol tests run without the SQL engine: framing, authentication, the extended
 * protocol, COPY, cancel, backpressure.
 */
final class ScriptedEngine implements SqlEngine {
    /** role name -> rolpassword (null = no password). */
    final Map<String, Optional<String>> roles = new ConcurrentHashMap<>();
    /** Rows produced by every "generate n" so far (backpressure tests watch it). */
    final AtomicLong rowsProduced = new AtomicLong();
    final List<ScriptedSession> sessions = new CopyOnWriteArrayList<>();
    /** What every COPY FROM STDIN received, per session, concatenated. */
    final StringBuffer copied = new StringBuffer();
    /** Parameters received and result fields sent in binary format. */
    final AtomicLong binaryParams = new AtomicLong();
    final AtomicLong binaryResults = new AtomicLong();

    ScriptedEngine role(String name, String rolpassword) {
        roles.put(name, Optional.ofNullable(rolpassword));
        return this;
    }

    @Override
    public Optional<RoleSecret> roleSecret(String roleName) {
        Optional<String> secret = roles.get(roleName);
        return secret == null ? Optional.empty() : Optional.of(new RoleSecret(roleName, secret.orElse(null), true));
    }

    @Override
    public Session openSession(SessionStart start) {
        if (!roles.containsKey(start.user())) {
            throw new TuskException(Severity.FATAL, SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "role \"" + start.user() + "\" does not exist", null, null, 0, null);
        }
        if (start.database().equals("nodb")) {
            throw new TuskException(Severity.FATAL, SqlState.INVALID_CATALOG_NAME,
                    "database \"nodb\" does not exist", null, null, 0, null);
        }
        ScriptedSession session = new ScriptedSession(this, start);
        sessions.add(session);
        return session;
    }

    long openSessions() {
        return sessions.stream().filter(s -> !s.closed).count();
    }
}
