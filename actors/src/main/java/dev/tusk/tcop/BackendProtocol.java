package dev.tusk.tcop;

import dev.tusk.libpq.AuthExchange;
import dev.tusk.libpq.BackendMessages;
import dev.tusk.libpq.ClientAuthentication;
import dev.tusk.libpq.HbaFile;
import dev.tusk.libpq.PqFrame;
import dev.tusk.libpq.PqOutbox;
import dev.tusk.libpq.ProtocolErrors;
import dev.tusk.libpq.StartupDecoder;
import dev.tusk.libpq.StartupRequest;
import dev.tusk.postmaster.BackendRegistry;
import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.TuskException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's protocol state machine (PostgreSQL's {@code BackendInitialize} / {@code ProcessStartupPacket},
 * {@code ClientAuthentication}, {@code InitPostgres}, then {@link PostgresMain}): startup packets, authentication,
 * session start, then the message loop. Each frame is handled by one call on the backend's blocking executor; the
 * {@link Backend} actor guarantees one call at a time, so only the fields the actor reads are volatile.
 */
final class BackendProtocol {
    private static final Logger LOG = LoggerFactory.getLogger(BackendProtocol.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum Phase { STARTUP, AUTHENTICATING, READY, CLOSED }

    private final BackendServices services;
    private final PqOutbox out;
    private final InetSocketAddress remote;
    private volatile Phase phase = Phase.STARTUP;
    private volatile Session session;
    private volatile TuskException pendingFatal;
    private StartupRequest.StartupMessage startup;
    private BackendRegistry.Slot slot;
    private AuthExchange auth;
    private PostgresMain main;

    BackendProtocol(BackendServices services, PqOutbox out, InetSocketAddress remote) {
        this.services = services;
        this.out = out;
        this.remote = remote;
    }

    boolean isReady() {
        return phase == Phase.READY;
    }

    /** Handles frames in order until one closes the connection; returns false when it must close. */
    boolean handleAll(java.util.List<PqFrame> frames) {
        for (PqFrame frame : frames) {
            if (out.isClosed() || !handle(frame)) {
                // A lost connection also ends the batch: pipelined statements behind the cancelled one do not run.
                return false;
            }
        }
        return true;
    }

    /** Handles one frame; returns false when the connection must close. Never throws. */
    boolean handle(PqFrame frame) {
        try {
            return switch (frame) {
                case PqFrame.Malformed m -> fatal(m.error());
                case PqFrame.StartupPacket p -> startupPacket(p.body());
                case PqFrame.Message m -> phase == Phase.AUTHENTICATING ? authMessage(m)
                        : phase == Phase.READY && main.handle(m);
            };
        } catch (PqOutbox.ClientConnectionLost e) {
            return false;
        } catch (TuskException e) {
            return fatal(e);
        } catch (RuntimeException e) {
            LOG.error("backend failed", e);
            return fatal(ProtocolErrors.internal(e));
        } catch (StackOverflowError e) {
            return fatal(ProtocolErrors.stackDepthExceeded());
        } catch (OutOfMemoryError e) {
            LOG.error("session ran out of memory", e);
            return fatal(ProtocolErrors.outOfMemory());
        } catch (Error e) {
            // A bug (an assertion, a class that failed to initialise) ends this session only, with a message.
            LOG.error("backend failed", e);
            return fatal(ProtocolErrors.internal(e));
        }
    }

    private boolean startupPacket(byte[] body) {
        StartupRequest request = StartupDecoder.decode(body);
        switch (request) {
            case StartupRequest.SslRequest ssl -> {
                BackendMessages.encryptionDeclined(out.buffer());
                out.flush();
                return true;
            }
            case StartupRequest.GssEncRequest gss -> {
                BackendMessages.encryptionDeclined(out.buffer());
                out.flush();
                return true;
            }
            case StartupRequest.CancelRequest cancel -> {
                services.registry().cancels().cancel(cancel.processId(), cancel.secretKey());
                return false;
            }
            case StartupRequest.StartupMessage message -> {
                return startupMessage(message);
            }
        }
    }

    private boolean startupMessage(StartupRequest.StartupMessage message) {
        startup = message;
        slot = services.registry().admit();
        if (message.needsNegotiation()) {
            BackendMessages.negotiateProtocolVersion(out.buffer(), message.unrecognizedProtocolOptions());
        }
        auth = ClientAuthentication.begin(services.hba(), services.engine(), remote.getAddress(), message.user(),
                message.database());
        if (auth == null) {
            return startSession();
        }
        auth.start(out.buffer());
        out.flush();
        phase = Phase.AUTHENTICATING;
        return true;
    }

    private boolean authMessage(PqFrame.Message message) {
        if (message.typeChar() != 'p') {
            throw auth.unexpectedMessage(message.typeChar());
        }
        if (!auth.respond(message.body(), out.buffer())) {
            out.flush();
            return true;
        }
        return startSession();
    }

    /** AuthenticationOk, InitPostgres (openSession), ParameterStatus..., BackendKeyData, ReadyForQuery. */
    private boolean startSession() {
        BackendMessages.authenticationOk(out.buffer());
        int pid = slot.processId();
        SessionStart start = new SessionStart(startup.user(), startup.database(), startup.options(), pid,
                HbaFile.numericHost(remote.getAddress()));
        Session opened = services.engine().openSession(start);
        session = opened;
        int secret = RANDOM.nextInt();
        services.registry().cancels().register(pid, secret, opened);
        for (Map.Entry<String, String> p : opened.drainParameterChanges().entrySet()) {
            BackendMessages.parameterStatus(out.buffer(), p.getKey(), p.getValue());
        }
        BackendMessages.backendKeyData(out.buffer(), pid, secret);
        for (TuskException notice : opened.drainNotices()) {
            BackendMessages.errorOrNotice(out.buffer(), notice);
        }
        BackendMessages.readyForQuery(out.buffer(), opened.transactionStatus());
        out.flush();
        main = new PostgresMain(opened, out, () -> pendingFatal);
        phase = Phase.READY;
        auth = null;
        return true;
    }

    /**
     * Sends an error as FATAL (everything before the session is FATAL) and asks to close; a termination requested
     * as a WARNING (immediate shutdown) goes out as that NoticeResponse instead.
     */
    private boolean fatal(TuskException error) {
        TuskException shown = pendingFatal != null ? pendingFatal : error;
        if (LOG.isInfoEnabled()) {
            LOG.info("FATAL:  {}{}", shown.getMessage(), shown.detail() == null ? "" : "  DETAIL:  " + shown.detail());
        }
        try {
            if (shown.severity() == Severity.WARNING) {
                BackendMessages.errorOrNotice(out.buffer(), shown);
            } else {
                BackendMessages.errorResponse(out.buffer(), shown, Severity.FATAL);
            }
            out.flush();
        } catch (PqOutbox.ClientConnectionLost gone) {
            // nobody left to tell
        }
        return false;
    }

    /**
     * From the actor, while a frame may be running: remember the FATAL error that ends the session and cancel the
     * running statement so that the frame finishes soon.
     */
    void requestTermination(TuskException fatal) {
        pendingFatal = fatal;
        Session s = session;
        if (s != null) {
            s.cancel();
        }
    }

    /**
     * From the actor, while a frame may be running: cancels the running statement again (a cancel that arrives
     * between two statements of a batch finds nothing to cancel, so the actor repeats it until the frame is done).
     */
    void cancelRunning() {
        Session s = session;
        if (s != null) {
            s.cancel();
        }
    }

    /** On the executor, when idle: sends the pending FATAL error, then closes like {@link #close(boolean)}. */
    void terminate(boolean closeSession) {
        TuskException fatal = pendingFatal;
        if (fatal != null && !out.isClosed()) {
            fatal(fatal);
        }
        close(closeSession);
    }

    /**
     * On the executor, when idle: ends the session (rolling back an open transaction unless {@code closeSession}
     * is false, the immediate-shutdown case), frees the slot and cancel key, closes the connection.
     */
    void close(boolean closeSession) {
        if (phase == Phase.CLOSED) {
            return;
        }
        phase = Phase.CLOSED;
        try {
            Session s = session;
            if (s != null) {
                services.registry().cancels().unregister(slot.processId());
                if (closeSession) {
                    if (main != null) {
                        main.shutdown();
                    }
                    s.close();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("closing session failed: {}", e.toString());
        } finally {
            releaseSlot();
            out.close();
        }
    }

    /** Idempotent; also called when the actor stops. */
    void releaseSlot() {
        BackendRegistry.Slot s = slot;
        if (s != null) {
            if (session != null) {
                services.registry().cancels().unregister(s.processId());
            }
            s.release();
        }
    }
}
