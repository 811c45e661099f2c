package dev.tusk.server;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code tusk start [-D DIR] [-p PORT] [-l LOGFILE]} (PostgreSQL's {@code PostmasterMain} up to
 * {@code ServerLoop}): without {@code -D} the embedded default directory is used and initialised on first start;
 * then the settings are read, the directory locked, and {@link RunningServer} runs until a shutdown signal.
 */
final class Start {
    /** The logback pattern's timestamp (logback.xml), for lines written before logging is up. */
    private static final DateTimeFormatter LINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS z")
            .withZone(ZoneId.systemDefault());

    private Start() {
    }

    static int run(Cli cli) throws IOException {
        if (cli.option('l').isPresent()) {
            PrintStream log = new PrintStream(new FileOutputStream(cli.option('l').get(), true), true,
                    StandardCharsets.UTF_8);
            System.setOut(log);
            System.setErr(log);
        }
        boolean useDefault = cli.dataDir().isEmpty();
        Path dir = cli.dataDir().orElseGet(DataDirs::defaultDir);
        try {
            if (useDefault && isMissingOrEmpty(dir)) {
                int rc = InitDb.run(Cli.parse("initdb", List.of("-D", dir.toString()), InitDb.OPTIONS, System.out,
                        System.err));
                if (rc != Cli.OK) {
                    return rc;
                }
            }
            checkDataDir(dir);
            Settings settings = Settings.load(dir);
            if (cli.option('p').isPresent()) {
                settings = settings.withPort(port(cli.option('p').get()));
            }
            try (PidFile pidFile = PidFile.acquire(dir, settings.port(), settings.listenAddresses())) {
                return new RunningServer(dir, settings, pidFile).run();
            }
        } catch (TuskException e) {
            fatal(e);
            return Cli.ERROR;
        }
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TuskException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"port\": \"" + text + "\"");
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
