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

    /**
     * {@code pg_ctl stop [-m smart|fast|immediate]}: sends SIGTERM, SIGINT or (for immediate, see {@link Signals})
     * SIGUSR1 (default fast, as pg_ctl 15)
     * and waits for postmaster.pid to go away (do_stop, wait_for_postmaster_stop).
     */
    static int stop(Cli cli) throws InterruptedException {
        Path dir = cli.dataDir().orElseGet(DataDirs::defaultDir);
        String mode = cli.option('m').orElse("fast");
        String signal = switch (mode) {
            case "s", "smart" -> Signals.SMART;
            case "f", "fast" -> Signals.FAST;
            case "i", "immediate" -> Signals.IMMEDIATE;
            default -> null;
        };
        if (signal == null) {
            throw new Cli.UsageException("unrecognized shutdown mode \"" + mode + "\"");
        }
        Path file = dir.resolve(PidFile.NAME);
        OptionalLong pid = PidFile.readPid(dir);
        if (pid.isEmpty()) {
            return cli.error("PID file \"" + file + "\" does not exist", "Is server running?");
        }
        ProcessHandle process = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).orElse(null);
        if (process == null || !kill(signal, pid.getAsLong())) {
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
            String hint = !signal.equals(Signals.SMART) ? null : "The \"-m fast\" option immediately disconnects "
                    + "sessions rather than waiting for session-initiated disconnection.";
            return cli.error("server does not shut down", hint);
        }
        cli.out().println(" done");
        cli.out().println("server stopped");
        return Cli.OK;
    }

    /** kill(2) with a signal name; ProcessHandle only sends SIGTERM and SIGKILL. */
    static boolean kill(String signal, long pid) throws InterruptedException {
        if (signal.equals(Signals.SMART)) {
            return ProcessHandle.of(pid).map(ProcessHandle::destroy).orElse(false);
        }
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
