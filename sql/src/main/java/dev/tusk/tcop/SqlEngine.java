package dev.tusk.tcop;

import java.util.Optional;

/** The instance's SQL side: authentication facts and sessions (PostgreSQL's InitPostgres entry point). */
public interface SqlEngine {
    /**
     * The stored password of a role: null secret when the role exists without a password. Empty when the role
     * does not exist or cannot log in (rolcanlogin = false).
     */
    Optional<RoleSecret> roleSecret(String roleName);

    /**
     * Opens a session for an authenticated user. Fails with 3D000 "database \"x\" does not exist", 28000 "role
     * \"x\" does not exist", 55000 when the database does not allow connections, 57P03 while shutting down.
     */
    Session openSession(SessionStart start);

    /** A role's stored secret exactly as in pg_authid.rolpassword ("SCRAM-SHA-256$...", "md5...", or null). */
    record RoleSecret(String roleName, String rolpassword, boolean superuser) {}
}
