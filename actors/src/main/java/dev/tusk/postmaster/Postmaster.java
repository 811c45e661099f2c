package dev.tusk.postmaster;

import dev.tusk.libpq.PgListener;
import dev.tusk.storage.StorageEngine;
import dev.tusk.tcop.Backend;
import dev.tusk.tcop.BackendServices;
import dev.tusk.tcop.SqlEngine;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.stream.javadsl.Tcp;

/**
 * The guardian of one running instance (PostgreSQL's {@code postmaster.c}: {@code PostmasterMain},
 * {@code ServerLoop}, {@code pmdie}, {@code reaper}): given an opened {@link StorageEngine}, it starts the WalWriter,
 * Checkpointer and BgWriter, routes commit flush requests to the WalWriter, restarts a failed auxiliary actor with
 * backoff. Given a {@link SqlEngine} and {@link ListenSettings} it also listens for clients and spawns one
 * {@link Backend} per connection.
 *
 * <p>{@link Shutdown} modes: SMART refuses new sessions (57P03) and waits for the existing ones to end; FAST also
 * ends every session with FATAL 57P01 (rolling back); both then stop listening, take the shutdown checkpoint,
 * stop the auxiliaries and close the engine. IMMEDIATE drops every connection (a WARNING 57P01 to each client, no
 * rollback, busy statements are not waited for) and closes the engine without a checkpoint (the next start
 * recovers). A later, stronger request escalates a running shutdown.
 */
public final class Postmaster extends AbstractBehavior<Postmaster.Command> {
    /** Config path of the dispatcher that runs sessions' blocking work. */
    public static final String BACKEND_DISPATCHER = "tusk.backend-dispatcher";

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

    /** Replies once every listen address is bound (or could not be): the server's "ready to accept connections". */
    public record AwaitListening(ActorRef<ListenStatus> replyTo) implements Command {
    }

    /** The outcome of binding the listen addresses. */
    public sealed interface ListenStatus {
    }

    /** Listening on these sockets (empty when listen_addresses is empty or no listener was configured). */
    public record Listening(List<InetSocketAddress> addresses) implements ListenStatus {
    }

    /**
     * No socket could be bound: the message is the FATAL line ("could not create any TCP/IP sockets"), the
     * reasons were logged. The Postmaster shuts itself down (fast) after replying.
     */
    public record ListenFailed(String message, List<String> reasons) implements ListenStatus {
    }

    /** How many client connections (backends) are alive, for tests and monitoring. */
    public record CountBackends(ActorRef<Integer> replyTo) implements Command {
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

    private record BindResult(PgListener.ListenAddress address, Tcp.ServerBinding binding, Throwable failure)
            implements Command {
    }

    private record ConnectionAccepted(Tcp.IncomingConnection connection) implements Command {
    }

    private record BackendStopped(ActorRef<Backend.Command> backend) implements Command {
    }

    private record Unbound() implements Command {
    }

    /**
     * Fast shutdown's wait for the sessions is over ({@link ListenSettings#fastShutdownGrace()}). A statement that
     * ignores the cancel (a loop without an interrupt check) must not hold the shutdown forever: the shutdown then
     * continues as immediate (no rollback, no checkpoint; the next start recovers), which is safe because it relies
     * on nothing the stuck statement holds.
     */
    private record FastShutdownGraceExpired() implements Command {
    }

    private static final Duration MIN_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final ActorContext<Command> context;
    private final StorageEngine engine;
    private final Auxiliaries aux;
    private final Set<String> running = new HashSet<>();
    private final List<ActorRef<ShutdownComplete>> shutdownWaiters = new ArrayList<>();
    private final ListenSettings listen;
    private final BackendRegistry registry;
    private final BackendServices services;
    private final List<Tcp.ServerBinding> bindings = new ArrayList<>();
    private final List<String> bindFailures = new ArrayList<>();
    private final List<ActorRef<ListenStatus>> listenWaiters = new ArrayList<>();
    private final Set<ActorRef<Backend.Command>> backends = new HashSet<>();
    private final Set<ActorRef<Backend.Command>> awaitedBackends = new HashSet<>();
    private int pendingBinds;
    private ListenStatus listenStatus;
    private long backendCounter;
    private ShutdownMode shutdownMode;
    private boolean unbinding;
    private boolean backendsDone;
    private Checkpointer.Reply shutdownCheckpoint;

    private Postmaster(ActorContext<Command> context, StorageEngine engine, AuxiliarySettings settings,
            SqlEngine sqlEngine, ListenSettings listen) {
        super(context);
        this.context = context;
        this.engine = engine;
        this.listen = listen;
        this.aux = new Auxiliaries(
                spawn("walwriter", WalWriter.create(engine.wal(), settings.walWriterDelay())),
                spawn("checkpointer", Checkpointer.create(engine, settings.checkpointTimeout())),
                spawn("bgwriter", BgWriter.create(engine.buffers(), settings.bgWriterDelay(),
                        settings.bgWriterLruMaxPages())));
        ActorRef<WalWriter.Command> walWriter = aux.walWriter();
        engine.setWalFlushRequest(lsn -> walWriter.tell(new WalWriter.RequestFlush(lsn)));
        if (listen == null) {
            this.registry = null;
            this.services = null;
            this.listenStatus = new Listening(List.of());
        } else {
            this.registry = new BackendRegistry(listen.maxConnections());
            Executor executor = context.getSystem().dispatchers().lookup(
                    DispatcherSelector.fromConfig(BACKEND_DISPATCHER));
            this.services = new BackendServices(sqlEngine, listen.hba(), registry, executor,
                    listen.authenticationTimeout());
            startListening();
        }
    }

    /** The guardian over an opened engine, without clients; it owns the engine and closes it at shutdown. */
    public static Behavior<Command> create(StorageEngine engine, AuxiliarySettings settings) {
        return Behaviors.setup(context -> new Postmaster(context, engine, settings, null, null));
    }

    /**
     * The guardian of a serving instance: as {@link #create(StorageEngine, AuxiliarySettings)}, plus the listener
     * for {@code listen} whose sessions run on {@code sqlEngine}. Ask {@link AwaitListening} for the bound sockets.
     */
    public static Behavior<Command> create(StorageEngine engine, AuxiliarySettings settings, SqlEngine sqlEngine,
            ListenSettings listen) {
        return Behaviors.setup(context -> new Postmaster(context, engine, settings, sqlEngine, listen));
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
            case AwaitListening await -> {
                if (listenStatus != null) {
                    await.replyTo().tell(listenStatus);
                } else {
                    listenWaiters.add(await.replyTo());
                }
            }
            case CountBackends count -> count.replyTo().tell(backends.size());
            case BindResult result -> onBindResult(result);
            case ConnectionAccepted accepted -> onConnection(accepted.connection());
            case BackendStopped stopped -> {
                backends.remove(stopped.backend());
                awaitedBackends.remove(stopped.backend());
                proceedWhenBackendsGone();
            }
            case Unbound unbound -> afterBackends();
            case FastShutdownGraceExpired expired -> {
                if (shutdownMode == ShutdownMode.FAST && !backendsDone && !awaitedBackends.isEmpty()) {
                    context.getLog().warn("{} session(s) did not end within {} s of the fast shutdown request; "
                            + "shutting down immediately", awaitedBackends.size(),
                            listen.fastShutdownGrace().toMillis() / 1000.0);
                    startShutdown(new Shutdown(ShutdownMode.IMMEDIATE, context.getSystem().ignoreRef()));
                }
            }
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

    // ---- listening (StreamServerPort)

    private void startListening() {
        List<PgListener.ListenAddress> addresses = PgListener.addresses(listen.listenAddresses());
        ActorRef<Command> self = context.getSelf();
        for (PgListener.ListenAddress address : addresses) {
            if (address.address() == null) {
                self.tell(new BindResult(address, null, new java.net.UnknownHostException(
                        "could not translate host name \"" + address.entry() + "\" to address")));
            } else {
                context.pipeToSelf(PgListener.bind(context.getSystem(), address.address(), listen.port(),
                        connection -> self.tell(new ConnectionAccepted(connection))),
                        (binding, failure) -> new BindResult(address, binding, failure));
            }
            pendingBinds++;
        }
        if (pendingBinds == 0) {
            listenStatus = new Listening(List.of());
        }
    }

    private void onBindResult(BindResult result) {
        pendingBinds--;
        PgListener.ListenAddress address = result.address();
        if (result.failure() == null) {
            if (shutdownMode != null) {
                result.binding().unbind();
            } else {
                bindings.add(result.binding());
                InetSocketAddress bound = result.binding().localAddress();
                context.getLog().info("listening on {} address \"{}\", port {}", PgListener.family(address.address()),
                        address.address().getHostAddress(), bound.getPort());
            }
        } else if (address.address() == null) {
            String reason = result.failure().getMessage();
            bindFailures.add(reason);
            context.getLog().warn("{}", reason);
        } else {
            String reason = "could not bind " + PgListener.family(address.address()) + " address \""
                    + address.address().getHostAddress() + "\": " + PgListener.reason(result.failure());
            bindFailures.add(reason);
            context.getLog().warn("{}", reason);
            context.getLog().warn("HINT:  Is another postmaster already running on port {}? If not, wait a few "
                    + "seconds and retry.", listen.port());
        }
        if (pendingBinds > 0) {
            return;
        }
        if (shutdownMode != null) {
            proceedWhenBackendsGone();
            return;
        }
        if (bindings.isEmpty()) {
            listenStatus = new ListenFailed("could not create any TCP/IP sockets", List.copyOf(bindFailures));
            context.getLog().error("FATAL:  could not create any TCP/IP sockets");
            listenWaiters.forEach(w -> w.tell(listenStatus));
            listenWaiters.clear();
            startShutdown(new Shutdown(ShutdownMode.FAST, context.getSystem().ignoreRef()));
            return;
        }
        listenStatus = new Listening(bindings.stream().map(Tcp.ServerBinding::localAddress).toList());
        listenWaiters.forEach(w -> w.tell(listenStatus));
        listenWaiters.clear();
    }

    /** ServerLoop's BackendStartup: one Backend per connection; the Backend itself refuses it when shutting down. */
    private void onConnection(Tcp.IncomingConnection connection) {
        if (backends.size() >= maxLiveBackends()) {
            // Connections that have not sent a StartupMessage hold no slot yet; this bounds how many of them (and
            // their sockets) a flood of idle connects can pile up before authentication_timeout drops them.
            PgListener.refuse(context.getSystem(), connection, dev.tusk.libpq.ProtocolErrors.tooManyClients());
            return;
        }
        ActorRef<Backend.Command> backend = context.spawn(Backend.create(connection, services),
                "backend-" + (++backendCounter));
        context.watchWith(backend, new BackendStopped(backend));
        backends.add(backend);
        if (unbinding) {
            // Accepted while the sockets were closing: nobody is served any more.
            backend.tell(new Backend.Terminate(ShutdownMode.FAST));
        }
    }

    /** MaxLivePostmasterChildren: twice the slots, plus some room for cancel requests. */
    private int maxLiveBackends() {
        return 2 * listen.maxConnections() + 20;
    }

    // ---- shutdown (pmdie)

    private void startShutdown(Shutdown shutdown) {
        shutdownWaiters.add(shutdown.replyTo());
        if (shutdownMode != null) {
            if (shutdown.mode().compareTo(shutdownMode) > 0 && !backendsDone) {
                shutdownMode = shutdown.mode();
                context.getLog().info("received {} shutdown request", modeName(shutdownMode));
                terminateBackends();
            }
            return;
        }
        shutdownMode = shutdown.mode();
        context.getLog().info("received {} shutdown request", modeName(shutdownMode));
        if (registry != null) {
            registry.startShutdown();
        }
        awaitedBackends.addAll(backends);
        terminateBackends();
    }

    private void terminateBackends() {
        if (shutdownMode == ShutdownMode.SMART) {
            proceedWhenBackendsGone();
            return;
        }
        if (!backends.isEmpty() && shutdownMode == ShutdownMode.FAST) {
            context.getLog().info("aborting any active transactions");
            context.scheduleOnce(listen.fastShutdownGrace(), context.getSelf(), new FastShutdownGraceExpired());
        }
        for (ActorRef<Backend.Command> backend : backends) {
            backend.tell(new Backend.Terminate(shutdownMode));
        }
        // Immediate shutdown waits too, but only for the connections to drop: backends stop at once (a busy one
        // without waiting for its statement) and roll nothing back; recovery repairs the rest.
        proceedWhenBackendsGone();
    }

    private void proceedWhenBackendsGone() {
        if (shutdownMode == null || backendsDone || unbinding || pendingBinds > 0 || !awaitedBackends.isEmpty()) {
            return;
        }
        unbinding = true;
        List<CompletableFuture<?>> unbinds = new ArrayList<>();
        for (Tcp.ServerBinding binding : bindings) {
            unbinds.add(binding.unbind().toCompletableFuture());
        }
        bindings.clear();
        context.pipeToSelf(CompletableFuture.allOf(unbinds.toArray(CompletableFuture[]::new)),
                (ok, failure) -> new Unbound());
    }

    private void afterBackends() {
        if (backendsDone) {
            return;
        }
        backendsDone = true;
        // Connections that arrived during the wait have no session; they go with the sockets.
        for (ActorRef<Backend.Command> backend : backends) {
            backend.tell(new Backend.Terminate(shutdownMode == ShutdownMode.IMMEDIATE ? ShutdownMode.IMMEDIATE
                    : ShutdownMode.FAST));
        }
        if (shutdownMode == ShutdownMode.IMMEDIATE) {
            stopAuxiliaries(null);
        } else {
            context.getLog().info("shutting down");
            aux.checkpointer().tell(new Checkpointer.Shutdown(
                    context.messageAdapter(Checkpointer.Reply.class, CheckpointerReplied::new)));
        }
    }

    private static String modeName(ShutdownMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
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
