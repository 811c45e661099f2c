package dev.tusk.libpq;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * One parsed line of pg_hba.conf (PostgreSQL's {@code HbaLine}): connection type, database and role lists,
 * the client address rule, and the method.
 *
 * @param lineNumber 1-based, for messages
 * @param type       local, host, hostssl, hostnossl, hostgssenc, hostnogssenc
 * @param databases  the database field's items
 * @param users      the role field's items
 * @param address    the address rule, null for local lines
 * @param method     the method
 * @param methodName the method as written (for messages about unsupported ones)
 */
public record HbaLine(int lineNumber, ConnType type, List<Token> databases, List<Token> users, Address address,
        HbaMethod method, String methodName) {

    /** Connection types; only the plain TCP ones can match a Tusk connection (no SSL, no GSS, no Unix socket). */
    public enum ConnType {
        LOCAL, HOST, HOSTSSL, HOSTNOSSL, HOSTGSSENC, HOSTNOGSSENC;

        boolean matchesPlainTcp() {
            return this == HOST || this == HOSTNOSSL || this == HOSTNOGSSENC;
        }
    }

    /** One list item; a quoted item is never a keyword ("all" in quotes names a database called all). */
    public record Token(String value, boolean quoted) {
        boolean isKeyword(String keyword) {
            return !quoted && value.equals(keyword);
        }
    }

    /** The address column. */
    public sealed interface Address {
    }

    /** {@code all}. */
    public record AnyAddress() implements Address {
    }

    /** {@code samehost}: any of the server's own addresses. */
    public record SameHost() implements Address {
    }

    /** {@code samenet}: any subnet the server is directly on. */
    public record SameNet() implements Address {
    }

    /** An address with a prefix length (CIDR, or address plus netmask column). */
    public record Cidr(byte[] network, int prefixLength) implements Address {
        public Cidr {
            network = network.clone();
        }

        boolean contains(InetAddress client) {
            byte[] a = client.getAddress();
            return a.length == network.length && samePrefix(a, network, prefixLength);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(network) * 31 + prefixLength;
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
            } catch (UnknownHostException e) {
                return "?/" + prefixLength;
            }
        }
    }

    /** A host name; a leading dot matches any name with that suffix. */
    public record HostName(String name) implements Address {
    }

    static boolean samePrefix(byte[] a, byte[] b, int bits) {
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (b[full] & mask);
    }
}
