package dev.tusk.postmaster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/** Runs blocking storage calls on the dedicated {@code tusk.io-dispatcher} (see reference.conf). */
final class BlockingIo {
    /** Config path of the blocking dispatcher. */
    static final String DISPATCHER = "tusk.io-dispatcher";

    private BlockingIo() {
    }

    static DispatcherSelector selector() {
        return DispatcherSelector.fromConfig(DISPATCHER);
    }

    static Executor executor(ActorContext<?> context) {
        return context.getSystem().dispatchers().lookup(selector());
    }

    /** Starts {@code work} on the blocking dispatcher. */
    static <T> CompletableFuture<T> run(ActorContext<?> context, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor(context));
    }
}
