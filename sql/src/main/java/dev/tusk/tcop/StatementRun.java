package dev.tusk.tcop;

import java.util.List;

/** One statement's execution inside a portal (PostgreSQL's portal strategies in pquery.c). */
interface StatementRun {
    /** The row shape in text format, or null when the statement returns no rows. */
    List<ResultColumn> columns();

    /**
     * Runs until done or {@code maxRows} rows (0 = all) went to {@code out}; returns Completed with the tag,
     * Suspended, or CopyInStarted.
     */
    dev.tusk.tcop.ExecutionResult run(long maxRows, RowOut out);

    /** Releases what the run holds (cursors); idempotent. */
    void close();

    /** Where rows go: encoded by the portal, or raw COPY data. */
    interface RowOut {
        void row(Object[] values);

        ResultSink sink();
    }
}
