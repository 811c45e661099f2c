package dev.tusk.server;

import dev.tusk.access.transam.ControlFile;
import dev.tusk.access.transam.ControlFileData;
import dev.tusk.access.transam.DbState;
import dev.tusk.postmaster.Postmaster;
import dev.tusk.storage.StorageEngine;
import dev.tusk.utils.error.TuskException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tusk start [-D DIR] [-l LOGFILE]} (PostgreSQL's {@code PostmasterMain} up to {@code ServerLoop}):
 * lock the directory, read the settings, open the engine (crash recovery happens there), start the
 * {@link Postmaster}, and run until SIGTERM/SIGINT, whose shutdown hook takes the shutdown checkpoint.
 */
final class Start {
    private static final Duration SHUTDOWN_WAIT = Duration.ofMinutes(10);
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());
    /** The logback pattern's timestamp (logback.xml), for lines written before logging is up. */
    private static final DateTimeFormatter LINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS z")
            .withZone(ZoneId.systemDefault());

    private Start() {
    }

    static int run(Cli cli) throws IOException {
        if (cli.option('l').isPresent()) {
            PrintStream log = new PrintStream(new FileOutputStream(cli.option('l').get(), true), true);
            System.setOut(log);
            System.setErr(log);
        }
        boolean useDefault = cli.dataDir().isEmpty();
        Path dir = cli.dataDir().orElseGet(DataDirs::defaultDir);
        try {
            if (useDefault && isMissingOrEmpty(dir)) {
                int rc = InitDb.run(Cli.parse("initdb", List.of("-D", dir.toString()), Set.of('D'), System.out,
                        System.err));
                if (rc != Cli.OK) {
                    return rc;
                }
            }
            checkDataDir(dir);
            Settings settings = Settings.load(dir);
            try (PidFile pidFile = PidFile.acquire(dir, settings.port(), settings.listenAddresses())) {
                return serve(dir, settings, pidFile);
            }
        } catch (TuskException e) {
            fatal(e);
            return Cli.ERROR;
        }
    }

    private static int serve(Path dir, Settings settings, PidFile pidFile) {
        Logger log = LoggerFactory.getLogger("postmaster");
        log.info("starting Tusk (PostgreSQL 15 compatible) on Java {}", Runtime.version());
        ControlFileData control = ControlFile.read(dir);
        String when = LOG_TIME.format(Instant.ofEpochMilli(control.time()));
        if (control.state() == DbState.SHUTDOWNED) {
            log.info("database system was shut down at {}", when);
        } else {
            log.info("database system was interrupted; last known up at {}", when);
        }
        StorageEngine engine = StorageEngine.open(dir, settings.storageConfig());
        ActorSystem<Postmaster.Command> system = ActorSystem.create(
                Postmaster.create(engine, settings.auxiliary()), "tusk");
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook = new Thread(() -> shutdown(system, pidFile, stopping, log), "tusk-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        pidFile.setStatus(PidFile.READY);
        log.info("database system is ready to accept connections");
        log.info("no client connections yet: the SQL wire protocol arrives in a later issue, so no port is listening");
        system.getWhenTerminated().toCompletableFuture().join();
        if (stopping.get()) {
            return Cli.OK;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyExiting) {
            return Cli.OK;
        }
        log.error("postmaster stopped unexpectedly");
        return Cli.ERROR;
    }

    /** SIGTERM/SIGINT: shutdown checkpoint through the Postmaster, then the lock goes. */
    private static void shutdown(ActorSystem<Postmaster.Command> system, PidFile pidFile, AtomicBoolean stopping,
            Logger log) {
        if (system.getWhenTerminated().toCompletableFuture().isDone() || !stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            pidFile.setStatus(PidFile.STOPPING);
            Postmaster.ShutdownComplete done = AskPattern.<Postmaster.Command, Postmaster.ShutdownComplete>ask(system,
                    replyTo -> new Postmaster.Shutdown(Postmaster.ShutdownMode.FAST, replyTo), SHUTDOWN_WAIT,
                    system.scheduler()).toCompletableFuture().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
            if (done.closeError() != null) {
                log.error("could not close the storage engine: {}", done.closeError());
            }
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.error("shutdown failed: {}", e.toString());
            system.terminate();
        } finally {
            pidFile.close();
        }
    }

    private static void checkDataDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw ServerErrors.dataDirMissing(dir);
        }
        if (!Files.exists(dir.resolve("PG_VERSION"))) {
            throw ServerErrors.notADataDir(dir);
        }
    }

    private static boolean isMissingOrEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** A start-up error in the server log's format, with its DETAIL and HINT lines. */
    static void fatal(TuskException e) {
        String prefix = LINE_TIME.format(Instant.now()) + " [" + ProcessHandle.current().pid() + "] ";
        System.err.println(prefix + "FATAL:  " + e.getMessage());
        if (e.detail() != null) {
            System.err.println(prefix + "DETAIL:  " + e.detail());
        }
        if (e.hint() != null) {
            System.err.println(prefix + "HINT:  " + e.hint());
        }
    }
}
