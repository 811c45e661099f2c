package dev.tusk.server;

import dev.tusk.postmaster.Postmaster.ShutdownMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * The postmaster's shutdown signals (PostgreSQL's {@code pmdie}): SIGTERM asks for a smart shutdown, SIGINT for a
 * fast one. PostgreSQL's immediate-shutdown signal, SIGQUIT, cannot be caught in a JVM (HotSpot keeps it for its
 * thread dumps and refuses to hand it out), so SIGUSR1 means immediate. Installing the handlers replaces the JVM's
 * own for SIGTERM and SIGINT (no shutdown hooks run).
 *
 * <p>A server started in the background by a non-interactive shell inherits SIGINT as ignored, and HotSpot then
 * silently declines to install a handler for it. So {@code tusk stop} does not rely on SIGINT: it writes the mode it
 * wants into {@value #REQUEST_FILE} in the data directory and sends SIGTERM, which is never ignored that way; the
 * SIGTERM handler takes the mode from the file, or smart when there is none (a plain {@code kill}). PostgreSQL's
 * pg_ctl talks to the postmaster the same way for promote (a signal file plus SIGUSR1).
 */
final class Signals {
    /** The signal {@code tusk stop} sends after writing its request. */
    static final String STOP = "TERM";
    /** The file holding the mode a {@code tusk stop} asked for: smart, fast or immediate. */
    static final String REQUEST_FILE = "postmaster.stop";

    private Signals() {
    }

    static void install(Path dataDir, Consumer<ShutdownMode> onShutdownRequest) {
        Signal.handle(new Signal("TERM"),
                s -> onShutdownRequest.accept(takeRequest(dataDir).orElse(ShutdownMode.SMART)));
        Signal.handle(new Signal("INT"), s -> onShutdownRequest.accept(ShutdownMode.FAST));
        Signal.handle(new Signal("USR1"), s -> onShutdownRequest.accept(ShutdownMode.IMMEDIATE));
    }

    /** Writes a stop request for the server on {@code dataDir} (atomically: temp file + rename). */
    static void writeRequest(Path dataDir, ShutdownMode mode) {
        try {
            Path tmp = dataDir.resolve(REQUEST_FILE + ".tmp");
            Files.writeString(tmp, mode.name().toLowerCase(Locale.ROOT) + "\n");
            Files.move(tmp, dataDir.resolve(REQUEST_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write \"" + dataDir.resolve(REQUEST_FILE) + "\"", e);
        }
    }

    /** Reads and removes the pending stop request, if any. */
    static Optional<ShutdownMode> takeRequest(Path dataDir) {
        Path file = dataDir.resolve(REQUEST_FILE);
        try {
            String text = Files.readString(file).trim();
            Files.deleteIfExists(file);
            return Optional.of(ShutdownMode.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(ShutdownMode.SMART);
        }
    }
}
