package dev.tusk.access.transam;

/**
 * How a committing transaction asks for its commit record to be flushed. The committer first takes
 * {@code XLog.flushFuture(lsn)}, then calls {@link #requestFlush}, then waits on the future. In a running
 * server the request wakes the WalWriter actor, which flushes everything inserted so far in one fsync
 * (group commit); without actors (tools, tests) {@code xlog::flush} does the flush in the caller's thread,
 * where concurrent callers still coalesce inside {@link XLog#flush}.
 */
@FunctionalInterface
public interface WalFlushRequest {
    void requestFlush(long lsn);
}
