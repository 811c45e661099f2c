package dev.tusk.postmaster;

import dev.tusk.storage.buffer.BufferPool;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The background writer (PostgreSQL's {@code bgwriter.c}, {@code BackgroundWriterMain} / {@code BgBufferSync}):
 * every {@code bgwriter_delay} it writes up to {@code bgwriter_lru_maxpages} dirty buffers ahead of the clock
 * hand, so that backends rarely have to write a victim page themselves.
 */
public final class BgWriter extends AbstractBehavior<BgWriter.Command> {

    /** The BgWriter's protocol. */
    public sealed interface Command {
    }

    /** Asks for the work done so far. */
    public record GetStats(ActorRef<Stats> replyTo) implements Command {
    }

    /** Stops after the in-flight round, if any. */
    public record Stop() implements Command {
    }

    /** Rounds run and buffers written since start (PostgreSQL's {@code buffers_clean}). */
    public record Stats(long rounds, long buffersWritten) {
    }

    private record Tick() implements Command {
    }

    private record RoundDone(int written, Throwable failure) implements Command {
    }

    private final ActorContext<Command> context;
    private final BufferPool buffers;
    private final int maxPages;
    private boolean running;
    private boolean stopping;
    private long rounds;
    private long buffersWritten;

    private BgWriter(ActorContext<Command> context, BufferPool buffers, int maxPages) {
        super(context);
        this.context = context;
        this.buffers = buffers;
        this.maxPages = maxPages;
    }

    /** A BgWriter over {@code buffers}; {@code lruMaxPages == 0} disables the rounds, as in PostgreSQL. */
    public static Behavior<Command> create(BufferPool buffers, Duration bgWriterDelay, int lruMaxPages) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
            if (lruMaxPages > 0) {
                timers.startTimerWithFixedDelay(Tick.class, new Tick(), bgWriterDelay);
            }
            return new BgWriter(context, buffers, lruMaxPages);
        }));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Command.class, this::onCommand).build();
    }

    private Behavior<Command> onCommand(Command command) {
        switch (command) {
            case Tick tick -> {
                if (!running && !stopping) {
                    running = true;
                    context.pipeToSelf(BlockingIo.run(context, () -> buffers.bgWriterSweep(maxPages)),
                            (written, failure) -> new RoundDone(written == null ? 0 : written, failure));
                }
            }
            case RoundDone done -> {
                running = false;
                if (done.failure() != null) {
                    throw new IllegalStateException("background writer round failed", done.failure());
                }
                rounds++;
                buffersWritten += done.written();
            }
            case GetStats get -> get.replyTo().tell(new Stats(rounds, buffersWritten));
            case Stop stop -> stopping = true;
        }
        return stopping && !running ? Behaviors.stopped() : this;
    }
}
