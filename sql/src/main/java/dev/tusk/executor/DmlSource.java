package dev.tusk.executor;

/**
 * The row source of an INSERT, UPDATE or DELETE: yields one item per row to write (pull, lazily, like
 * {@link RowCursor}). {@code T} is {@code Object[]} (INSERT: a complete new row), {@link UpdateRow} or
 * {@link DeleteRow}.
 */
public interface DmlSource<T> extends AutoCloseable {
    /** The next row to apply, or null at the end. */
    T next();

    @Override
    void close();
}
