package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.TuskException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parse/Bind/Execute as the protocol drives them: parameter types, text and binary formats, row limits. */
class ExtendedProtocolTest extends SqlClusterTest {
    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parametersInTextAndBinary() {
        try (TestSession ts = cluster.connect()) {
            Session s = ts.session();
            ts.ok("CREATE TABLE ep (id int PRIMARY KEY, name text)");
            PreparedStatement ins = s.prepare("INSERT INTO ep VALUES ($1, $2)", new int[0]);
            assertArrayEquals(new int[] {TypeOids.INT4, TypeOids.TEXT}, ins.paramTypeOids());
            assertNull(ins.columns());
            try (Portal p = s.bind(ins, List.of(text("1"), text("one")), new short[0], new short[0])) {
                assertEquals("INSERT 0 1", TestSession.execute(p, 0).tag());
            }
            byte[] two = ByteBuffer.allocate(4).putInt(2).array();
            try (Portal p = s.bind(ins, Arrays.asList(two, null), new short[] {1, 0}, new short[0])) {
                assertEquals("INSERT 0 1", TestSession.execute(p, 0).tag());
            }
            ((TuskSession) s).sync();
            PreparedStatement sel = s.prepare("SELECT id, name FROM ep WHERE id >= $1 ORDER BY id", new int[0]);
            assertEquals(2, sel.columns().size());
            assertEquals(TypeOids.INT4, sel.columns().get(0).typeOid());
            try (Portal p = s.bind(sel, List.of(text("1")), new short[0], new short[] {1, 0})) {
                assertEquals(1, p.columns().get(0).format());
                TestSession.Result r = TestSession.execute(p, 0);
                assertEquals("SELECT 2", r.tag());
                assertNull(r.rows().get(1).get(1));
            }
            TuskException e = assertThrows(TuskException.class,
                    () -> s.bind(sel, List.of(text("abc")), new short[0], new short[0]));
            assertEquals("22P02", e.sqlState().code());
            ((TuskSession) s).sync();
        }
    }

    @Test
    void statementsBeforeSyncShareOneTransaction() {
        try (TestSession ts = cluster.connect()) {
            TuskSession s = (TuskSession) ts.session();
            ts.ok("CREATE TABLE batch (id int PRIMARY KEY)");
            PreparedStatement ins = s.prepare("INSERT INTO batch VALUES ($1)", new int[] {TypeOids.INT4});
            for (String v : List.of("1", "2")) {
                try (Portal p = s.bind(ins, List.of(text(v)), new short[0], new short[0])) {
                    TestSession.execute(p, 0);
                }
            }
            assertThrows(TuskException.class, () -> {
                try (Portal p = s.bind(ins, List.of(text("1")), new short[0], new short[0])) {
                    TestSession.execute(p, 0);
                }
            });
            s.sync();
            assertEquals("0", ts.value("SELECT count(*) FROM batch"));
            for (String v : List.of("1", "2")) {
                try (Portal p = s.bind(ins, List.of(text(v)), new short[0], new short[0])) {
                    TestSession.execute(p, 0);
                }
            }
            assertEquals('I', s.transactionStatus());
            s.sync();
            assertEquals("2", ts.value("SELECT count(*) FROM batch"));
        }
    }

    @Test
    void portalSuspendsAndResumes() {
        try (TestSession ts = cluster.connect()) {
            Session s = ts.session();
            ts.ok("CREATE TABLE big AS SELECT g AS n FROM generate_series(1, 10) g");
            ts.ok("BEGIN");
            PreparedStatement sel = s.prepare("SELECT n FROM big ORDER BY n", new int[0]);
            try (Portal p = s.bind(sel, List.of(), new short[0], new short[0])) {
                TestSession.Result first = TestSession.execute(p, 4);
                assertEquals("Suspended", first.tag());
                assertEquals(4, first.rows().size());
                TestSession.Result second = TestSession.execute(p, 4);
                assertEquals(List.of("5"), second.rows().get(0));
                TestSession.Result rest = TestSession.execute(p, 0);
                assertEquals("SELECT 2", rest.tag());
            }
            ts.ok("COMMIT");
            assertEquals("10", ts.value("SELECT count(*) FROM big"));
        }
    }

    @Test
    void sqlPrepareAndExecute() {
        try (TestSession ts = cluster.connect()) {
            assertEquals("PREPARE", ts.ok("PREPARE q1(int) AS SELECT $1 + 1 AS x").tag());
            TestSession.Result r = ts.ok("EXECUTE q1(5)");
            assertEquals(List.of("x"), r.columns());
            assertEquals("6", r.value());
            assertEquals("8", ts.value("EXECUTE q1('7')"));
            TuskException e = ts.error("EXECUTE q1");
            assertEquals("wrong number of parameters for prepared statement \"q1\"", e.getMessage());
            assertEquals("Expected 1 parameters but got 0.", e.detail());
            assertEquals("42P05", ts.error("PREPARE q1 AS SELECT 1").sqlState().code());
            assertEquals("DEALLOCATE", ts.ok("DEALLOCATE q1").tag());
            assertEquals("prepared statement \"q1\" does not exist", ts.error("DEALLOCATE q1").getMessage());
            ts.ok("CREATE TABLE pe (a int)");
            ts.ok("PREPARE ins(int) AS INSERT INTO pe VALUES ($1)");
            assertEquals("INSERT 0 1", ts.ok("EXECUTE ins(3)").tag());
            assertEquals("3", ts.value("SELECT a FROM pe"));
        }
    }

    @Test
    void emptyAndMultipleStatements() {
        try (TestSession ts = cluster.connect()) {
            Session s = ts.session();
            assertEquals(true, s.prepare("", new int[0]).isEmpty());
            TuskException e = assertThrows(TuskException.class, () -> s.prepare("SELECT 1; SELECT 2", new int[0]));
            assertEquals("42601", e.sqlState().code());
            assertEquals("cannot insert multiple commands into a prepared statement", e.getMessage());
            List<PreparedStatement> none = s.parseSimple("  ");
            assertEquals(1, none.size());
            assertEquals(true, none.get(0).isEmpty());
        }
    }

    @Test
    void restartKeepsCommittedData(@TempDir Path own) {
        try (SqlTestCluster c = new SqlTestCluster(own)) {
            try (TestSession s = c.connect()) {
                s.ok("CREATE TABLE keep (id serial PRIMARY KEY, v text)");
                s.ok("INSERT INTO keep (v) VALUES ('a'), ('b')");
                s.ok("BEGIN");
                s.ok("INSERT INTO keep (v) VALUES ('lost')");
            }
            c.restart();
            try (TestSession s = c.connect()) {
                assertEquals(List.of(List.of("1", "a"), List.of("2", "b")),
                        s.ok("SELECT id, v FROM keep ORDER BY id").rows());
                s.ok("INSERT INTO keep (v) VALUES ('c')");
                assertEquals("c", s.value("SELECT v FROM keep WHERE id > 2"));
            }
        }
    }
}
