package dev.tusk.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** {@code tusk status} and {@code tusk stop} (PostgreSQL's {@code pg_ctl status|stop}), driven by postmaster.pid. */
final class PgCtl {
    /** pg_ctl's default wait. */
    static final long WAIT_SECONDS = 60;

    private PgCtl() {
    }

    static int status(Cli cli) {
        Path dir = cli.dataDir().orElseGet(DataDirs::defaultDir);
        OptionalLong pid = PidFile.readPid(dir);
        if (pid.isPresent() && PidFile.isRunning(pid.getAsLong(), dir)) {
            cli.out().println("tusk: server is running (PID: " + pid.getAsLong() + ")");
            return Cli.OK;
        }
        cli.out().println("tusk: no server running");
        return Cli.NOT_RUNNING;
    }

    /** Sends SIGTERM (a fast shutdown in Tusk) and waits for postmaster.pid to go away. */
    static int stop(Cli cli) throws InterruptedException {
        Path dir = cli.dataDir().orElseGet(DataDirs::defaultDir);
        Path file = dir.resolve(PidFile.NAME);
        OptionalLong pid = PidFile.readPid(dir);
        if (pid.isEmpty()) {
            return cli.error("PID file \"" + file + "\" does not exist", "Is server running?");
        }
        ProcessHandle process = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).orElse(null);
        if (process == null) {
            return cli.error("could not send stop signal (PID: " + pid.getAsLong() + "): No such process",
                    "The PID file \"" + file + "\" is stale; the next start replaces it.");
        }
        process.destroy();
        cli.out().print("waiting for server to shut down...");
        long deadline = System.nanoTime() + WAIT_SECONDS * 1_000_000_000L;
        while (Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            cli.out().print(".");
            cli.out().flush();
        }
        if (Files.exists(file)) {
            cli.out().println(" failed");
            return cli.error("server does not shut down");
        }
        cli.out().println(" done");
        cli.out().println("server stopped");
        return Cli.OK;
    }
}
