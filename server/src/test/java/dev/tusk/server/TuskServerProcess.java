package dev.tusk.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Tusk server in a child JVM for integration tests: {@link #initdb} makes a data directory in this JVM,
 * {@link #start} forks {@code Tusk start -D DIR -p PORT} on a free port with the test class path and waits until
 * it accepts TCP connections; {@link #stop} runs {@code tusk stop -m MODE}; {@link #kill} sends SIGKILL. The
 * child's stdout and stderr go to {@code server-N.log} beside the data directory ({@link #log}).
 */
final class TuskServerProcess implements AutoCloseable {
    /** The superuser the harness's initdb creates (the name PostgreSQL's own test outputs show). */
    static final String SUPERUSER = "postgres";
    private static final long START_TIMEOUT_SECONDS = 120;
    private static int starts;

    private final Path dataDir;
    private final int port;
    private final Path logFile;
    private final Process process;
    private final ProcessHandle handle;

    private TuskServerProcess(Path dataDir, int port, Path logFile, Process process) {
        this.dataDir = dataDir;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
        this.handle = process.toHandle();
    }

    /** {@code tusk initdb -D dir -U postgres [extra]} in this JVM; fails the test with initdb's output. */
    static void initdb(Path dataDir, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("initdb", "-D", dataDir.toString(), "-U", SUPERUSER));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        int rc = Tusk.run(args.toArray(String[]::new), ps, ps);
        if (rc != 0) {
            throw new AssertionError("initdb failed (" + rc + "):\n" + out.toString(StandardCharsets.UTF_8));
        }
        // A small buffer pool (16 MB instead of 128 MB): the servers start faster, since the pool is allocated
        // and cleared at start, and the crash test's data may then also go through eviction.
        Files.writeString(dataDir.resolve("postgresql.auto.conf"), "shared_buffers = 16MB\n",
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** A fresh data directory under {@code tmp} and a server on it. */
    static TuskServerProcess initAndStart(Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        initdb(dir);
        return start(dir);
    }

    /** Starts a server on an initialised directory and waits until it accepts connections. */
    static TuskServerProcess start(Path dataDir) throws Exception {
        return start(dataDir, freePort(), List.of("start", "-D", dataDir.toString()), Map.of());
    }

    /**
     * Forks {@code Tusk ARGS -p port} with extra environment variables and waits until it is ready; fails with
     * the child's log if it exits instead.
     */
    static TuskServerProcess start(Path dataDir, int port, List<String> tuskArgs, Map<String, String> env)
            throws Exception {
        Path log = dataDir.toAbsolutePath().getParent().resolve("server-" + (++starts) + ".log");
        TuskServerProcess server = fork(dataDir, port, log, tuskArgs, env);
        server.awaitReady();
        if (!server.isAlive()) {
            throw new AssertionError("server exited with " + server.process.exitValue() + " instead of starting:\n"
                    + server.log());
        }
        return server;
    }

    /** Forks without waiting (for servers expected to refuse to start). */
    static TuskServerProcess fork(Path dataDir, int port, Path log, List<String> tuskArgs, Map<String, String> env)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : System.getProperty("tusk.child.jvm.flags", "").trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"), Tusk.class.getName()));
        command.addAll(tuskArgs);
        command.addAll(List.of("-p", Integer.toString(port)));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        return new TuskServerProcess(dataDir, port, log, pb.start());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return;
            }
            if (pidFileSays(PidFile.READY)) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return;
                } catch (IOException notYet) {
                    // ready but not accepting: keep waiting
                }
            }
            Thread.sleep(100);
        }
        kill();
        throw new AssertionError("server did not accept connections within " + START_TIMEOUT_SECONDS + " s:\n"
                + log());
    }

    /** Whether postmaster.pid is this child's and its status line (the 8th) is {@code status}. */
    private boolean pidFileSays(String status) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve(PidFile.NAME));
            return lines.size() >= 8 && lines.get(0).equals(Long.toString(handle.pid())) && lines.get(7).equals(status);
        } catch (IOException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    long pid() {
        return handle.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A pgjdbc connection as the superuser to database postgres. */
    Connection connect() throws SQLException {
        return connect("postgres", SUPERUSER, null);
    }

    Connection connect(String database, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "10");
        p.setProperty("socketTimeout", "120");
        return DriverManager.getConnection(jdbcUrl(database), p);
    }

    /** {@code tusk stop -D dir -m mode}; returns its exit code (the server has exited when it is 0). */
    int stop(String mode) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return Tusk.run(new String[] {"stop", "-D", dataDir.toString(), "-m", mode}, ps, ps);
    }

    /** Waits for the child to exit; returns its exit code. */
    int waitFor(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("server did not exit within " + seconds + " s:\n" + log());
        }
        return process.exitValue();
    }

    /**
     * SIGKILL through the process handle: {@code Process.destroyForcibly} would also close our end of the
     * child's pipes, and we want a kill that looks exactly like a crash.
     */
    void kill() throws InterruptedException {
        handle.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** What the child printed so far. */
    String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(could not read " + logFile + ": " + e + ")";
        }
    }

    Path logFile() {
        return logFile;
    }

    /** Fast shutdown if still running, SIGKILL if that does not finish. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            Signals.writeRequest(dataDir, dev.tusk.postmaster.Postmaster.ShutdownMode.FAST);
            if (PgCtl.kill(Signals.STOP, handle.pid()) && process.waitFor(60, TimeUnit.SECONDS)) {
                return;
            }
            kill();
        } catch (InterruptedException e) {
            handle.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
