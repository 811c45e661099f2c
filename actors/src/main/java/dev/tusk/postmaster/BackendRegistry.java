package dev.tusk.postmaster;

import dev.tusk.libpq.CancelRegistry;
import dev.tusk.libpq.ProtocolErrors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instance's connection slots and backend identities (PostgreSQL's {@code canAcceptConnections} and the
 * PGPROC free list in one): a backend takes a slot when its StartupMessage arrives, before authentication, and
 * gets a process id that is unique while it lives. Beyond max_connections a client gets FATAL 53300, during a
 * shutdown FATAL 57P03. Thread-safe; shared by the Postmaster and every backend.
 */
public final class BackendRegistry {
    private final int maxConnections;
    private final AtomicInteger inUse = new AtomicInteger();
    private final AtomicInteger nextProcessId;
    private final CancelRegistry cancels = new CancelRegistry();
    private volatile boolean shuttingDown;

    public BackendRegistry(int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max_connections must be at least 1");
        }
        this.maxConnections = maxConnections;
        // Start somewhere that looks like an operating system pid, as clients print it.
        this.nextProcessId = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 30000));
    }

    /** One connection's claim on a slot; releasing twice is harmless. */
    public final class Slot {
        private final int processId;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(int processId) {
            this.processId = processId;
        }

        /** pg_backend_pid() of this connection; positive. */
        public int processId() {
            return processId;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                inUse.decrementAndGet();
            }
        }
    }

    /** Takes a slot or throws FATAL 57P03 (shutting down) / 53300 (too many clients). */
    public Slot admit() {
        if (shuttingDown) {
            throw ProtocolErrors.shuttingDown();
        }
        if (inUse.incrementAndGet() > maxConnections) {
            inUse.decrementAndGet();
            throw ProtocolErrors.tooManyClients();
        }
        return new Slot(nextProcessId());
    }

    private int nextProcessId() {
        return nextProcessId.updateAndGet(p -> p >= Integer.MAX_VALUE - 1 ? 1000 : p + 1);
    }

    /** From now on every new connection is refused with 57P03. */
    public void startShutdown() {
        shuttingDown = true;
    }

    public boolean isShuttingDown() {
        return shuttingDown;
    }

    public int slotsInUse() {
        return inUse.get();
    }

    public int maxConnections() {
        return maxConnections;
    }

    public CancelRegistry cancels() {
        return cancels;
    }
}
