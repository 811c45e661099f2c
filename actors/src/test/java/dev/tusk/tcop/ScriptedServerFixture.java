package dev.tusk.tcop;

import dev.tusk.libpq.HbaFile;
import dev.tusk.postmaster.ListenSettings;
import dev.tusk.postmaster.Postmaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestServer} on a scripted engine shared by all tests of a class: register it as a static
 * {@code @RegisterExtension} field; it starts before the first test over a fresh data directory and is shut down
 * (FAST) after the last, together with its actor test kit.
 */
final class ScriptedServerFixture implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<ScriptedEngine> engineFactory;
    private final ListenSettings settings;
    private ActorTestKit kit;
    private Path dir;
    private ScriptedEngine engine;
    private TestServer server;

    ScriptedServerFixture(Supplier<ScriptedEngine> engineFactory, ListenSettings settings) {
        this.engineFactory = engineFactory;
        this.settings = settings;
    }

    /** The usual setup: role alice without a password, trust for everyone, 20 seconds to authenticate. */
    static ScriptedServerFixture aliceTrusted(int maxConnections) {
        return new ScriptedServerFixture(() -> new ScriptedEngine().role("alice", null),
                TestServer.settings(HbaFile.trustAll(), maxConnections));
    }

    ScriptedEngine engine() {
        return engine;
    }

    TestServer server() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        kit = ActorTestKit.create(context.getRequiredTestClass().getSimpleName());
        dir = Files.createTempDirectory("tusk-" + context.getRequiredTestClass().getSimpleName());
        engine = engineFactory.get();
        server = TestServer.start(kit, dir, engine, settings);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.shutdown(Postmaster.ShutdownMode.FAST);
            }
        } finally {
            kit.shutdownTestKit();
            TestServer.deleteTree(dir);
        }
    }
}
