package dev.tusk.postmaster;

import dev.tusk.access.transam.XLog;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The WAL writer (PostgreSQL's {@code walwriter.c}, {@code WalWriterMain} / {@code XLogBackgroundFlush}):
 * flushes the WAL every {@code wal_writer_delay} and whenever a committer asks. One {@code XLog.flushAll()}
 * covers every record inserted before it started, so all requests that arrive while a flush is in flight
 * are served by the next single fsync: group commit.
 */
public final class WalWriter extends AbstractBehavior<WalWriter.Command> {

    /** The WalWriter's protocol. */
    public sealed interface Command {
    }

    /** A committer wants WAL durable up to {@code lsn} (it waits on {@code XLog.flushFuture(lsn)}). */
    public record RequestFlush(long lsn) implements Command {
    }

    /** Asks for the work done so far. */
    public record GetStats(ActorRef<Stats> replyTo) implements Command {
    }

    /** Stops after the in-flight flush, if any (used by the postmaster at shutdown). */
    public record Stop() implements Command {
    }

    /**
     * Work done since start.
     *
     * @param flushes    flushes that made more WAL durable (each one fsync, barring segment switches)
     * @param requests   flush requests received
     * @param flushedLsn WAL durable up to here as of the last flush
     */
    public record Stats(long flushes, long requests, long flushedLsn) {
    }

    private record Tick() implements Command {
    }

    private record FlushDone(long flushedLsn, Throwable failure) implements Command {
    }

    private final ActorContext<Command> context;
    private final XLog xlog;
    private boolean flushing;
    private boolean flushWanted;
    private boolean stopping;
    private long flushes;
    private long requests;
    private long flushedLsn;

    private WalWriter(ActorContext<Command> context, XLog xlog) {
        super(context);
        this.context = context;
        this.xlog = xlog;
    }

    /** A WalWriter over {@code xlog} that also flushes every {@code walWriterDelay}. */
    public static Behavior<Command> create(XLog xlog, Duration walWriterDelay) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
            startTimer(timers, walWriterDelay);
            return new WalWriter(context, xlog);
        }));
    }

    private static void startTimer(TimerScheduler<Command> timers, Duration delay) {
        timers.startTimerWithFixedDelay(Tick.class, new Tick(), delay);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Command.class, this::onCommand).build();
    }

    private Behavior<Command> onCommand(Command command) {
        switch (command) {
            case RequestFlush request -> {
                requests++;
                if (request.lsn() > xlog.flushLsn()) {
                    flushWanted = true;
                }
            }
            case Tick tick -> {
                if (xlog.insertLsn() > xlog.flushLsn()) {
                    flushWanted = true;
                }
            }
            case GetStats get -> get.replyTo().tell(new Stats(flushes, requests, flushedLsn));
            case Stop stop -> stopping = true;
            case FlushDone done -> {
                flushing = false;
                if (done.failure() != null) {
                    // PostgreSQL PANICs when WAL cannot be flushed; here the supervisor restarts us.
                    throw new IllegalStateException("could not flush write-ahead log", done.failure());
                }
                if (done.flushedLsn() > flushedLsn) {
                    flushes++;
                    flushedLsn = done.flushedLsn();
                }
            }
        }
        return next();
    }

    /** Starts the next flush when one is wanted and none is running, or stops when asked and idle. */
    private Behavior<Command> next() {
        if (flushing) {
            return this;
        }
        if (stopping) {
            return Behaviors.stopped();
        }
        if (flushWanted) {
            flushWanted = false;
            flushing = true;
            context.pipeToSelf(BlockingIo.run(context, xlog::flushAll),
                    (lsn, failure) -> new FlushDone(lsn == null ? -1 : lsn, failure));
        }
        return this;
    }
}
