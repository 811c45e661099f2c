package dev.tusk.postmaster;

import dev.tusk.storage.StorageEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The guardian of one running instance (PostgreSQL's {@code postmaster.c}, {@code PostmasterMain} /
 * {@code pmdie}): given an opened {@link StorageEngine}, it starts the WalWriter, Checkpointer and BgWriter,
 * routes commit flush requests to the WalWriter, restarts a failed auxiliary actor with backoff, and on
 * {@link Shutdown} takes the shutdown checkpoint, stops the auxiliaries, closes the engine and stops.
 */
public final class Postmaster extends AbstractBehavior<Postmaster.Command> {

    /** The Postmaster's protocol. */
    public sealed interface Command {
    }

    /** pg_ctl stop -m: smart and fast take a shutdown checkpoint; immediate does not (recovery on next start). */
    public enum ShutdownMode {
        SMART, FAST, IMMEDIATE
    }

    /** Stops the instance; {@code replyTo} hears once the engine is closed. */
    public record Shutdown(ShutdownMode mode, ActorRef<ShutdownComplete> replyTo) implements Command {
    }

    /** CHECKPOINT, forwarded to the Checkpointer. */
    public record RequestCheckpoint(ActorRef<Checkpointer.Reply> replyTo) implements Command {
    }

    /** Asks for the auxiliary actors (for stats and tests). */
    public record GetAuxiliaries(ActorRef<Auxiliaries> replyTo) implements Command {
    }

    /** The running auxiliary actors. */
    public record Auxiliaries(ActorRef<WalWriter.Command> walWriter, ActorRef<Checkpointer.Command> checkpointer,
            ActorRef<BgWriter.Command> bgWriter) {
    }

    /**
     * The end of a shutdown.
     *
     * @param checkpoint the shutdown checkpoint's reply, null in immediate mode
     * @param closeError why closing the engine failed, or null
     */
    public record ShutdownComplete(Checkpointer.Reply checkpoint, String closeError) {
    }

    private record CheckpointerReplied(Checkpointer.Reply reply) implements Command {
    }

    private record AuxiliaryStopped(String name) implements Command {
    }

    private record EngineClosed(Throwable failure) implements Command {
    }

    private static final Duration MIN_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final ActorContext<Command> context;
    private final StorageEngine engine;
    private final Auxiliaries aux;
    private final Set<String> running = new HashSet<>();
    private final List<ActorRef<ShutdownComplete>> shutdownWaiters = new ArrayList<>();
    private ShutdownMode shutdownMode;
    private Checkpointer.Reply shutdownCheckpoint;

    private Postmaster(ActorContext<Command> context, StorageEngine engine, AuxiliarySettings settings) {
        super(context);
        this.context = context;
        this.engine = engine;
        this.aux = new Auxiliaries(
                spawn("walwriter", WalWriter.create(engine.wal(), settings.walWriterDelay())),
                spawn("checkpointer", Checkpointer.create(engine, settings.checkpointTimeout())),
                spawn("bgwriter", BgWriter.create(engine.buffers(), settings.bgWriterDelay(),
                        settings.bgWriterLruMaxPages())));
        ActorRef<WalWriter.Command> walWriter = aux.walWriter();
        engine.setWalFlushRequest(lsn -> walWriter.tell(new WalWriter.RequestFlush(lsn)));
    }

    /** The guardian over an opened engine; it owns the engine from now on and closes it at shutdown. */
    public static Behavior<Command> create(StorageEngine engine, AuxiliarySettings settings) {
        return Behaviors.setup(context -> new Postmaster(context, engine, settings));
    }

    private <T> ActorRef<T> spawn(String name, Behavior<T> behavior) {
        ActorRef<T> ref = context.spawn(Behaviors.supervise(behavior).onFailure(Exception.class,
                SupervisorStrategy.restartWithBackoff(MIN_BACKOFF, MAX_BACKOFF, 0.2)), name);
        context.watchWith(ref, new AuxiliaryStopped(name));
        running.add(name);
        return ref;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Command.class, this::onCommand).build();
    }

    private Behavior<Command> onCommand(Command command) {
        switch (command) {
            case RequestCheckpoint request -> aux.checkpointer().tell(new Checkpointer.RequestCheckpoint(
                    request.replyTo()));
            case GetAuxiliaries get -> get.replyTo().tell(aux);
            case Shutdown shutdown -> startShutdown(shutdown);
            case CheckpointerReplied replied -> stopAuxiliaries(replied.reply());
            case AuxiliaryStopped stopped -> {
                running.remove(stopped.name());
                if (shutdownMode == null) {
                    context.getLog().error("{} stopped unexpectedly", stopped.name());
                }
                closeEngineWhenAlone();
            }
            case EngineClosed closed -> {
                String error = closed.failure() == null ? null : String.valueOf(closed.failure().getMessage());
                shutdownWaiters.forEach(w -> w.tell(new ShutdownComplete(shutdownCheckpoint, error)));
                context.getLog().info("database system is shut down");
                return Behaviors.stopped();
            }
        }
        return this;
    }

    private void startShutdown(Shutdown shutdown) {
        shutdownWaiters.add(shutdown.replyTo());
        if (shutdownMode != null) {
            return;
        }
        shutdownMode = shutdown.mode();
        context.getLog().info("received {} shutdown request", shutdown.mode().name().toLowerCase(java.util.Locale.ROOT));
        if (shutdownMode == ShutdownMode.IMMEDIATE) {
            stopAuxiliaries(null);
        } else {
            context.getLog().info("shutting down");
            aux.checkpointer().tell(new Checkpointer.Shutdown(
                    context.messageAdapter(Checkpointer.Reply.class, CheckpointerReplied::new)));
        }
    }

    private void stopAuxiliaries(Checkpointer.Reply checkpoint) {
        shutdownCheckpoint = checkpoint;
        // From here on a committer flushes its own WAL: the WalWriter is going away.
        engine.setWalFlushRequest(lsn -> engine.wal().flush(lsn));
        aux.walWriter().tell(new WalWriter.Stop());
        aux.bgWriter().tell(new BgWriter.Stop());
        if (!(checkpoint instanceof Checkpointer.Completed)) {
            context.stop(aux.checkpointer());
        }
    }

    private void closeEngineWhenAlone() {
        if (shutdownMode == null || !running.isEmpty()) {
            return;
        }
        boolean crash = shutdownMode == ShutdownMode.IMMEDIATE;
        context.pipeToSelf(BlockingIo.run(context, () -> {
            if (crash) {
                engine.closeAfterCrash();
            } else {
                engine.close();
            }
            return Boolean.TRUE;
        }), (ok, failure) -> new EngineClosed(failure));
    }
}
