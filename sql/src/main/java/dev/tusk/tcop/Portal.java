package dev.tusk.tcop;

import java.util.List;

/**
 * A bound statement ready to run (PostgreSQL's Portal). Execute may be called repeatedly with a row limit:
 * each call resumes where the last one suspended.
 */
public interface Portal extends AutoCloseable {
    /** The row shape in the requested result formats, or null when the statement returns no rows. */
    List<ResultColumn> columns();

    /**
     * Runs the portal until it completes or {@code maxRows} rows (0 = no limit) have gone to the sink.
     * Throws TuskException on error (the portal is then unusable).
     */
    ExecutionResult execute(long maxRows, ResultSink sink);

    @Override
    void close();
}
