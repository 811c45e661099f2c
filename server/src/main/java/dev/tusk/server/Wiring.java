package dev.tusk.server;

import dev.tusk.catalog.Bootstrap;
import dev.tusk.catalog.ScramSecrets;
import dev.tusk.libpq.HbaFile;
import dev.tusk.postmaster.ListenSettings;
import dev.tusk.postmaster.Postmaster;
import dev.tusk.storage.StorageEngine;
import dev.tusk.tcop.TuskSqlEngine;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pekko.actor.typed.Behavior;

/** The calls into the other modules' parts: catalog bootstrap, the SQL engine, the Postmaster with its listener. */
final class Wiring {
    private static final int DEFAULT_MAX_CONNECTIONS = 100;

    private Wiring() {
    }

    /**
     * Creates the system catalogs (template1, template0, postgres) in a freshly bootstrapped engine, with the
     * bootstrap superuser and, if given, its password stored as a SCRAM-SHA-256 secret.
     */
    static void bootstrapCatalogs(StorageEngine engine, String superuser, String password) {
        Bootstrap.initialize(engine, superuser, password == null ? null : ScramSecrets.encode(password));
    }

    /** PostgreSQL's InitPostgres side: the SQL engine over the opened storage. */
    static TuskSqlEngine openSqlEngine(StorageEngine engine, Map<String, String> settings) {
        return TuskSqlEngine.open(engine, settings);
    }

    /** The Postmaster over the opened engines, listening as {@code postgresql.conf} and pg_hba.conf say. */
    static Behavior<Postmaster.Command> postmaster(StorageEngine engine, TuskSqlEngine sql, Settings settings,
            Path dataDir, Map<String, String> raw) {
        HbaFile hba = HbaFile.load(dataDir.resolve("pg_hba.conf"));
        int maxConnections = DEFAULT_MAX_CONNECTIONS;
        String max = raw.get("max_connections");
        if (max != null) {
            try {
                maxConnections = Integer.parseInt(max.trim());
            } catch (NumberFormatException e) {
                throw ServerErrors.invalidValue("max_connections", max, null);
            }
        }
        ListenSettings listen = ListenSettings.defaults(settings.port(), hba)
                .withListenAddresses(settings.listenAddresses()).withMaxConnections(maxConnections);
        return Postmaster.create(engine, settings.auxiliary(), sql, listen);
    }
}
