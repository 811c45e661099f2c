package dev.tusk.server;

import dev.tusk.postmaster.Postmaster.ShutdownMode;
import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * The postmaster's shutdown signals (PostgreSQL's {@code pmdie}): SIGTERM asks for a smart shutdown, SIGINT for a
 * fast one. PostgreSQL's immediate-shutdown signal, SIGQUIT, cannot be caught in a JVM (HotSpot keeps it for its
 * thread dumps and refuses to hand it out), so {@link #IMMEDIATE} is SIGUSR1; {@code tusk stop -m immediate}
 * sends that. Installing the handlers replaces the JVM's own for SIGTERM and SIGINT (no shutdown hooks run).
 */
final class Signals {
    /** The signal names {@code tusk stop} sends for smart, fast and immediate. */
    static final String SMART = "TERM";
    static final String FAST = "INT";
    static final String IMMEDIATE = "USR1";

    private Signals() {
    }

    static void install(Consumer<ShutdownMode> onShutdownRequest) {
        Signal.handle(new Signal(SMART), s -> onShutdownRequest.accept(ShutdownMode.SMART));
        Signal.handle(new Signal(FAST), s -> onShutdownRequest.accept(ShutdownMode.FAST));
        Signal.handle(new Signal(IMMEDIATE), s -> onShutdownRequest.accept(ShutdownMode.IMMEDIATE));
    }
}
