package dev.tusk.server;

import dev.tusk.postmaster.Postmaster.ShutdownMode;
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

    /**
     * {@code pg_ctl stop [-m smart|fast|immediate]} (default fast, as pg_ctl 15): writes the wanted mode for the
     * server and sends SIGTERM (see {@link Signals} for why not SIGINT), then waits for postmaster.pid to go away
     * (do_stop, wait_for_postmaster_stop).
     */
    static int stop(Cli cli) throws InterruptedException {
        Path dir = cli.dataDir().orElseGet(DataDirs::defaultDir);
        String modeName = cli.option('m').orElse("fast");
        ShutdownMode mode = switch (modeName) {
            case "s", "smart" -> ShutdownMode.SMART;
            case "f", "fast" -> ShutdownMode.FAST;
            case "i", "immediate" -> ShutdownMode.IMMEDIATE;
            default -> null;
        };
        if (mode == null) {
            throw new Cli.UsageException("unrecognized shutdown mode \"" + modeName + "\"");
        }
        Path file = dir.resolve(PidFile.NAME);
        OptionalLong pid = PidFile.readPid(dir);
        if (pid.isEmpty()) {
            return cli.error("PID file \"" + file + "\" does not exist", "Is server running?");
        }
        ProcessHandle process = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).orElse(null);
        if (process != null) {
            Signals.writeRequest(dir, mode);
        }
        if (process == null || !kill(Signals.STOP, pid.getAsLong())) {
            return cli.error("could not send stop signal (PID: " + pid.getAsLong() + "): No such process",
                    "The PID file \"" + file + "\" is stale; the next start replaces it.");
        }
        cli.out().print("waiting for server to shut down...");
        cli.out().flush();
        long deadline = System.nanoTime() + WAIT_SECONDS * 1_000_000_000L;
        int ticks = 0;
        while (Files.exists(file) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            if (++ticks % 10 == 0) {
                cli.out().print(".");
                cli.out().flush();
            }
        }
        if (Files.exists(file) && process.isAlive()) {
            cli.out().println(" failed");
            String hint = mode != ShutdownMode.SMART ? null : "The \"-m fast\" option immediately disconnects "
                    + "sessions rather than waiting for session-initiated disconnection.";
            return cli.error("server does not shut down", hint);
        }
        cli.out().println(" done");
        cli.out().println("server stopped");
        return Cli.OK;
    }

    /** kill(pid, SIGTERM). */
    static boolean kill(String signal, long pid) {
        assert signal.equals(Signals.STOP);
        return ProcessHandle.of(pid).map(ProcessHandle::destroy).orElse(false);
    }
}
