package dev.tusk.libpq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.utils.error.TuskException;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HbaFileTest {
    private static final InetAddress LOCAL4 = InetAddress.ofLiteral("127.0.0.1");
    private static final InetAddress REMOTE4 = InetAddress.ofLiteral("10.1.2.3");
    private static final InetAddress LOCAL6 = InetAddress.ofLiteral("::1");

    private static int line(HbaFile hba, InetAddress client, String user, String db) {
        Optional<HbaLine> match = hba.match(client, user, db);
        return match.map(HbaLine::lineNumber).orElse(-1);
    }

    @Test
    void firstMatchingLineWins() {
        HbaFile hba = HbaFile.parse("""
                # comment line
                local   all             all                                     peer
                host    "all"           alice           127.0.0.1/32            reject
                host    sameuser        all             127.0.0.1/32            trust   # trailing comment
                host    db1,db2         +admins,bob     10.0.0.0/8              md5
                hostssl all             all             0.0.0.0/0               scram-sha-256
                host    all             "Mixed Case"    10.1.2.3 255.255.255.255 password
                host    all             all             ::1/128                 trust
                host    all             all             all                     scram-sha-256 \\
                        clientcert=verify-ca
                """);
        assertEquals(8, hba.lines().size(), "the continuation joins two lines into one rule");
        assertEquals(3, line(hba, LOCAL4, "alice", "all"), "\"all\" in quotes is a database name");
        assertEquals(4, line(hba, LOCAL4, "alice", "alice"));
        assertEquals(9, line(hba, LOCAL4, "alice", "other"));
        assertEquals(5, line(hba, REMOTE4, "bob", "db2"));
        assertEquals(5, line(hba, REMOTE4, "admins", "db1"));
        assertEquals(7, line(hba, REMOTE4, "Mixed Case", "x"));
        assertEquals(9, line(hba, REMOTE4, "mixed case", "x"), "role names are case-sensitive");
        assertEquals(8, line(hba, LOCAL6, "anyone", "x"));
        assertEquals(HbaMethod.SCRAM_SHA_256, hba.lines().get(7).method());
    }

    @Test
    void noMatchAndSamehost() {
        HbaFile hba = HbaFile.parse("host all all samehost trust\nhost replication all all trust\n");
        assertEquals(1, line(hba, LOCAL4, "u", "d"));
        assertEquals(-1, line(hba, InetAddress.ofLiteral("203.0.113.9"), "u", "d"));
        assertEquals(-1, line(hba, InetAddress.ofLiteral("203.0.113.9"), "u", "replication"),
                "replication matches only replication connections");
    }

    @Test
    void errorsNameTheLine() {
        TuskException type = assertThrows(TuskException.class, () -> HbaFile.parse("\nhots all all all trust\n"));
        assertEquals("invalid connection type \"hots\"", type.getMessage());
        assertEquals("line 2 of configuration file \"pg_hba.conf\"", type.detail());
        assertEquals("invalid authentication method \"trusted\"",
                assertThrows(TuskException.class, () -> HbaFile.parse("host all all all trusted")).getMessage());
        assertEquals("invalid CIDR mask in address \"10.0.0.0/33\"",
                assertThrows(TuskException.class, () -> HbaFile.parse("host all all 10.0.0.0/33 trust")).getMessage());
        assertEquals("end-of-line before authentication method",
                assertThrows(TuskException.class, () -> HbaFile.parse("host all all 10.0.0.0/8")).getMessage());
        assertEquals("end-of-line before role specification",
                assertThrows(TuskException.class, () -> HbaFile.parse("host all")).getMessage());
        assertTrue(assertThrows(TuskException.class, () -> HbaFile.parse("host all all 10.0.0.1 255.0.255.0 trust"))
                .getMessage().startsWith("invalid IP mask"));
    }

    @Test
    void numericHostsPrintLikePostgres() {
        assertEquals("::1", HbaFile.numericHost(LOCAL6));
        assertEquals("127.0.0.1", HbaFile.numericHost(LOCAL4));
        assertEquals("2001:db8::1:0:0:1", HbaFile.numericHost(InetAddress.ofLiteral("2001:db8:0:0:1:0:0:1")));
    }
}
