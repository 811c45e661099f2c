package dev.tusk.postmaster;

import dev.tusk.access.transam.Lsn;
import dev.tusk.storage.StorageEngine;
import dev.tusk.storage.StorageEngine.CheckpointResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The checkpointer (PostgreSQL's {@code checkpointer.c}, {@code CheckpointerMain} / {@code RequestCheckpoint}):
 * runs {@code StorageEngine.createCheckPoint} on request, every {@code checkpoint_timeout}, and once more as the
 * shutdown checkpoint, after which it stops. A timed checkpoint is skipped when no WAL was inserted since the
 * last one ended, as PostgreSQL skips idle checkpoints. Checkpoints never overlap: requests that arrive while one runs
 * wait for the next one, and all of them share it.
 */
public final class Checkpointer extends AbstractBehavior<Checkpointer.Command> {

    /** The Checkpointer's protocol. */
    public sealed interface Command {
    }

    /** CHECKPOINT: replies once a checkpoint that started after this request has completed. */
    public record RequestCheckpoint(ActorRef<Reply> replyTo) implements Command {
    }

    /** The shutdown checkpoint; after a successful one the Checkpointer stops. */
    public record Shutdown(ActorRef<Reply> replyTo) implements Command {
    }

    /** Asks for the work done so far. */
    public record GetStats(ActorRef<Stats> replyTo) implements Command {
    }

    /** What a requester hears back. */
    public sealed interface Reply {
    }

    /** The checkpoint that served the request. */
    public record Completed(CheckpointResult result, boolean shutdown) implements Reply {
    }

    /** The checkpoint failed; nothing was promised durable by it. */
    public record Failed(String message, boolean shutdown) implements Reply {
    }

    /** PostgreSQL's {@code pg_stat_bgwriter} checkpoint counters. */
    public record Stats(long timed, long requested, long failed) {
    }

    /** The blocking work of one checkpoint; the engine's {@code createCheckPoint} in production. */
    @FunctionalInterface
    interface CheckpointWork {
        CheckpointResult run(boolean shutdown);
    }

    private record Tick() implements Command {
    }

    /** {@code insertLsnAfter}: the WAL insert position right after the checkpoint, to spot an idle system. */
    private record Done(CheckpointResult result, long insertLsnAfter, Throwable failure) implements Command {
    }

    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final CheckpointWork work;
    private final LongSupplier insertLsn;
    /** Insert position when the last checkpoint ended (or when we started). */
    private long idleLsn;
    private final Duration timeout;
    /** Requests waiting for the next checkpoint. */
    private final List<ActorRef<Reply>> queued = new ArrayList<>();
    private final List<ActorRef<Reply>> shutdownQueued = new ArrayList<>();
    /** Requests the running checkpoint will answer. */
    private List<ActorRef<Reply>> serving = List.of();
    private boolean running;
    private boolean runningShutdown;
    private boolean timedDue;
    private long timed;
    private long requested;
    private long failed;

    private Checkpointer(ActorContext<Command> context, TimerScheduler<Command> timers, CheckpointWork work,
            LongSupplier insertLsn, Duration timeout) {
        super(context);
        this.context = context;
        this.timers = timers;
        this.work = work;
        this.insertLsn = insertLsn;
        this.idleLsn = insertLsn.getAsLong();
        this.timeout = timeout;
        armTimer();
    }

    /** The Checkpointer of {@code engine}, with an automatic checkpoint every {@code checkpointTimeout}. */
    public static Behavior<Command> create(StorageEngine engine, Duration checkpointTimeout) {
        return create(engine::createCheckPoint, () -> engine.wal().insertLsn(), checkpointTimeout);
    }

    static Behavior<Command> create(CheckpointWork work, LongSupplier insertLsn, Duration checkpointTimeout) {
        return Behaviors.setup(context -> Behaviors.withTimers(
                timers -> new Checkpointer(context, timers, work, insertLsn, checkpointTimeout)));
    }

    /** checkpoint_timeout counts from the end of the last checkpoint, whatever caused it. */
    private void armTimer() {
        timers.startSingleTimer(Tick.class, new Tick(), timeout);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Command.class, this::onCommand).build();
    }

    private Behavior<Command> onCommand(Command command) {
        switch (command) {
            case RequestCheckpoint request -> queued.add(request.replyTo());
            case Shutdown shutdown -> shutdownQueued.add(shutdown.replyTo());
            case Tick tick -> {
                if (insertLsn.getAsLong() != idleLsn) {
                    timedDue = true;
                } else if (!running) {
                    armTimer();
                }
            }
            case GetStats get -> get.replyTo().tell(new Stats(timed, requested, failed));
            case Done done -> {
                return finish(done);
            }
        }
        startIfIdle();
        return this;
    }

    private void startIfIdle() {
        if (running) {
            return;
        }
        boolean shutdown = !shutdownQueued.isEmpty();
        if (!shutdown && queued.isEmpty() && !timedDue) {
            return;
        }
        if (queued.isEmpty() && !shutdown) {
            timed++;
        } else {
            requested++;
        }
        List<ActorRef<Reply>> next = new ArrayList<>(queued);
        next.addAll(shutdownQueued);
        queued.clear();
        shutdownQueued.clear();
        timedDue = false;
        serving = next;
        running = true;
        runningShutdown = shutdown;
        context.getLog().info("checkpoint starting:{}", shutdown ? " shutdown immediate"
                : next.isEmpty() ? " time" : " immediate force wait");
        context.pipeToSelf(BlockingIo.run(context, () -> new Done(work.run(shutdown), insertLsn.getAsLong(), null)),
                (done, failure) -> failure == null ? done : new Done(null, -1, failure));
    }

    private Behavior<Command> finish(Done done) {
        running = false;
        Reply reply;
        if (done.failure() == null) {
            CheckpointResult r = done.result();
            idleLsn = done.insertLsnAfter();
            context.getLog().info("checkpoint complete: wrote {} buffers; {} WAL file(s) removed; sync files={};"
                    + " lsn={}, redo lsn={}", r.buffersWritten(), r.segmentsRemoved(), r.filesSynced(),
                    Lsn.format(r.checkpointLsn()), Lsn.format(r.redoLsn()));
            reply = new Completed(r, runningShutdown);
        } else {
            failed++;
            Throwable cause = done.failure() instanceof java.util.concurrent.CompletionException ce
                    && ce.getCause() != null ? ce.getCause() : done.failure();
            context.getLog().error("checkpoint failed: {}", cause.toString(), cause);
            reply = new Failed(String.valueOf(cause.getMessage()), runningShutdown);
        }
        serving.forEach(ref -> ref.tell(reply));
        serving = List.of();
        if (runningShutdown && reply instanceof Completed) {
            // Requests that came in during the shutdown checkpoint are served by it: nothing can follow.
            queued.forEach(ref -> ref.tell(reply));
            shutdownQueued.forEach(ref -> ref.tell(reply));
            return Behaviors.stopped();
        }
        // The checkpoint just taken restarts the checkpoint_timeout clock, whatever caused it.
        timedDue = false;
        armTimer();
        startIfIdle();
        return this;
    }
}
