package dev.tusk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.ControlFile;
import dev.tusk.access.transam.ControlFileData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitDbTest {
    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result tusk(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Tusk.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesANonEmptyDirectory() throws Exception {
        Path dir = tmp.resolve("data");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("something"), "x");
        Result r = tusk("initdb", "-D", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("initdb: error: directory \"" + dir + "\" exists but is not empty\n"), r.err());
        assertTrue(r.err().contains("initdb: hint: If you want to create a new database system"), r.err());
        assertEquals(List.of(dir.resolve("something")), Files.list(dir).toList());
    }

    @Test
    void createsTheLayoutAndControldataShowsAShutDownCluster() throws Exception {
        Path dir = tmp.resolve("data");
        Result r = tusk("initdb", "-D", dir.toString(), "-U", "alice");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Success. You can now start the database server using:"), r.out());
        assertEquals("15\n", Files.readString(dir.resolve("PG_VERSION")));
        for (String name : List.of("postgresql.conf", "pg_hba.conf", "postgresql.auto.conf", "global/pg_control")) {
            assertTrue(Files.isRegularFile(dir.resolve(name)), name);
        }
        for (String name : List.of("global", "base", "pg_wal", "pg_xact")) {
            assertTrue(Files.isDirectory(dir.resolve(name)), name);
        }
        assertEquals("alice\n", Files.readString(dir.resolve("global").resolve(InitDb.SUPERUSER_FILE)));
        assertEquals(Settings.defaults(), Settings.load(dir));

        Result cd = tusk("controldata", "-D", dir.toString());
        assertEquals(0, cd.code(), cd.err());
        List<String> lines = cd.out().lines().toList();
        ControlFileData control = ControlFile.read(dir);
        assertEquals("pg_control version number:            1300", lines.get(0));
        assertEquals("Catalog version number:               202209061", lines.get(1));
        assertEquals("Database system identifier:           " + Long.toUnsignedString(control.systemIdentifier()),
                lines.get(2));
        assertEquals("Database cluster state:               shut down", lines.get(3));
        assertTrue(lines.contains("Latest checkpoint's TimeLineID:       1"), cd.out());
        assertTrue(lines.contains("Database block size:                  8192"), cd.out());
        assertTrue(lines.contains("Bytes per WAL segment:                16777216"), cd.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Latest checkpoint's REDO WAL file:    00000001")),
                cd.out());

        Result again = tusk("initdb", "-D", dir.toString());
        assertEquals(1, again.code());
    }

    @Test
    void defaultsTrustLoopbackWithInitdbsWarningAndTheOsUserAsSuperuser() throws Exception {
        Path dir = tmp.resolve("data");
        Result r = tusk("initdb", "-D", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                initdb: warning: enabling "trust" authentication for local connections
                initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local \
                and --auth-host, the next time you run initdb.
                """, r.err());
        String hba = Files.readString(dir.resolve("pg_hba.conf"));
        assertTrue(hba.contains("\nhost    all             all             127.0.0.1/32            trust\n"), hba);
        assertTrue(hba.contains("\nhost    all             all             ::1/128                 trust\n"), hba);
        assertTrue(hba.contains("\nlocal   all             all                                     trust\n"), hba);
        assertEquals(System.getProperty("user.name") + "\n",
                Files.readString(dir.resolve("global").resolve(InitDb.SUPERUSER_FILE)));
    }

    @Test
    void scramWithAPasswordFile() throws Exception {
        Path dir = tmp.resolve("data");
        Path pw = tmp.resolve("pw.txt");
        Files.writeString(pw, "s3cret\n");
        Result r = tusk("initdb", "-D", dir.toString(), "-U", "admin", "--auth=scram-sha-256", "--pwfile=" + pw);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "no trust warning");
        String hba = Files.readString(dir.resolve("pg_hba.conf"));
        assertTrue(hba.contains("\nhost    all             all             127.0.0.1/32            scram-sha-256\n"), hba);
        assertTrue(!hba.contains("trust\n"), hba);
    }

    @Test
    void passwordMethodsNeedAPasswordAndMethodsAreChecked() throws Exception {
        Result noPassword = tusk("initdb", "-D", tmp.resolve("a").toString(), "--auth=scram-sha-256");
        assertEquals(1, noPassword.code());
        assertEquals("initdb: error: must specify a password for the superuser to enable password authentication\n",
                noPassword.err());
        assertTrue(!Files.exists(tmp.resolve("a")));
        // one trusted side is enough to set a password later, as in PostgreSQL
        assertEquals(0, tusk("initdb", "-D", tmp.resolve("b").toString(), "--auth-host=md5").code());
        Result bad = tusk("initdb", "-D", tmp.resolve("c").toString(), "-A", "bogus");
        assertEquals("initdb: error: invalid authentication method \"bogus\" for \"local\" connections\n", bad.err());
        Path empty = tmp.resolve("empty.txt");
        Files.writeString(empty, "");
        Result emptyPw = tusk("initdb", "-D", tmp.resolve("d").toString(), "--pwfile", empty.toString());
        assertEquals("initdb: error: password file \"" + empty + "\" is empty\n", emptyPw.err());
    }
}
