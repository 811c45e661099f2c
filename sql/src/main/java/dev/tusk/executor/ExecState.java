package dev.tusk.executor;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-execution state shared by the nodes of one plan run (PostgreSQL's {@code EState}): the
 * {@link ExecContext}, the values of outer references for a correlated subplan ({@code outer}), the
 * materialized CTEs, and the interrupt counter.
 */
public final class ExecState {
    private final ExecContext context;
    private final Object[] outer;
    private final Map<Object, Object> shared;
    private final int[] ticks;
    private Object caseValue;
    /** Values of the enclosing nested loop's LATERAL parameters (PostgreSQL's nestParams), see NestParams. */
    private Object[] nestParams = new Object[0];

    public ExecState(ExecContext context) {
        this(context, new Object[0], new HashMap<>(), new int[1]);
    }

    private ExecState(ExecContext context, Object[] outer, Map<Object, Object> shared, int[] ticks) {
        this.context = context;
        this.outer = outer;
        this.shared = shared;
        this.ticks = ticks;
    }

    public ExecContext context() {
        return context;
    }

    /** The state a subplan runs in: same context and CTEs, its outer references bound to {@code outerValues}. */
    public ExecState forSubplan(Object[] outerValues) {
        return new ExecState(context, outerValues, shared, ticks);
    }

    /** The state the inner side of a LATERAL nested loop runs in: same outer references, {@code values} bound. */
    public ExecState withNestParams(Object[] values) {
        ExecState s = new ExecState(context, outer, shared, ticks);
        s.nestParams = values;
        return s;
    }

    /** Value of LATERAL parameter {@code slot} (a column of an outer FROM item of the same query level). */
    public Object nestParam(int slot) {
        return nestParams[slot];
    }

    /** Value of outer reference {@code slot} (a correlated subquery's reference to an enclosing row). */
    public Object outer(int slot) {
        return outer[slot];
    }

    /** The value of the innermost simple CASE's argument being tested (CaseTestExpr). */
    public Object caseValue() {
        return caseValue;
    }

    public void setCaseValue(Object v) {
        caseValue = v;
    }

    /** Per-execution memo (materialized CTEs, uncorrelated subplan results), keyed by plan identity. */
    public Map<Object, Object> shared() {
        return shared;
    }

    /** Counts a processed row and polls for cancellation every {@link ExecContext#INTERRUPT_INTERVAL} rows. */
    public void tick() {
        if (++ticks[0] >= ExecContext.INTERRUPT_INTERVAL) {
            ticks[0] = 0;
            context.checkInterrupts();
        }
    }
}
