package dev.tusk.server;

import dev.tusk.storage.StorageEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code tusk initdb -D DIR [-U NAME] [-A METHOD] [--auth-local=M] [--auth-host=M] [--pwfile=FILE | -W]}
 * (PostgreSQL's {@code initdb.c}): makes a new data directory: PG_VERSION, the configuration files, the storage
 * parts through {@link StorageEngine#bootstrap}, then the system catalogs (template1, template0, postgres) with
 * the bootstrap superuser. The superuser's name defaults to the operating-system user's, as initdb's does; it is
 * also kept in {@code global/tusk_superuser}. On failure it removes what it created.
 */
final class InitDb {
    static final String PG_VERSION = "15";
    /** The options initdb takes. */
    static final java.util.Set<String> OPTIONS = java.util.Set.of("D", "U", "A", "W", "auth-local", "auth-host",
            "pwfile");
    static final String SUPERUSER_FILE = "tusk_superuser";
    private static final String PROG = "initdb";

    private InitDb() {
    }

    static int run(Cli cli) {
        Path dir = cli.dataDir().orElse(null);
        if (dir == null) {
            return cli.error("no data directory specified", "You must identify the directory where the data for"
                    + " this database system will reside.  Do this with the invocation option -D.");
        }
        String superuser = cli.option('U').orElseGet(InitDb::defaultSuperuser);
        if (superuser.isEmpty()) {
            return cli.error("superuser name must not be empty");
        }
        if (superuser.startsWith("pg_")) {
            return cli.error("superuser name \"" + superuser + "\" is disallowed; role names cannot begin with \"pg_\"");
        }
        if (Files.exists(dir) && !isEmptyDirectory(dir)) {
            return cli.error("directory \"" + dir + "\" exists but is not empty",
                    "If you want to create a new database system, either remove or empty the directory \"" + dir
                            + "\" or run " + PROG + " with an argument other than \"" + dir + "\".");
        }
        InitAuth auth;
        try {
            auth = InitAuth.from(cli);
        } catch (InitAuth.Failure e) {
            return cli.error(e.getMessage());
        }
        return create(dir, superuser, auth, cli.out(), cli);
    }

    /** The operating-system user's name (initdb's get_id), the default superuser. */
    static String defaultSuperuser() {
        return System.getProperty("user.name", "postgres");
    }

    private static int create(Path dir, String superuser, InitAuth auth, PrintStream out, Cli cli) {
        boolean existed = Files.exists(dir);
        out.println("The files belonging to this database system will be owned by user \""
                + System.getProperty("user.name") + "\".");
        out.println("This user must also own the server process.");
        out.println();
        out.println("Data page checksums are enabled.");
        out.println();
        try {
            out.print(existed ? "fixing permissions on existing directory " + dir + " ... "
                    : "creating directory " + dir + " ... ");
            Files.createDirectories(dir);
            restrictToOwner(dir);
            out.println("ok");
            out.print("creating configuration files ... ");
            write(dir.resolve("PG_VERSION"), PG_VERSION + "\n");
            write(dir.resolve("postgresql.conf"), ConfigTemplates.postgresqlConf());
            write(dir.resolve("pg_hba.conf"), ConfigTemplates.pgHbaConf(auth.local(), auth.host()));
            write(dir.resolve("postgresql.auto.conf"), ConfigTemplates.postgresqlAutoConf());
            out.println("ok");
            out.print("running bootstrap ... ");
            Settings settings = Settings.load(dir);
            StorageEngine.bootstrap(dir, systemIdentifier(), settings.storageConfig());
            Files.createDirectories(dir.resolve("global"));
            write(dir.resolve("global").resolve(SUPERUSER_FILE), superuser + "\n");
            out.println("ok");
            out.print("performing post-bootstrap initialization ... ");
            StorageEngine engine = StorageEngine.open(dir, settings.storageConfig());
            try {
                Wiring.bootstrapCatalogs(engine, superuser, auth.password());
            } catch (RuntimeException e) {
                engine.closeAfterCrash();
                throw e;
            }
            engine.close();
            out.println("ok");
        } catch (IOException | RuntimeException e) {
            out.println();
            cli.error(String.valueOf(e.getMessage()));
            out.println(PROG + ": " + (existed ? "removing contents of data directory \"" : "removing data directory \"")
                    + dir + "\"");
            removeQuietly(dir, existed);
            return Cli.ERROR;
        }
        if (auth.warnTrust()) {
            out.println();
            out.flush();
            cli.warning(InitAuth.TRUST_WARNING, InitAuth.TRUST_HINT);
        }
        out.println();
        out.println("Success. You can now start the database server using:");
        out.println();
        out.println("    ./tusk start -D " + quoteIfNeeded(dir.toString()));
        out.println();
        return Cli.OK;
    }

    /**
     * PostgreSQL's system identifier: seconds since the epoch in the high half, microseconds and the low bits
     * of the PID below, so two clusters made at once still differ.
     */
    static long systemIdentifier() {
        Instant now = Instant.now();
        long micros = now.getNano() / 1000;
        return (now.getEpochSecond() << 32) | (micros << 12) | (ProcessHandle.current().pid() & 0xFFF);
    }

    private static boolean isEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restrictToOwner(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void removeQuietly(Path dir, boolean keepDir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).filter(p -> !(keepDir && p.equals(dir))).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort, as PostgreSQL's rmtree on failure
                }
            });
        } catch (IOException ignored) {
            // nothing more to clean
        }
    }

    private static String quoteIfNeeded(String s) {
        return s.matches("[A-Za-z0-9_./-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
