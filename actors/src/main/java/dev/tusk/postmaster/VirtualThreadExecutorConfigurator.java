package dev.tusk.postmaster;

import com.typesafe.config.Config;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.apache.pekko.dispatch.DispatcherPrerequisites;
import org.apache.pekko.dispatch.ExecutorServiceConfigurator;
import org.apache.pekko.dispatch.ExecutorServiceFactory;

/**
 * A dispatcher executor that starts one virtual thread per task (configured by class name in reference.conf).
 * Pekko's own virtual-thread executor needs {@code --add-opens} into java.base; this one only uses the public
 * {@link Thread#ofVirtual()} API. Sessions block on I/O and on slow clients, which costs nothing on a virtual
 * thread and so never starves other sessions of a pool thread.
 */
public final class VirtualThreadExecutorConfigurator extends ExecutorServiceConfigurator {
    public VirtualThreadExecutorConfigurator(Config config, DispatcherPrerequisites prerequisites) {
        super(config, prerequisites);
    }

    @Override
    public ExecutorServiceFactory createExecutorServiceFactory(String id, ThreadFactory threadFactory) {
        return new ExecutorServiceFactory() {
            @Override
            public ExecutorService createExecutorService() {
                return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(id + "-", 0).factory());
            }
        };
    }
}
