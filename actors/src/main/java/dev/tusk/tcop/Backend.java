package dev.tusk.tcop;

import dev.tusk.libpq.PqFrame;
import dev.tusk.libpq.PqFramer;
import dev.tusk.libpq.PqOutbox;
import dev.tusk.libpq.ProtocolErrors;
import dev.tusk.postmaster.Postmaster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.SourceQueueWithComplete;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;

/**
 * One client connection (PostgreSQL's backend process): owns the connection's Pekko stream and its
 * {@link BackendProtocol}. Incoming bytes are cut into frames by {@link PqFramer}; frames become tasks on the
 * blocking {@code tusk.backend-dispatcher}, one task at a time (frames that arrived meanwhile, up to 1 MB, go to the
 * next task together), and more frames are pulled from the socket only when a task is done, so a busy session
 * applies backpressure to its client. Output leaves through {@link PqOutbox} into a bounded queue feeding the
 * socket. The Postmaster ends a backend with {@link Terminate}; a silent client is dropped after
 * authentication_timeout. A client that vanishes without Terminate while a frame runs gets that frame's statement
 * cancelled (again every 100 ms, until the frame is done) and its session closed afterwards, as a fast shutdown
 * does with FATAL 57P01.
 */
public final class Backend extends AbstractBehavior<Backend.Command> {
    /** Outgoing batches buffered ahead of the socket (each up to about 32 kB). */
    static final int OUTGOING_QUEUE = 8;
    /** Most frame bytes collected for one task (a pipelined Parse/Bind/Execute.../Sync batch becomes one task). */
    static final long INCOMING_BATCH_BYTES = 1 << 20;

    /** The Backend's protocol. */
    public sealed interface Command {
    }

    /** Shutdown: FAST ends the session with FATAL 57P01 (rolling back), IMMEDIATE drops it. */
    public record Terminate(Postmaster.ShutdownMode mode) implements Command {
    }

    /** Frames that arrived while the previous task ran, handled together by one task. */
    private record FrameArrived(List<PqFrame> frames, CompletableFuture<Void> ack) implements Command {
    }

    private record FrameHandled(boolean keepOpen, CompletableFuture<Void> ack) implements Command {
    }

    private record InputEnded() implements Command {
    }

    /** The client's side of the socket ended (EOF or reset), possibly while frames are still queued or running. */
    private record PeerClosed() implements Command {
    }

    private record Closed() implements Command {
    }

    private record StartupTimeout() implements Command {
    }

    /** Immediate shutdown's bound on delivering the last message to a client that does not read. */
    private record AbortNow() implements Command {
    }

    /** While a frame runs after the connection broke or a fast shutdown began: cancel its statement (again). */
    private record CancelTick() implements Command {
    }

    private static final java.time.Duration IMMEDIATE_GRACE = java.time.Duration.ofSeconds(1);
    /** How often a running statement is cancelled again until its frame ends (see {@link CancelTick}). */
    private static final java.time.Duration CANCEL_REPEAT = java.time.Duration.ofMillis(100);
    private static final Object CANCEL_TIMER = "cancel";

    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final BackendServices services;
    private final PqOutbox outbox;
    private final BackendProtocol protocol;
    private boolean busy;
    private boolean inputEnded;
    /** The client sent Terminate: an orderly end, whose frames all run before the connection closes. */
    private volatile boolean terminateSent;
    /** The frame task running now (or the last one); see PostStop. */
    private CompletableFuture<Boolean> runningTask;
    private boolean closing;
    private Postmaster.ShutdownMode terminating;

    private Backend(ActorContext<Command> context, TimerScheduler<Command> timers, Tcp.IncomingConnection connection,
            BackendServices services) {
        super(context);
        this.context = context;
        this.timers = timers;
        this.services = services;
        Materializer materializer = Materializer.matFromSystem(context.getSystem());
        Pair<SourceQueueWithComplete<ByteString>, Source<ByteString, NotUsed>> outgoing =
                Source.<ByteString>queue(OUTGOING_QUEUE, OverflowStrategy.backpressure()).preMaterialize(materializer);
        this.outbox = new PqOutbox(outgoing.first());
        this.protocol = new BackendProtocol(services, outbox, connection.remoteAddress());
        ActorRef<Command> self = context.getSelf();
        CompletableFuture<Done> peerClosed = new CompletableFuture<>();
        Sink<ByteString, CompletionStage<Done>> incoming = Flow.of(ByteString.class)
                // Seen at once, even while a frame runs and the frames behind it wait (InputEnded waits for them).
                .watchTermination((notUsed, closed) -> {
                    closed.whenComplete((done, failure) -> peerClosed.complete(Done.getInstance()));
                    return notUsed;
                })
                .<PqFrame>statefulMapConcat(() -> {
                    PqFramer framer = new PqFramer(this::sessionReady);
                    return chunk -> {
                        List<PqFrame> frames = framer.feed(chunk);
                        for (PqFrame f : frames) {
                            if (f instanceof PqFrame.Message m && m.typeChar() == 'X') {
                                terminateSent = true;
                            }
                        }
                        return frames;
                    };
                })
                .batchWeighted(INCOMING_BATCH_BYTES, Backend::weight, frame -> {
                    List<PqFrame> frames = new ArrayList<>(4);
                    frames.add(frame);
                    return frames;
                }, (frames, frame) -> {
                    frames.add(frame);
                    return frames;
                })
                .toMat(Sink.<List<PqFrame>>foreachAsync(1, frames -> {
                    CompletableFuture<Void> ack = new CompletableFuture<>();
                    self.tell(new FrameArrived(frames, ack));
                    return ack;
                }), Keep.right());
        CompletionStage<Done> inputDone = connection.handleWith(
                Flow.fromSinkAndSourceCoupledMat(incoming, outgoing.second(), Keep.left()), materializer);
        context.pipeToSelf(inputDone, (done, failure) -> new InputEnded());
        context.pipeToSelf(peerClosed, (done, failure) -> new PeerClosed());
        timers.startSingleTimer(new StartupTimeout(), services.authenticationTimeout());
    }

    /** Read by the framer on the stream's thread; the session's phase is volatile. */
    private boolean sessionReady() {
        return protocol.isReady();
    }

    private static Long weight(PqFrame frame) {
        return switch (frame) {
            case PqFrame.Message m -> 16L + m.body().length;
            case PqFrame.StartupPacket p -> 16L + p.body().length;
            case PqFrame.Malformed m -> 16L;
        };
    }

    /** A backend serving {@code connection}. */
    public static Behavior<Command> create(Tcp.IncomingConnection connection, BackendServices services) {
        return Behaviors.setup(context -> Behaviors.withTimers(
                timers -> new Backend(context, timers, connection, services)));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Command.class, this::onCommand)
                .onSignal(PostStop.class, signal -> {
                    boolean rollback = terminating != Postmaster.ShutdownMode.IMMEDIATE;
                    if (!closing && !busy) {
                        // Stopped without closing (a failure, or the Postmaster going away): end the session anyway.
                        try {
                            services.executor().execute(() -> protocol.close(rollback));
                        } catch (java.util.concurrent.RejectedExecutionException systemGoingDown) {
                            protocol.releaseSlot();
                        }
                    } else if (!closing && rollback && runningTask != null) {
                        // Stopped under a running frame by a failure of this actor: the session must still end (its
                        // locks and transaction would otherwise stay forever), once the cancelled frame is done.
                        protocol.cancelRunning();
                        outbox.abort();
                        runningTask.whenCompleteAsync((keepOpen, failure) -> protocol.close(true),
                                services.executor());
                        return this;
                    }
                    protocol.releaseSlot();
                    if (!outbox.isClosed()) {
                        outbox.abort();
                    }
                    return this;
                })
                .build();
    }

    private Behavior<Command> onCommand(Command command) {
        switch (command) {
            case FrameArrived arrived -> onFrame(arrived);
            case FrameHandled handled -> onFrameHandled(handled);
            case InputEnded ended -> {
                inputEnded = true;
                if (!busy) {
                    close(true);
                } else {
                    // The connection broke under a running frame (a normal end waits for the frame): nothing more
                    // can be delivered, so a write blocked on the full queue must give up; unless the client ended
                    // in order (Terminate), the statement is cancelled too (it may produce no output for hours).
                    outbox.abort();
                    if (!terminateSent) {
                        cancelUntilIdle();
                    }
                }
            }
            case PeerClosed closed -> {
                if (busy && !inputEnded && !terminateSent && !closing) {
                    // The client vanished without Terminate under a running frame (a timeout, a crash): like
                    // client_connection_check_interval, cancel the statement instead of running it (and anything
                    // queued behind it) for nobody; the session closes as soon as the frame is done.
                    outbox.abort();
                    cancelUntilIdle();
                }
            }
            case Terminate terminate -> {
                return onTerminate(terminate.mode());
            }
            case AbortNow abort -> outbox.abort();
            case CancelTick tick -> {
                if (busy) {
                    protocol.cancelRunning();
                } else {
                    timers.cancel(CANCEL_TIMER);
                }
            }
            case StartupTimeout timeout -> {
                if (!protocol.isReady() && !closing) {
                    // A client that never finishes startup is dropped without a message, like PostgreSQL.
                    outbox.abort();
                    if (!busy) {
                        close(true);
                    }
                }
            }
            case Closed closed -> {
                return Behaviors.stopped();
            }
        }
        return this;
    }

    private void onFrame(FrameArrived arrived) {
        if (closing || terminating != null) {
            return;
        }
        busy = true;
        CompletableFuture<Boolean> task = CompletableFuture.supplyAsync(() -> protocol.handleAll(arrived.frames()),
                services.executor());
        runningTask = task;
        context.pipeToSelf(task, (keepOpen, failure) -> new FrameHandled(failure == null && keepOpen,
                arrived.ack()));
    }

    private void onFrameHandled(FrameHandled handled) {
        busy = false;
        timers.cancel(CANCEL_TIMER);
        if (terminating == Postmaster.ShutdownMode.IMMEDIATE) {
            // Crash semantics: no rollback, the engine is being closed as after a crash.
            close(false);
        } else if (!handled.keepOpen() || inputEnded || outbox.isClosed()) {
            close(true);
        } else if (terminating != null) {
            terminateNow();
        } else {
            handled.ack().complete(null);
        }
    }

    private Behavior<Command> onTerminate(Postmaster.ShutdownMode mode) {
        boolean immediate = mode == Postmaster.ShutdownMode.IMMEDIATE;
        if (closing || terminating != null && mode.compareTo(terminating) <= 0) {
            if (immediate) {
                outbox.abort();
            }
            return this;
        }
        terminating = mode;
        protocol.requestTermination(immediate ? ProtocolErrors.immediateShutdown() : ProtocolErrors.adminShutdown());
        if (immediate && busy) {
            // Like SIGQUIT: the connection goes now and the backend with it; the running statement ends on its own
            // (its writes fail), nothing is rolled back.
            outbox.abort();
            return Behaviors.stopped();
        }
        if (!busy) {
            terminateNow();
            if (immediate) {
                timers.startSingleTimer(new AbortNow(), IMMEDIATE_GRACE);
            }
        } else {
            cancelUntilIdle();
        }
        return this;
    }

    /** Cancels the running statement now and every {@link #CANCEL_REPEAT} until the frame is done. */
    private void cancelUntilIdle() {
        protocol.cancelRunning();
        if (!timers.isTimerActive(CANCEL_TIMER)) {
            timers.startTimerWithFixedDelay(CANCEL_TIMER, new CancelTick(), CANCEL_REPEAT);
        }
    }

    private void terminateNow() {
        closing = true;
        boolean closeSession = terminating != Postmaster.ShutdownMode.IMMEDIATE;
        CompletableFuture<Void> task = CompletableFuture.runAsync(() -> protocol.terminate(closeSession),
                services.executor());
        context.pipeToSelf(task, (ok, failure) -> new Closed());
    }

    private void close(boolean closeSession) {
        if (closing) {
            return;
        }
        closing = true;
        CompletableFuture<Void> task = CompletableFuture.runAsync(() -> protocol.close(closeSession),
                services.executor());
        context.pipeToSelf(task, (ok, failure) -> new Closed());
    }
}
