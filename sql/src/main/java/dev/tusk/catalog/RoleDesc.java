package dev.tusk.catalog;

import java.time.Instant;

/**
 * One {@code pg_authid} row. {@code password} is rolpassword as stored: a SCRAM secret
 * ({@code SCRAM-SHA-256$4096:salt$StoredKey:ServerKey}, see {@link ScramSecrets}), an md5 hash ({@code md5...}),
 * or null.
 */
public record RoleDesc(int oid, String name, boolean superuser, boolean inherit, boolean createRole,
        boolean createDb, boolean canLogin, boolean replication, boolean bypassRls, int connLimit, String password,
        Instant validUntil) {
    /** BOOTSTRAP_SUPERUSERID. */
    public static final int BOOTSTRAP_SUPERUSER = 10;
}
