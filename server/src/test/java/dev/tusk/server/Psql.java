package dev.tusk.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real psql client (15, as on the CI machines) against a test server, with a clean environment (no
 * psqlrc, C messages) so its output can be compared with what it printed against PostgreSQL 15.
 */
final class Psql {
    private Psql() {
    }

    /** The psql binary: $PSQL, else psql on the PATH; fails with a clear message when there is none. */
    static String binary() {
        String env = System.getenv("PSQL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "psql"))) {
                return Path.of(dir, "psql").toString();
            }
        }
        throw new AssertionError("psql (PostgreSQL 15 client) is required by the psql-driven tests but is not on the"
                + " PATH: install postgresql-client-15 (Debian: apt-get install postgresql-client-15) or set $PSQL");
    }

    /** {@code psql -X -h 127.0.0.1 -p PORT -U postgres ARGS postgres}, run in {@code cwd}; stdout and stderr. */
    static String run(int port, Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary(), "-X", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", TuskServerProcess.SUPERUSER));
        cmd.addAll(List.of(args));
        cmd.add("postgres");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("LC_") || k.equals("LANG"));
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("PGCONNECT_TIMEOUT", "10");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.toHandle().destroyForcibly();
            throw new AssertionError("psql did not finish: " + String.join(" ", cmd));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
