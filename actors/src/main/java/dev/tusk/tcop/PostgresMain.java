package dev.tusk.tcop;

import dev.tusk.libpq.BackendMessages;
import dev.tusk.libpq.FrontendMessage;
import dev.tusk.libpq.MessageDecoder;
import dev.tusk.libpq.PqBuffer;
import dev.tusk.libpq.PqFrame;
import dev.tusk.libpq.PqOutbox;
import dev.tusk.libpq.ProtocolErrors;
import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message loop of an established session (PostgreSQL's {@code PostgresMain} with {@code exec_simple_query},
 * {@code exec_parse_message}, {@code exec_bind_message}, {@code exec_describe_*}, {@code exec_execute_message}):
 * one frontend message per call, run on the session's blocking dispatcher. After an error in an extended-protocol
 * message everything up to Sync is skipped; a simple Query answers every error with ReadyForQuery. A COPY FROM
 * STDIN suspends the message loop into {@link CopyInDriver} until CopyDone or CopyFail, then resumes the rest of
 * a multi-statement Query.
 */
final class PostgresMain {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresMain.class);
    private static final short[] NO_FORMATS = new short[0];

    private final Session session;
    private final PqOutbox out;
    private final OutboxSink sink;
    private final Supplier<TuskException> pendingFatal;
    private final ExtendedQueryState extended = new ExtendedQueryState();
    private boolean ignoreTillSync;
    private Deque<PreparedStatement> simpleRemaining;
    private CopyInDriver copy;

    /** {@code pendingFatal} gives the FATAL error that replaces any error once termination was requested. */
    PostgresMain(Session session, PqOutbox out, Supplier<TuskException> pendingFatal) {
        this.session = session;
        this.out = out;
        this.sink = new OutboxSink(out);
        this.pendingFatal = pendingFatal;
    }

    /** Handles one message; returns false when the connection must close. */
    boolean handle(PqFrame.Message frame) {
        int type = frame.typeChar();
        if (copy == null && ignoreTillSync && type != 'S' && type != 'X' && MessageDecoder.isSessionMessage(type)) {
            // Skipped unread, like PostgreSQL, so a malformed message after an error does not matter either.
            return true;
        }
        FrontendMessage message;
        try {
            message = MessageDecoder.decode(frame);
        } catch (TuskException e) {
            return failed(e, isExtendedType(frame.typeChar()));
        }
        if (copy != null) {
            return copyMessage(message);
        }
        if (message instanceof FrontendMessage.Terminate) {
            return false;
        }
        boolean extendedMessage = isExtendedType(frame.typeChar());
        try {
            switch (message) {
                case FrontendMessage.Query q -> simpleQuery(q.sql());
                case FrontendMessage.Parse p -> parse(p);
                case FrontendMessage.Bind b -> bind(b);
                case FrontendMessage.Describe d -> describe(d);
                case FrontendMessage.Execute e -> execute(e);
                case FrontendMessage.Close c -> close(c);
                case FrontendMessage.Sync s -> sync();
                case FrontendMessage.Flush f -> out.flush();
                case FrontendMessage.FunctionCall f -> throw ProtocolErrors.fastpathUnsupported();
                // Left over from a COPY that failed: accepted and ignored, as the protocol says.
                case FrontendMessage.CopyData d -> { }
                case FrontendMessage.CopyDone d -> { }
                case FrontendMessage.CopyFail f -> { }
                case FrontendMessage.Terminate t -> { }
            }
            return true;
        } catch (TuskException e) {
            return failed(e, extendedMessage);
        } catch (dev.tusk.libpq.PqOutbox.ClientConnectionLost e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("internal error in session", e);
            return failed(ProtocolErrors.internal(e), extendedMessage);
        }
    }

    /** Errors in these start the skip to Sync; in Sync, Query and the rest they are answered with ReadyForQuery. */
    private static boolean isExtendedType(int type) {
        return type == 'P' || type == 'B' || type == 'D' || type == 'E' || type == 'C' || type == 'H';
    }

    // ---- simple query

    private void simpleQuery(String sql) {
        List<PreparedStatement> statements = session.parseSimple(sql);
        if (statements.isEmpty()) {
            BackendMessages.emptyQueryResponse(out.buffer());
            readyForQuery();
            return;
        }
        simpleRemaining = new ArrayDeque<>(statements);
        runSimple();
    }

    /** Runs the rest of a simple Query; stops (without ReadyForQuery) when a COPY FROM STDIN starts. */
    private void runSimple() {
        while (!simpleRemaining.isEmpty()) {
            if (out.isClosed()) {
                // The client is gone (or the backend is being dropped): the rest of the Query does not run.
                throw new PqOutbox.ClientConnectionLost();
            }
            PreparedStatement statement = simpleRemaining.poll();
            if (statement.isEmpty()) {
                BackendMessages.emptyQueryResponse(out.buffer());
                continue;
            }
            Portal portal = session.bind(statement, List.of(), NO_FORMATS, NO_FORMATS);
            boolean keepOpen = false;
            try {
                List<ResultColumn> columns = portal.columns();
                if (columns != null) {
                    BackendMessages.rowDescription(out.buffer(), columns);
                }
                ExecutionResult result = portal.execute(0, sink);
                switch (result) {
                    case ExecutionResult.Completed c -> sink.complete(c.commandTag());
                    case ExecutionResult.Suspended s -> sink.complete("SELECT");
                    case ExecutionResult.CopyInStarted started -> {
                        keepOpen = true;
                        copy = CopyInDriver.start(started, portal, false, out);
                        return;
                    }
                }
            } catch (Error e) {
                // Never finish (commit) a statement that a JVM error interrupted; the session ends with FATAL.
                keepOpen = true;
                throw e;
            } finally {
                if (!keepOpen) {
                    portal.close();
                }
            }
            sendNotices();
        }
        simpleRemaining = null;
        readyForQuery();
    }

    // ---- extended query

    private void parse(FrontendMessage.Parse p) {
        extended.checkStatementFree(p.statement());
        PreparedStatement statement = session.prepare(p.sql(), p.paramTypeOids());
        extended.putStatement(p.statement(), statement);
        BackendMessages.parseComplete(out.buffer());
    }

    private void bind(FrontendMessage.Bind b) {
        PreparedStatement statement = extended.statement(b.statement());
        int params = b.params().size();
        if (b.paramFormats().length > 1 && b.paramFormats().length != params) {
            throw ProtocolErrors.bindFormatCount(b.paramFormats().length, params);
        }
        if (params != statement.paramTypeOids().length) {
            throw ProtocolErrors.bindParamCount(params, b.statement(), statement.paramTypeOids().length);
        }
        int columns = statement.columns() == null ? 0 : statement.columns().size();
        if (b.resultFormats().length > 1 && b.resultFormats().length != columns) {
            throw ProtocolErrors.bindResultFormatCount(b.resultFormats().length, columns);
        }
        extended.preparePortalName(b.portal());
        Portal portal = session.bind(statement, b.params(), b.paramFormats(), b.resultFormats());
        extended.putPortal(b.portal(), portal, statement);
        BackendMessages.bindComplete(out.buffer());
    }

    private void describe(FrontendMessage.Describe d) {
        PqBuffer buf = out.buffer();
        switch (d.kind()) {
            case 'S' -> {
                PreparedStatement statement = extended.statement(d.name());
                BackendMessages.parameterDescription(buf, statement.paramTypeOids());
                rowDescriptionOrNoData(statement.columns());
            }
            case 'P' -> rowDescriptionOrNoData(extended.portal(d.name()).portal().columns());
            default -> throw ProtocolErrors.invalidDescribeType(d.kind());
        }
    }

    private void rowDescriptionOrNoData(List<ResultColumn> columns) {
        if (columns == null) {
            BackendMessages.noData(out.buffer());
        } else {
            BackendMessages.rowDescription(out.buffer(), columns);
        }
    }

    private void execute(FrontendMessage.Execute e) {
        ExtendedQueryState.BoundPortal bound = extended.portal(e.portal());
        if (bound.statement().isEmpty()) {
            BackendMessages.emptyQueryResponse(out.buffer());
            return;
        }
        ExecutionResult result = bound.portal().execute(Math.max(e.maxRows(), 0), sink);
        switch (result) {
            case ExecutionResult.Completed c -> sink.complete(c.commandTag());
            case ExecutionResult.Suspended s -> BackendMessages.portalSuspended(out.buffer());
            case ExecutionResult.CopyInStarted started -> copy = CopyInDriver.start(started, bound.portal(), true, out);
        }
        sendNotices();
    }

    private void close(FrontendMessage.Close c) {
        switch (c.kind()) {
            case 'S' -> extended.closeStatement(c.name());
            case 'P' -> extended.closePortal(c.name());
            default -> throw ProtocolErrors.invalidCloseType(c.kind());
        }
        BackendMessages.closeComplete(out.buffer());
    }

    private void sync() {
        ignoreTillSync = false;
        try {
            session.sync();
        } catch (TuskException e) {
            BackendMessages.errorOrNotice(out.buffer(), e);
        }
        readyForQuery();
    }

    // ---- COPY FROM STDIN

    private boolean copyMessage(FrontendMessage message) {
        CopyInDriver driver = copy;
        try {
            switch (message) {
                case FrontendMessage.CopyData d -> driver.data(d.data());
                case FrontendMessage.CopyDone d -> {
                    String tag = driver.done();
                    copy = null;
                    sink.complete(tag);
                    if (!driver.extended()) {
                        driver.portal().close();
                        sendNotices();
                        runSimple();
                    }
                }
                case FrontendMessage.CopyFail f -> driver.fail(f.message());
                // libpq and others may send these without noticing the command was a COPY.
                case FrontendMessage.Flush f -> { }
                case FrontendMessage.Sync s -> { }
                case FrontendMessage.Terminate t -> {
                    driver.abandon("connection terminated during COPY");
                    copy = null;
                    return false;
                }
                default -> throw ProtocolErrors.unexpectedDuringCopy(typeOf(message));
            }
            return true;
        } catch (TuskException e) {
            return failed(e, driver.extended());
        } catch (dev.tusk.libpq.PqOutbox.ClientConnectionLost e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("internal error in COPY", e);
            return failed(ProtocolErrors.internal(e), driver.extended());
        }
    }

    private static int typeOf(FrontendMessage message) {
        return switch (message) {
            case FrontendMessage.Query q -> 'Q';
            case FrontendMessage.Parse p -> 'P';
            case FrontendMessage.Bind b -> 'B';
            case FrontendMessage.Describe d -> 'D';
            case FrontendMessage.Execute e -> 'E';
            case FrontendMessage.Close c -> 'C';
            case FrontendMessage.FunctionCall f -> 'F';
            default -> '?';
        };
    }

    // ---- errors and ReadyForQuery

    /** Reports an error; returns false when it ends the connection. */
    private boolean failed(TuskException error, boolean extendedMessage) {
        sink.reset();
        if (copy != null) {
            CopyInDriver driver = copy;
            copy = null;
            driver.abandon(error.getMessage());
            if (!driver.extended()) {
                try {
                    driver.portal().close();
                } catch (RuntimeException e) {
                    LOG.warn("closing the COPY portal failed: {}", e.toString());
                }
            }
        }
        TuskException termination = pendingFatal.get();
        if (termination != null) {
            // The session is being ended (shutdown): that, not the cancel it caused, is what the client hears.
            BackendMessages.errorOrNotice(out.buffer(), termination);
            out.flush();
            return false;
        }
        if (error.severity() == Severity.FATAL || error.severity() == Severity.PANIC) {
            LOG.info("{}:  {}", error.severity(), error.getMessage());
            BackendMessages.errorResponse(out.buffer(), error, error.severity());
            out.flush();
            return false;
        }
        LOG.debug("ERROR:  {} (SQLSTATE {})", error.getMessage(), error.sqlState().code());
        BackendMessages.errorOrNotice(out.buffer(), error);
        simpleRemaining = null;
        if (extendedMessage) {
            ignoreTillSync = true;
            out.flush();
        } else {
            readyForQuery();
        }
        return true;
    }

    /** Notices, changed settings, then ReadyForQuery with the transaction status; flushes. */
    private void readyForQuery() {
        sendNotices();
        for (Map.Entry<String, String> change : session.drainParameterChanges().entrySet()) {
            BackendMessages.parameterStatus(out.buffer(), change.getKey(), change.getValue());
        }
        char status = session.transactionStatus();
        if (status == 'I') {
            try {
                extended.closeAllPortals();
            } catch (RuntimeException e) {
                LOG.warn("closing portals at transaction end failed: {}", e.toString());
            }
        }
        BackendMessages.readyForQuery(out.buffer(), status);
        out.flush();
    }

    private void sendNotices() {
        for (TuskException notice : session.drainNotices()) {
            BackendMessages.errorOrNotice(out.buffer(), notice);
        }
    }

    /** Closes everything the session still holds (before the session itself closes). */
    void shutdown() {
        if (copy != null) {
            copy.abandon("connection closed during COPY");
            copy = null;
        }
        try {
            extended.closeAllPortals();
        } catch (RuntimeException e) {
            LOG.warn("closing portals failed: {}", e.toString());
        }
    }
}
