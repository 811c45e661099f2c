package dev.tusk.tcop;

import dev.tusk.libpq.BackendMessages;
import dev.tusk.libpq.PqOutbox;
import dev.tusk.libpq.ProtocolErrors;

/**
 * One COPY FROM STDIN in progress (PostgreSQL's {@code ReceiveCopyBegin} / {@code CopyGetData}): CopyInResponse
 * is sent and flushed when it starts, every CopyData goes to the engine's {@link ExecutionResult.CopyIn},
 * CopyDone finishes with the command tag, CopyFail fails with 57014.
 */
final class CopyInDriver {
    private final ExecutionResult.CopyIn copyIn;
    private final Portal portal;
    private final boolean extended;
    private boolean ended;

    private CopyInDriver(ExecutionResult.CopyIn copyIn, Portal portal, boolean extended) {
        this.copyIn = copyIn;
        this.portal = portal;
        this.extended = extended;
    }

    /** Sends CopyInResponse and flushes: the client waits for it before sending data. */
    static CopyInDriver start(ExecutionResult.CopyInStarted started, Portal portal, boolean extended, PqOutbox out) {
        BackendMessages.copyInResponse(out.buffer(), started.format(), started.columnCount());
        out.flush();
        return new CopyInDriver(started.copyIn(), portal, extended);
    }

    /** Whether the COPY came through the extended protocol (errors then skip to Sync). */
    boolean extended() {
        return extended;
    }

    void data(byte[] chunk) {
        copyIn.data(chunk);
    }

    /** CopyDone: the tag ("COPY n"). The portal is closed by the caller if simple. */
    String done() {
        ended = true;
        return copyIn.finish();
    }

    /** CopyFail: always throws. */
    void fail(String message) {
        ended = true;
        copyIn.fail(message);
        throw ProtocolErrors.copyFailed(message);
    }

    /** Ends a COPY that an error or a lost connection interrupted, telling the engine; never throws. */
    void abandon(String why) {
        if (!ended) {
            ended = true;
            try {
                copyIn.fail(why);
            } catch (RuntimeException expected) {
                // fail() reports the failure by throwing; the caller already has its own error
            }
        }
    }

    Portal portal() {
        return portal;
    }
}
