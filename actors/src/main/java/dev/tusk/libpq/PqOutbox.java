package dev.tusk.libpq;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.SourceQueueWithComplete;
import org.apache.pekko.util.ByteString;

/**
 * A connection's outgoing side (PostgreSQL's {@code pqcomm.c} send buffer and {@code pq_flush}): backend messages
 * are encoded into {@link #buffer()} and handed to the connection's outgoing stream in batches by
 * {@link #flush()}, which blocks while the stream's bounded queue is full. That block is the backpressure that
 * keeps an executor thread from running ahead of a slow client. Written by one thread at a time (the session's);
 * {@link #abort()} may come from any thread and unblocks a waiting writer.
 */
public final class PqOutbox {
    /** Send when this much is buffered, even without an explicit flush (PQ_SEND_BUFFER_SIZE is 8 kB). */
    static final int BATCH_BYTES = 32 * 1024;

    private final SourceQueueWithComplete<ByteString> queue;
    private final PqBuffer buffer = new PqBuffer(BATCH_BYTES + 1024);
    private volatile boolean closed;

    public PqOutbox(SourceQueueWithComplete<ByteString> queue) {
        this.queue = queue;
    }

    /** Where encoders write. */
    public PqBuffer buffer() {
        return buffer;
    }

    /** Sends the buffer if a batch has filled up. */
    public void maybeFlush() {
        if (buffer.size() >= BATCH_BYTES) {
            flush();
        }
    }

    /** Hands everything buffered to the connection; blocks while the client is not reading. */
    public void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        if (closed) {
            buffer.take();
            throw new ClientConnectionLost();
        }
        CompletionStage<QueueOfferResult> offered = queue.offer(ByteString.fromArrayUnsafe(buffer.take()));
        QueueOfferResult result = await(offered);
        if (result != QueueOfferResult.enqueued()) {
            closed = true;
            throw new ClientConnectionLost();
        }
    }

    private QueueOfferResult await(CompletionStage<QueueOfferResult> offered) {
        var future = offered.toCompletableFuture();
        while (true) {
            try {
                return future.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (closed) {
                    throw new ClientConnectionLost();
                }
            } catch (ExecutionException e) {
                closed = true;
                throw new ClientConnectionLost();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClientConnectionLost();
            }
        }
    }

    /** Flushes, then ends the outgoing stream: the connection closes once the bytes are out. */
    public void close() {
        try {
            flush();
        } catch (ClientConnectionLost ignored) {
            // the client is gone; nothing left to deliver
        }
        closed = true;
        queue.complete();
    }

    /** Drops the connection at once (immediate shutdown, timeouts); a blocked flush throws. */
    public void abort() {
        closed = true;
        queue.fail(new ClientConnectionLost());
    }

    public boolean isClosed() {
        return closed;
    }

    /** The client went away (or the connection was aborted) while output was pending. */
    public static final class ClientConnectionLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ClientConnectionLost() {
            super("connection to client lost", null, false, false);
        }
    }
}
