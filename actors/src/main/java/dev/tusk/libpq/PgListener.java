package dev.tusk.libpq;

import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Tcp;

/**
 * The TCP listen sockets (PostgreSQL's {@code StreamServerPort} over {@code listen_addresses}): resolves the
 * setting into addresses and binds each with Pekko Streams TCP, handing every accepted connection to a callback.
 */
public final class PgListener {
    /** Pending connections the kernel may queue per socket (PostgreSQL: MaxConnections * 2, at most SOMAXCONN). */
    private static final int BACKLOG = 1024;

    private PgListener() {
    }

    /** One address to bind and the listen_addresses entry it came from; address null if the name is unknown. */
    public record ListenAddress(String entry, InetAddress address) {
    }

    /**
     * The addresses to bind: {@code *} binds 0.0.0.0, a host name binds everything it resolves to (localhost:
     * 127.0.0.1 and, where configured, ::1).
     */
    public static List<ListenAddress> addresses(String listenAddresses) {
        Map<InetAddress, String> seen = new LinkedHashMap<>();
        List<ListenAddress> out = new ArrayList<>();
        for (String raw : listenAddresses.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                add(out, seen, entry, InetAddress.ofLiteral("0.0.0.0"));
                continue;
            }
            try {
                for (InetAddress a : InetAddress.getAllByName(entry)) {
                    add(out, seen, entry, a);
                }
            } catch (UnknownHostException e) {
                out.add(new ListenAddress(entry, null));
            }
        }
        return out;
    }

    private static void add(List<ListenAddress> out, Map<InetAddress, String> seen, String entry, InetAddress a) {
        if (seen.putIfAbsent(a, entry) == null) {
            out.add(new ListenAddress(entry, a));
        }
    }

    /** Binds one address; the stage fails when the address cannot be bound. */
    public static CompletionStage<Tcp.ServerBinding> bind(ClassicActorSystemProvider system, InetAddress address,
            int port, Consumer<Tcp.IncomingConnection> onConnection) {
        return Tcp.get(system)
                .bind(address.getHostAddress(), port, BACKLOG, List.of(), false, java.util.Optional.empty())
                .to(Sink.foreach(onConnection::accept))
                .run(Materializer.matFromSystem(system));
    }

    /**
     * Answers a connection with one FATAL ErrorResponse and closes it, without a backend (the postmaster's
     * "sorry, too many clients already" when it has too many children to start another).
     */
    public static void refuse(ClassicActorSystemProvider system, Tcp.IncomingConnection connection,
            dev.tusk.utils.error.TuskException error) {
        PqBuffer buf = new PqBuffer(256);
        BackendMessages.errorResponse(buf, error, dev.tusk.utils.error.Severity.FATAL);
        connection.handleWith(org.apache.pekko.stream.javadsl.Flow.fromSinkAndSourceCoupled(Sink.ignore(),
                org.apache.pekko.stream.javadsl.Source.single(org.apache.pekko.util.ByteString.fromArrayUnsafe(
                        buf.take()))), Materializer.matFromSystem(system));
    }

    /** "IPv4" or "IPv6", as PostgreSQL's messages say. */
    public static String family(InetAddress address) {
        return address instanceof Inet6Address ? "IPv6" : "IPv4";
    }

    /** The operating system's reason in a bind failure ("Address already in use"). */
    public static String reason(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain) {
            if (t instanceof BindException && t.getMessage() != null) {
                return stripAddress(t.getMessage());
            }
        }
        String message = String.valueOf(chain.getLast().getMessage());
        int at = message.lastIndexOf("BindException: ");
        return stripAddress(at >= 0 ? message.substring(at + "BindException: ".length()) : message);
    }

    private static String stripAddress(String message) {
        // Pekko prefixes the address: "[/127.0.0.1:5432] Address already in use".
        if (message.startsWith("[")) {
            int end = message.indexOf("] ");
            if (end > 0) {
                return message.substring(end + 2);
            }
        }
        return message;
    }
}
