package dev.tusk.executor;

/** One running plan node (PostgreSQL's {@code PlanState} with ExecProcNode/ExecEndNode): a pull iterator. */
public interface ExecNode {
    /** The next row, or null when exhausted. Rows returned are never modified afterwards by the node. */
    Object[] next();

    /** ExecEndNode: releases pins, scans and memory; idempotent. */
    void close();
}
