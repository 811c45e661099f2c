package dev.tusk.access.transam;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Futures of committers waiting for WAL to become durable up to their LSN (what PostgreSQL's backends do by
 * sleeping on {@code WALWriteLock} in {@code XLogFlush}). Whichever thread advances the flush position
 * completes them, in LSN order; completing happens outside the lock so callbacks cannot stall a flusher's peers.
 */
final class FlushWaiters {
    private record Waiter(long lsn, CompletableFuture<Long> future) {
    }

    private final PriorityQueue<Waiter> queue = new PriorityQueue<>((a, b) -> Long.compare(a.lsn, b.lsn));
    private final LongSupplier flushLsn;

    FlushWaiters(LongSupplier flushLsn) {
        this.flushLsn = flushLsn;
    }

    CompletableFuture<Long> register(long lsn) {
        long flushed = flushLsn.getAsLong();
        if (flushed >= lsn) {
            return CompletableFuture.completedFuture(flushed);
        }
        CompletableFuture<Long> f = new CompletableFuture<>();
        synchronized (queue) {
            queue.add(new Waiter(lsn, f));
        }
        // The flusher may have advanced between our check and the add; it then did not see us.
        completeUpTo(flushLsn.getAsLong());
        return f;
    }

    /** Completes every future whose LSN is at or before {@code flushed}. */
    void completeUpTo(long flushed) {
        List<Waiter> ready = new ArrayList<>();
        synchronized (queue) {
            while (!queue.isEmpty() && queue.peek().lsn <= flushed) {
                ready.add(queue.poll());
            }
        }
        for (Waiter w : ready) {
            w.future.complete(flushed);
        }
    }

    /** Fails everyone still waiting (the log is closing or broke). */
    void failAll(RuntimeException cause) {
        List<Waiter> all;
        synchronized (queue) {
            all = new ArrayList<>(queue);
            queue.clear();
        }
        for (Waiter w : all) {
            w.future.completeExceptionally(cause);
        }
    }
}
