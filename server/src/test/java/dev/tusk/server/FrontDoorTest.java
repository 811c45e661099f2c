package dev.tusk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's front door: {@code ./tusk} with no data directory initialises the default one on first start (here
 * {@code $TUSK_DATA}, on a free port instead of 5432), trusts loopback connections with initdb's warning, makes
 * the operating-system user the superuser, and prints the psql command to connect with.
 */
class FrontDoorTest {
    @TempDir
    Path tmp;

    @Test
    void firstStartInitialisesAndPrintsHowToConnect() throws Exception {
        Path dir = tmp.resolve("tusk-data");
        int port = TuskServerProcess.freePort();
        String user = System.getProperty("user.name");
        try (TuskServerProcess server = TuskServerProcess.start(dir, port, List.of("start"),
                Map.of(DataDirs.ENV, dir.toString()))) {
            String log = server.log();
            assertTrue(server.isAlive(), log);
            assertTrue(Files.exists(dir.resolve("PG_VERSION")), log);
            assertTrue(log.contains("initdb: warning: enabling \"trust\" authentication for local connections"), log);
            assertTrue(log.contains("psql -h 127.0.0.1 -p " + port + " -U " + user + " postgres"), log);
            assertTrue(log.contains("database system is ready to accept connections"), log);
            assertTrue(log.contains("listening on IPv4 address \"127.0.0.1\", port " + port), log);
            try (Connection c = server.connect("postgres", user, null)) {
                assertEquals(user, ServerLifecycleTest.scalarText(c, "SELECT current_user"));
            }
            assertEquals(0, server.stop("fast"), server.log());
        }
    }
}
