package dev.tusk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tusk.access.transam.ControlFile;
import dev.tusk.access.transam.DbState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server JVM: start, refuse a second start, stop (fast: tusk stop's request file plus SIGTERM) with a shutdown checkpoint. */
class StartStopTest {
    @TempDir
    Path tmp;

    private static int tusk(String... args) throws Exception {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Tusk.run(args, sink, sink);
    }

    @Test
    void startRunsUntilStopAndLeavesAShutDownCluster() throws Exception {
        Path dir = tmp.resolve("data");
        Path log = tmp.resolve("server.log");
        assertEquals(0, tusk("initdb", "-D", dir.toString()));

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : System.getProperty("tusk.child.jvm.flags", "").split("\\s+")) {
            if (!flag.isBlank()) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Tusk.class.getName(),
                "start", "-D", dir.toString(), "-l", log.toString(), "-p", Integer.toString(TuskServerProcess.freePort())));
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("stdout.txt").toFile()).start();
        try {
            Path pidFile = dir.resolve(PidFile.NAME);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!(Files.exists(pidFile) && Files.readAllLines(pidFile).size() == 8
                    && Files.readAllLines(pidFile).get(7).equals(PidFile.READY))) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    fail("server did not become ready:\n" + (Files.exists(log) ? Files.readString(log) : ""));
                }
                Thread.sleep(100);
            }
            assertEquals(Long.toString(server.pid()), Files.readAllLines(pidFile).get(0));
            assertEquals(0, tusk("status", "-D", dir.toString()));
            assertEquals(1, tusk("start", "-D", dir.toString()), "a second server must refuse the directory");
            assertTrue(Files.exists(pidFile), "the refused start must leave the lock alone");

            assertEquals(0, tusk("stop", "-D", dir.toString()));
            assertTrue(server.waitFor(60, TimeUnit.SECONDS));
            // tusk stop's default is a fast shutdown (requested through postmaster.stop and SIGTERM), after which the server exits 0 like PostgreSQL.
            assertEquals(0, server.exitValue());
            assertFalse(Files.exists(pidFile));
            assertEquals(DbState.SHUTDOWNED, ControlFile.read(dir).state());
            String text = Files.readString(log);
            assertTrue(text.contains("database system is ready to accept connections"), text);
            assertTrue(text.contains("database system is shut down"), text);
            assertTrue(text.contains("received fast shutdown request"), text);
            assertEquals(Cli.NOT_RUNNING, tusk("status", "-D", dir.toString()));
        } finally {
            server.destroyForcibly();
        }
    }
}
