package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.libpq.HbaFile;
import dev.tusk.libpq.PgListener;
import dev.tusk.postmaster.AuxiliarySettings;
import dev.tusk.postmaster.ListenSettings;
import dev.tusk.postmaster.Postmaster;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** listen_addresses: localhost, '*', lists, and an address that cannot be bound next to one that can. */
class ListenerTest {
    private static final ActorTestKit KIT = ActorTestKit.create("ListenerTest");

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    private static Postmaster.ListenStatus listen(Path dir, String addresses, int port,
            List<ActorRef<Postmaster.Command>> started) {
        ActorRef<Postmaster.Command> postmaster = KIT.spawn(Postmaster.create(TestServer.openStorage(dir),
                AuxiliarySettings.defaults(), new ScriptedEngine().role("alice", null),
                new ListenSettings(addresses, port, 5, HbaFile.trustAll(), Duration.ofSeconds(5))));
        started.add(postmaster);
        TestProbe<Postmaster.ListenStatus> probe = KIT.createTestProbe();
        postmaster.tell(new Postmaster.AwaitListening(probe.ref()));
        return probe.receiveMessage(Duration.ofSeconds(30));
    }

    private static void shutdown(ActorRef<Postmaster.Command> postmaster) {
        TestProbe<Postmaster.ShutdownComplete> probe = KIT.createTestProbe();
        postmaster.tell(new Postmaster.Shutdown(Postmaster.ShutdownMode.FAST, probe.ref()));
        probe.receiveMessage(Duration.ofSeconds(30));
    }

    @Test
    void localhostAndWildcard(@TempDir Path a, @TempDir Path b) throws Exception {
        List<ActorRef<Postmaster.Command>> started = new java.util.ArrayList<>();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Postmaster.Listening local = assertInstanceOf(Postmaster.Listening.class, listen(a, "localhost", port, started));
        assertTrue(local.addresses().stream().anyMatch(s -> s.getAddress().getHostAddress().equals("127.0.0.1")));
        try (RawClient raw = new RawClient(port)) {
            assertEquals('Z', raw.startup("alice", "postgres").getLast().type());
        }
        shutdown(started.get(0));
        Postmaster.Listening all = assertInstanceOf(Postmaster.Listening.class, listen(b, "*", 0, started));
        InetSocketAddress wildcard = all.addresses().get(0);
        assertTrue(wildcard.getAddress().isAnyLocalAddress());
        try (RawClient raw = new RawClient(wildcard.getPort())) {
            assertEquals('Z', raw.startup("alice", "postgres").getLast().type());
        }
        shutdown(started.get(1));
    }

    @Test
    void oneBoundAddressIsEnough(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.1"))) {
            List<ActorRef<Postmaster.Command>> started = new java.util.ArrayList<>();
            // 127.0.0.1 is taken on this port; 127.0.0.2 (also loopback on Linux) is not.
            Postmaster.ListenStatus status = listen(dir, "127.0.0.1, 127.0.0.2", taken.getLocalPort(), started);
            Postmaster.Listening listening = assertInstanceOf(Postmaster.Listening.class, status);
            assertEquals(1, listening.addresses().size());
            assertEquals("127.0.0.2", listening.addresses().get(0).getAddress().getHostAddress());
            shutdown(started.get(0));
        }
    }

    @Test
    void listenAddressesParse() {
        assertEquals(List.of("0.0.0.0"), PgListener.addresses("*").stream()
                .map(l -> l.address().getHostAddress()).toList());
        assertEquals(List.of("127.0.0.1", "127.0.0.2"), PgListener.addresses(" 127.0.0.1 ,127.0.0.2,127.0.0.1")
                .stream().map(l -> l.address().getHostAddress()).toList());
        assertTrue(PgListener.addresses("").isEmpty());
        assertFalse(PgListener.addresses("localhost").isEmpty());
    }
}
