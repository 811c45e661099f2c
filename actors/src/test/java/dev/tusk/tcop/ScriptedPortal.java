package dev.tusk.tcop;

import java.util.List;

/** A portal of {@link ScriptedSession}: remembers how far a "generate" got, so Execute can resume. */
final class ScriptedPortal implements Portal {
    private final ScriptedSession session;
    final ScriptedSession.Stmt statement;
    final Object[] params;
    private final List<ResultColumn> columns;
    long position;
    volatile boolean closed;

    ScriptedPortal(ScriptedSession session, ScriptedSession.Stmt statement, Object[] params,
            List<ResultColumn> columns) {
        this.session = session;
        this.statement = statement;
        this.params = params;
        this.columns = columns;
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public ExecutionResult execute(long maxRows, ResultSink sink) {
        if (closed) {
            throw new IllegalStateException("portal closed");
        }
        return session.run(this, maxRows, sink);
    }

    @Override
    public void close() {
        closed = true;
    }
}
