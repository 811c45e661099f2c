package dev.tusk.executor;

/** A {@link RowCursor} running a plan tree: the node is started lazily on the first {@link #next()}. */
final class PlanCursor implements RowCursor {
    private final Plan plan;
    private final ExecState state;
    private ExecNode node;
    private boolean closed;

    PlanCursor(Plan plan, ExecContext ctx) {
        this.plan = plan;
        this.state = new ExecState(ctx);
    }

    ExecState state() {
        return state;
    }

    @Override
    public Object[] next() {
        if (closed) {
            return null;
        }
        if (node == null) {
            state.context().checkInterrupts();
            node = plan.start(state);
        }
        Object[] row = node.next();
        if (row == null) {
            close();
        }
        return row;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (node != null) {
                node.close();
            }
        }
    }
}
