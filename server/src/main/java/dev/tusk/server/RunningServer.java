package dev.tusk.server;

import dev.tusk.access.transam.ControlFile;
import dev.tusk.access.transam.ControlFileData;
import dev.tusk.access.transam.DbState;
import dev.tusk.postmaster.Postmaster;
import dev.tusk.postmaster.Postmaster.ShutdownMode;
import dev.tusk.storage.StorageEngine;
import dev.tusk.tcop.TuskSqlEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running server over a locked data directory (PostgreSQL's postmaster from {@code PostmasterMain}'s
 * start-up to {@code ExitPostmaster}): opens the storage engine (crash recovery happens there) and the SQL engine,
 * starts the {@link Postmaster} with its listener, and maps SIGTERM/SIGINT/SIGUSR1 (see {@link Signals}) onto
 * smart/fast/immediate shutdown. Exits 0 after a requested shutdown, 1 if the Postmaster stopped on its own.
 */
final class RunningServer {
    private static final Duration SHUTDOWN_WAIT = Duration.ofMinutes(10);
    private static final Duration LISTEN_WAIT = Duration.ofSeconds(60);
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());
    private static final Logger LOG = LoggerFactory.getLogger("postmaster");

    private final Path dir;
    private final Settings settings;
    private final PidFile pidFile;
    private final AtomicReference<ShutdownMode> requested = new AtomicReference<>();
    private volatile ActorSystem<Postmaster.Command> system;

    RunningServer(Path dir, Settings settings, PidFile pidFile) {
        this.dir = dir;
        this.settings = settings;
        this.pidFile = pidFile;
    }

    int run() {
        LOG.info("starting Tusk (PostgreSQL 15 compatible) on Java {}", Runtime.version());
        ControlFileData control = ControlFile.read(dir);
        String when = LOG_TIME.format(Instant.ofEpochMilli(control.time()));
        if (control.state() == DbState.SHUTDOWNED) {
            LOG.info("database system was shut down at {}", when);
        } else {
            LOG.info("database system was interrupted; last known up at {}", when);
        }
        Map<String, String> raw = settings.asStrings(dir);
        StorageEngine engine = StorageEngine.open(dir, settings.storageConfig());
        TuskSqlEngine sql;
        Behavior<Postmaster.Command> postmaster;
        try {
            sql = Wiring.openSqlEngine(engine, raw);
            postmaster = Wiring.postmaster(engine, sql, settings, dir, raw);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        system = ActorSystem.create(postmaster, "tusk");
        sql.setCheckpointRequest(this::checkpoint);
        Signals.install(dir, this::requestShutdown);
        Thread hook = new Thread(() -> requestShutdownAndWait(ShutdownMode.FAST), "tusk-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Postmaster.ListenStatus status = awaitListening();
        if (status instanceof Postmaster.Listening listening) {
            LOG.info("database system is ready to accept connections");
            printHowToConnect(listening);
            // Last: pg_ctl (and the test harness) take this line as "started".
            pidFile.setStatus(PidFile.READY);
        }
        system.getWhenTerminated().toCompletableFuture().join();
        sql.shutdown();
        removeHook(hook);
        if (requested.get() != null && status instanceof Postmaster.Listening) {
            return Cli.OK;
        }
        // A ListenFailed was logged as FATAL by the Postmaster, which then shut itself down.
        if (requested.get() == null && status instanceof Postmaster.Listening) {
            LOG.error("postmaster stopped unexpectedly");
        }
        return Cli.ERROR;
    }

    private Postmaster.ListenStatus awaitListening() {
        try {
            return AskPattern.<Postmaster.Command, Postmaster.ListenStatus>ask(system,
                    Postmaster.AwaitListening::new, LISTEN_WAIT, system.scheduler())
                    .toCompletableFuture().get(LISTEN_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return new Postmaster.ListenFailed("could not create any TCP/IP sockets", List.of(e.toString()));
        }
    }

    /** CHECKPOINT from SQL: through the Checkpointer actor, waiting for it as PostgreSQL's RequestCheckpoint does. */
    private void checkpoint() {
        try {
            AskPattern.<Postmaster.Command, dev.tusk.postmaster.Checkpointer.Reply>ask(system,
                    Postmaster.RequestCheckpoint::new, SHUTDOWN_WAIT, system.scheduler())
                    .toCompletableFuture().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.SqlState.QUERY_CANCELED,
                    "canceling statement due to user request");
        } catch (Exception e) {
            throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.SqlState.INTERNAL_ERROR,
                    "checkpoint request failed: " + e, e);
        }
    }

    /** pmdie: a shutdown signal; a later, stronger signal is passed on too (smart, then fast, then immediate). */
    private void requestShutdown(ShutdownMode mode) {
        ShutdownMode previous = requested.getAndUpdate(p -> p == null || p.compareTo(mode) < 0 ? mode : p);
        if (previous != null && previous.compareTo(mode) >= 0) {
            return;
        }
        if (previous == null) {
            pidFile.setStatus(PidFile.STOPPING);
        }
        ActorSystem<Postmaster.Command> s = system;
        AskPattern.<Postmaster.Command, Postmaster.ShutdownComplete>ask(s,
                replyTo -> new Postmaster.Shutdown(mode, replyTo), SHUTDOWN_WAIT, s.scheduler())
                .whenComplete((done, failure) -> {
                    if (done != null && done.closeError() != null) {
                        LOG.error("could not close the storage engine: {}", done.closeError());
                    }
                });
    }

    /** The JVM is exiting for another reason (SIGHUP, System.exit): a fast shutdown before it goes. */
    private void requestShutdownAndWait(ShutdownMode mode) {
        if (system.getWhenTerminated().toCompletableFuture().isDone()) {
            return;
        }
        requestShutdown(mode);
        try {
            system.getWhenTerminated().toCompletableFuture().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.error("shutdown failed: {}", e.toString());
            system.terminate();
        } finally {
            pidFile.close();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or has run; it closes the lock itself
        }
    }

    /** The psql command line for this server, as the front door promises. */
    private void printHowToConnect(Postmaster.Listening listening) {
        java.net.InetSocketAddress first = listening.addresses().stream()
                .filter(a -> a.getAddress() instanceof java.net.Inet4Address).findFirst()
                .orElse(listening.addresses().isEmpty() ? null : listening.addresses().getFirst());
        if (first == null) {
            return;
        }
        String host = first.getAddress().isAnyLocalAddress() ? "127.0.0.1" : first.getAddress().getHostAddress();
        System.out.println();
        System.out.println("Tusk is running on " + dir + ". Connect with:");
        System.out.println();
        System.out.println("    psql -h " + host + " -p " + first.getPort() + " -U " + superuser() + " postgres");
        System.out.println();
        System.out.println("Stop it with Ctrl-C (fast shutdown) or: ./tusk stop -D " + dir);
        System.out.println();
        System.out.flush();
    }

    private String superuser() {
        try {
            return Files.readString(dir.resolve("global").resolve(InitDb.SUPERUSER_FILE)).trim();
        } catch (IOException e) {
            return System.getProperty("user.name", "postgres").toLowerCase(Locale.ROOT);
        }
    }
}
