package dev.tusk.tcop;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.List;

/**
 * A bound statement (PostgreSQL's Portal, pquery.c's PortalStart/PortalRun). The statement starts (transaction
 * command, snapshot, plan) when its row shape is first asked for or it first runs; it finishes (command counter
 * or autocommit) when it completes, fails, or the portal is closed early.
 */
final class PortalImpl implements Portal {
    private final TuskSession session;
    private final PreparedStatementImpl statement;
    private final Object[] params;
    private final short[] resultFormats;
    private StatementRun run;
    private List<ResultColumn> columns;
    private ResultEncoder encoder;
    private boolean finished;

    PortalImpl(TuskSession session, PreparedStatementImpl statement, Object[] params, short[] resultFormats) {
        this.session = session;
        this.statement = statement;
        this.params = params;
        this.resultFormats = resultFormats;
    }

    @Override
    public List<ResultColumn> columns() {
        if (statement.isEmpty()) {
            return null;
        }
        if (run == null && !finished && statement.batch() == null && statement.described()) {
            // Extended protocol: the shape is known from Parse; starting here would only delay errors.
            return ResultEncoder.withFormats(statement.columns(), resultFormats);
        }
        ensureStarted();
        return columns;
    }

    @Override
    public ExecutionResult execute(long maxRows, ResultSink sink) {
        if (statement.isEmpty()) {
            return new ExecutionResult.Completed("");
        }
        if (finished) {
            throw new TuskException(SqlState.INVALID_CURSOR_STATE, "portal \"\" cannot be run");
        }
        ensureStarted();
        session.executing(this);
        try {
            ExecutionResult r = run.run(maxRows, new StatementRun.RowOut() {
                @Override
                public void row(Object[] values) {
                    sink.row(encoder.encode(values));
                }

                @Override
                public ResultSink sink() {
                    return sink;
                }
            });
            flushNotices(sink);
            switch (r) {
                case ExecutionResult.Completed c -> finish();
                case ExecutionResult.CopyInStarted c -> {
                    return new ExecutionResult.CopyInStarted(c.format(), c.columnCount(), wrap(c.copyIn()));
                }
                case ExecutionResult.Suspended s -> {
                }
            }
            return r;
        } catch (RuntimeException e) {
            fail();
            throw XactErrors.asTusk(e);
        } finally {
            session.executing(null);
        }
    }

    /** The transaction ended under this portal (COMMIT or ROLLBACK by another statement): it can no longer run. */
    void abandon() {
        if (finished) {
            return;
        }
        finished = true;
        session.portalEnded(this);
        if (run != null) {
            run.close();
        }
    }

    private void flushNotices(ResultSink sink) {
        // Notices travel through Session.drainNotices(); the sink variant is for the protocol's convenience.
    }

    private ExecutionResult.CopyIn wrap(ExecutionResult.CopyIn in) {
        return new ExecutionResult.CopyIn() {
            @Override
            public void data(byte[] chunk) {
                try {
                    in.data(chunk);
                } catch (RuntimeException e) {
                    PortalImpl.this.fail();
                    throw XactErrors.asTusk(e);
                }
            }

            @Override
            public String finish() {
                try {
                    String tag = in.finish();
                    PortalImpl.this.finish();
                    return tag;
                } catch (RuntimeException e) {
                    PortalImpl.this.fail();
                    throw XactErrors.asTusk(e);
                }
            }

            @Override
            public void fail(String message) {
                try {
                    in.fail(message);
                } finally {
                    PortalImpl.this.fail();
                }
            }
        };
    }

    private void ensureStarted() {
        if (run != null) {
            return;
        }
        if (finished) {
            throw new TuskException(SqlState.INVALID_CURSOR_STATE, "portal \"\" cannot be run");
        }
        session.startStatement(statement);
        session.portalStarted(this);
        try {
            run = StatementRunners.create(session, statement, params);
            columns = ResultEncoder.withFormats(run.columns(), resultFormats);
            encoder = columns == null ? null : new ResultEncoder(columns, session.functions().formats());
        } catch (RuntimeException e) {
            fail();
            throw XactErrors.asTusk(e);
        }
    }

    private void finish() {
        if (finished) {
            return;
        }
        abandon();
        session.finishStatement(statement);
    }

    private void fail() {
        if (finished) {
            return;
        }
        finished = true;
        session.portalEnded(this);
        try {
            if (run != null) {
                run.close();
            }
        } finally {
            session.failStatement(statement);
        }
    }

    @Override
    public void close() {
        if (run != null && !finished) {
            finish();
        }
    }
}
