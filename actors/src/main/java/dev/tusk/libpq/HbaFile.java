package dev.tusk.libpq;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The client authentication rules of pg_hba.conf (PostgreSQL's {@code hba.c}: {@code load_hba},
 * {@code check_hba}): the first line whose connection type, database, role and address match decides the
 * method. Loaded once at server start; immutable.
 */
public final class HbaFile {
    private final List<HbaLine> lines;

    private HbaFile(List<HbaLine> lines) {
        this.lines = lines;
    }

    /** load_hba: reads and parses the file; a missing file or a bad line is a FATAL config error. */
    public static HbaFile load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TuskException(Severity.FATAL, SqlState.CONFIG_FILE_ERROR, "could not load pg_hba.conf",
                    "could not open configuration file \"" + file + "\": " + e.getMessage(), null, 0, e);
        }
        return new HbaFile(new HbaParser(file.toString(), file.toAbsolutePath().getParent()).parse(text));
    }

    /** Parses text (tests, defaults); {@code @file} includes resolve against the working directory. */
    public static HbaFile parse(String text) {
        return new HbaFile(new HbaParser("pg_hba.conf", null).parse(text));
    }

    /** Every TCP connection trusted: what a test cluster without a pg_hba.conf uses. */
    public static HbaFile trustAll() {
        return parse("host all all all trust\n");
    }

    public List<HbaLine> lines() {
        return lines;
    }

    /** check_hba: the first matching line for a TCP/IP connection without SSL or GSS encryption. */
    public Optional<HbaLine> match(InetAddress client, String user, String database) {
        for (HbaLine line : lines) {
            if (line.type().matchesPlainTcp() && addressMatches(line.address(), client)
                    && databaseMatches(line.databases(), user, database) && roleMatches(line.users(), user)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** check_db. Role membership is not known here: "samerole" and "+role" match the role itself only. */
    private static boolean databaseMatches(List<HbaLine.Token> tokens, String user, String database) {
        for (HbaLine.Token t : tokens) {
            if (t.isKeyword("all")
                    || t.isKeyword("sameuser") && database.equals(user)
                    || (t.isKeyword("samerole") || t.isKeyword("samegroup")) && database.equals(user)) {
                return true;
            }
            if (t.isKeyword("replication") || t.isKeyword("sameuser") || t.isKeyword("samerole")
                    || t.isKeyword("samegroup")) {
                continue;
            }
            if (t.value().equals(database)) {
                return true;
            }
        }
        return false;
    }

    /** check_role. */
    private static boolean roleMatches(List<HbaLine.Token> tokens, String user) {
        for (HbaLine.Token t : tokens) {
            if (t.isKeyword("all")) {
                return true;
            }
            String name = !t.quoted() && t.value().startsWith("+") ? t.value().substring(1) : t.value();
            if (name.equals(user)) {
                return true;
            }
        }
        return false;
    }

    private static boolean addressMatches(HbaLine.Address address, InetAddress client) {
        return switch (address) {
            case HbaLine.AnyAddress any -> true;
            case HbaLine.Cidr cidr -> cidr.contains(client);
            case HbaLine.SameHost same -> localInterfaces().stream()
                    .anyMatch(ia -> Arrays.equals(ia.getAddress().getAddress(), client.getAddress()));
            case HbaLine.SameNet same -> localInterfaces().stream().anyMatch(ia -> {
                byte[] mine = ia.getAddress().getAddress();
                return mine.length == client.getAddress().length
                        && HbaLine.samePrefix(mine, client.getAddress(), ia.getNetworkPrefixLength());
            });
            case HbaLine.HostName host -> hostMatches(host.name(), client);
            case null -> false;
        };
    }

    /** Host names: a suffix (".example.com") matches the client's reverse name; a name must resolve to it. */
    private static boolean hostMatches(String name, InetAddress client) {
        try {
            if (name.startsWith(".")) {
                return client.getCanonicalHostName().toLowerCase(Locale.ROOT).endsWith(name);
            }
            for (InetAddress a : InetAddress.getAllByName(name)) {
                if (Arrays.equals(a.getAddress(), client.getAddress())) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    private static List<InterfaceAddress> localInterfaces() {
        try {
            return NetworkInterface.networkInterfaces().flatMap(ni -> ni.getInterfaceAddresses().stream()).toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    /** The client address as PostgreSQL prints it (getnameinfo NI_NUMERICHOST: "::1", not "0:0:0:0:0:0:0:1"). */
    public static String numericHost(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length == 4) {
            return address.getHostAddress();
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (a[2 * i] & 0xFF) << 8 | a[2 * i + 1] & 0xFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
