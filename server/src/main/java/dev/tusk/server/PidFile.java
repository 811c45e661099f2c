package dev.tusk.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code postmaster.pid} lock of a data directory (PostgreSQL's {@code CreateLockFile} /
 * {@code AddToDataDirLockFile} in {@code miscinit.c}). Lines, as PostgreSQL writes them: PID, data directory,
 * start time (epoch seconds), port, socket directory (empty: Tusk has no Unix socket), listen address,
 * shared memory key (none), status ({@code starting}, {@code ready   }, {@code stopping}).
 * The file is created with O_EXCL; an existing file whose PID is not running is stale and replaced.
 */
public final class PidFile implements AutoCloseable {
    public static final String NAME = "postmaster.pid";
    /** PostgreSQL's PM_STATUS_* words, padded to one width so the status can be rewritten in place. */
    public static final String STARTING = "starting";
    public static final String READY = "ready   ";
    public static final String STOPPING = "stopping";

    /** Data directories locked by this JVM: our own PID in a file we did not write means a stale file. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dataDir;
    private final Path file;
    private final List<String> lines;

    private PidFile(Path dataDir, List<String> lines) {
        this.dataDir = dataDir;
        this.file = dataDir.resolve(NAME);
        this.lines = new java.util.ArrayList<>(lines);
    }

    /** Takes the lock or throws PostgreSQL's "lock file already exists" FATAL error. */
    public static PidFile acquire(Path dataDir, int port, String listenAddresses) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolve(NAME);
        long now = System.currentTimeMillis() / 1000;
        List<String> lines = List.of(Long.toString(ProcessHandle.current().pid()), dir.toString(),
                Long.toString(now), Integer.toString(port), "", firstAddress(listenAddresses),
                String.format("%9d %9d", 0, 0), STARTING);
        // Retry a few times: another server may be removing or creating the file at the same moment.
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII),
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                HELD.add(dir);
                return new PidFile(dir, lines);
            } catch (FileAlreadyExistsException e) {
                OptionalLong pid = readPid(dir);
                if (pid.isPresent() && isRunning(pid.getAsLong(), dir)) {
                    throw ServerErrors.lockFileExists(pid.getAsLong(), dir);
                }
                try {
                    Files.deleteIfExists(file);
                } catch (IOException io) {
                    throw ServerErrors.lockFileIo(file, io);
                }
            } catch (IOException e) {
                throw ServerErrors.lockFileIo(file, e);
            }
        }
        throw ServerErrors.lockFileIo(file, new IOException("lock file keeps reappearing"));
    }

    /** The PID on the first line, if the file exists and starts with a number. */
    public static OptionalLong readPid(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve(NAME), StandardCharsets.US_ASCII);
            if (!lines.isEmpty()) {
                return OptionalLong.of(Long.parseLong(lines.get(0).trim()));
            }
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            // An empty or half-written file holds no live PID: PostgreSQL treats it as stale too.
        }
        return OptionalLong.empty();
    }

    /** Whether {@code pid} is a live process holding the directory. */
    static boolean isRunning(long pid, Path dir) {
        if (pid == ProcessHandle.current().pid()) {
            return HELD.contains(dir);
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Rewrites the status line (AddToDataDirLockFile with LOCK_FILE_LINE_PM_STATUS). */
    public synchronized void setStatus(String status) {
        lines.set(lines.size() - 1, status);
        try {
            Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw ServerErrors.lockFileIo(file, e);
        }
    }

    public Path path() {
        return file;
    }

    /** Removes the lock (the last thing a server does). */
    @Override
    public synchronized void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw ServerErrors.lockFileIo(file, e);
        } finally {
            HELD.remove(dataDir);
        }
    }

    private static String firstAddress(String listenAddresses) {
        String first = listenAddresses.split(",")[0].trim();
        return first.equals("localhost") || first.isEmpty() ? "localhost" : first;
    }
}
