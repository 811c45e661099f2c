package dev.tusk.tcop;

import dev.tusk.libpq.BackendMessages;
import dev.tusk.libpq.PqOutbox;
import dev.tusk.utils.error.TuskException;

/**
 * The {@link ResultSink} of a session (PostgreSQL's {@code printtup} DestReceiver and the COPY TO STDOUT
 * sender): rows and COPY data are encoded straight into the outbox, which sends a batch whenever one has filled up
 * and blocks while the client is behind. Remembers whether COPY OUT began, so the statement's end can send
 * CopyDone before CommandComplete.
 */
final class OutboxSink implements ResultSink {
    private final PqOutbox out;
    private boolean copyOut;

    OutboxSink(PqOutbox out) {
        this.out = out;
    }

    @Override
    public void row(byte[][] fields) {
        BackendMessages.dataRow(out.buffer(), fields);
        out.maybeFlush();
    }

    @Override
    public void copyOutStart(short format, int columnCount) {
        copyOut = true;
        BackendMessages.copyOutResponse(out.buffer(), format, columnCount);
        out.flush();
    }

    @Override
    public void copyData(byte[] data) {
        BackendMessages.copyData(out.buffer(), data);
        out.maybeFlush();
    }

    @Override
    public void notice(TuskException notice) {
        // PostgreSQL flushes every notice at once, so a long statement's progress messages show up as they happen.
        BackendMessages.errorOrNotice(out.buffer(), notice);
        out.flush();
    }

    /** Sends CopyDone if a COPY TO STDOUT was running, then CommandComplete. */
    void complete(String tag) {
        if (copyOut) {
            BackendMessages.copyDone(out.buffer());
            copyOut = false;
        }
        BackendMessages.commandComplete(out.buffer(), tag);
    }

    /** An error ended the statement: no CopyDone follows a failed COPY TO STDOUT. */
    void reset() {
        copyOut = false;
    }
}
