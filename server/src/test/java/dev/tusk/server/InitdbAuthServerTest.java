package dev.tusk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tusk initdb --auth=scram-sha-256 --pwfile=FILE}: the superuser's password is stored as a SCRAM secret and
 * pg_hba.conf asks for it, so pgjdbc logs in with the password and is refused (28P01) without the right one.
 */
class InitdbAuthServerTest {
    @TempDir
    Path tmp;

    @Test
    void scramPasswordFromPwfileIsRequired() throws Exception {
        Path dir = tmp.resolve("data");
        Path pw = tmp.resolve("pw.txt");
        Files.writeString(pw, "tusk-s3cret\n");
        TuskServerProcess.initdb(dir, "--auth=scram-sha-256", "--pwfile=" + pw);
        try (TuskServerProcess server = TuskServerProcess.start(dir)) {
            try (Connection c = server.connect("postgres", TuskServerProcess.SUPERUSER, "tusk-s3cret")) {
                assertTrue(ServerLifecycleTest.scalarText(c, "SELECT rolpassword FROM pg_authid WHERE oid = 10")
                        .startsWith("SCRAM-SHA-256$4096:"));
            }
            SQLException wrong = assertThrows(SQLException.class,
                    () -> server.connect("postgres", TuskServerProcess.SUPERUSER, "wrong"));
            assertEquals("28P01", wrong.getSQLState(), wrong.getMessage());
            assertThrows(SQLException.class, () -> server.connect("postgres", TuskServerProcess.SUPERUSER, null));
        }
    }
}
