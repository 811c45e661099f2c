package dev.tusk.executor;

/**
 * A pull cursor over result rows (the top of PostgreSQL's executor, {@code ExecutorRun} one tuple at a time).
 * Rows are produced lazily: a plain scan of a 10-million-row table never holds more than a page of it.
 * Single-threaded; not restartable.
 */
public interface RowCursor extends AutoCloseable {
    /**
     * The next row, one SQL value carrier per result column (contract 3; null = SQL NULL), or null at the end.
     * Throws {@link dev.tusk.utils.error.TuskException} on a runtime error (division by zero, cancel 57014...);
     * the cursor is then unusable and must be closed.
     */
    Object[] next();

    /** Releases buffer pins and other resources; idempotent; allowed before the end. */
    @Override
    void close();
}
