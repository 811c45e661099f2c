package dev.tusk.libpq;

import dev.tusk.catalog.ScramSecrets;
import dev.tusk.tcop.SqlEngine;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Chooses how a connection authenticates (PostgreSQL's {@code ClientAuthentication} in {@code auth.c}): the first
 * matching pg_hba.conf line decides; trust needs nothing, reject and no match end the connection, the password
 * methods start an {@link AuthExchange} over the role's stored secret. Like PostgreSQL, md5 with a SCRAM secret
 * runs SCRAM, and an unknown role still gets the full exchange before failing.
 */
public final class ClientAuthentication {
    private ClientAuthentication() {
    }

    /** Null when the connection is trusted; otherwise the exchange to run. Throws the FATAL refusal. */
    public static AuthExchange begin(HbaFile hba, SqlEngine engine, InetAddress client, String user,
            String database) {
        String host = HbaFile.numericHost(client);
        HbaLine line = hba.match(client, user, database)
                .orElseThrow(() -> ProtocolErrors.noHbaEntry(host, user, database));
        return switch (line.method()) {
            case TRUST -> null;
            case REJECT -> throw ProtocolErrors.hbaRejects(host, user, database);
            case UNSUPPORTED -> throw ProtocolErrors.methodNotSupported(line.methodName(), user);
            case PASSWORD -> new PasswordExchange(user, secretOf(engine, user));
            case MD5 -> {
                String secret = secretOf(engine, user);
                yield ScramSecrets.parse(secret) != null ? new ScramExchange(user, secret) : new Md5Exchange(user, secret);
            }
            case SCRAM_SHA_256 -> new ScramExchange(user, secretOf(engine, user));
        };
    }

    private static String secretOf(SqlEngine engine, String user) {
        Optional<SqlEngine.RoleSecret> role = engine.roleSecret(user);
        return role.map(SqlEngine.RoleSecret::rolpassword).orElse(null);
    }
}
