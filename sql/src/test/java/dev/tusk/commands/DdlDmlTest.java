package dev.tusk.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.tcop.SqlClusterTest;
import dev.tusk.tcop.TestSession;
import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE TABLE and DML through a session, with constraint errors worded as PostgreSQL 15 words them. */
class DdlDmlTest extends SqlClusterTest {
    private static List<List<String>> rows(TestSession s, String sql) {
        return s.ok(sql).rows();
    }

    @Test
    void createInsertSelectUpdateDelete() {
        try (TestSession s = cluster.connect()) {
            assertEquals("CREATE TABLE", s.ok("CREATE TABLE t1 (a int, b text)").tag());
            assertEquals("INSERT 0 3", s.ok("INSERT INTO t1 VALUES (1, 'x'), (2, 'y'), (3, NULL)").tag());
            TestSession.Result r = s.ok("SELECT a, b FROM t1 ORDER BY a");
            assertEquals("SELECT 3", r.tag());
            assertEquals(List.of("a", "b"), r.columns());
            assertEquals(List.of(List.of("1", "x"), List.of("2", "y")), r.rows().subList(0, 2));
            assertNull(r.rows().get(2).get(1));
            assertEquals("UPDATE 2", s.ok("UPDATE t1 SET b = 'z' WHERE a >= 2").tag());
            assertEquals("DELETE 1", s.ok("DELETE FROM t1 WHERE a = 1").tag());
            assertEquals(List.of(List.of("2", "z"), List.of("3", "z")), rows(s, "SELECT * FROM t1 ORDER BY a"));
            r = s.ok("UPDATE t1 SET a = a * 10 RETURNING a");
            assertEquals("UPDATE 2", r.tag());
            assertEquals(2, r.rows().size());
            r = s.ok("DELETE FROM t1 WHERE a = 20 RETURNING b");
            assertEquals(List.of(List.of("z")), r.rows());
        }
    }

    @Test
    void serialPrimaryKeyNotNullAndCheck() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE p (id serial PRIMARY KEY, name text NOT NULL, qty int CHECK (qty >= 0))");
            TestSession.Result r = s.ok("INSERT INTO p (name, qty) VALUES ('a', 1), ('b', 2) RETURNING id, name");
            assertEquals("INSERT 0 2", r.tag());
            assertEquals(List.of(List.of("1", "a"), List.of("2", "b")), r.rows());
            TuskException e = s.error("INSERT INTO p (name, qty) VALUES (null, 1)");
            assertEquals("23502", e.sqlState().code());
            assertEquals("null value in column \"name\" of relation \"p\" violates not-null constraint", e.getMessage());
            assertEquals("Failing row contains (3, null, 1).", e.detail());
            e = s.error("INSERT INTO p (name, qty) VALUES ('c', -1)");
            assertEquals("23514", e.sqlState().code());
            assertEquals("new row for relation \"p\" violates check constraint \"p_qty_check\"", e.getMessage());
            assertEquals("Failing row contains (4, c, -1).", e.detail());
            e = s.error("INSERT INTO p (id, name) VALUES (1, 'dup')");
            assertEquals("23505", e.sqlState().code());
            assertEquals("duplicate key value violates unique constraint \"p_pkey\"", e.getMessage());
            assertEquals("Key (id)=(1) already exists.", e.detail());
            assertEquals("nextval('p_id_seq'::regclass)",
                    s.value("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'p'::regclass"));
            e = s.error("CREATE TABLE p (x int)");
            assertEquals("42P07", e.sqlState().code());
            assertEquals("relation \"p\" already exists", e.getMessage());
            TestSession.Outcome o = s.run("CREATE TABLE IF NOT EXISTS p (x int)");
            assertEquals("relation \"p\" already exists, skipping", o.notices().get(0).getMessage());
        }
    }

    @Test
    void foreignKeysCheckAndAct() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE fp (id int PRIMARY KEY)");
            s.ok("INSERT INTO fp VALUES (1), (2)");
            s.ok("CREATE TABLE fc (cid int PRIMARY KEY, pid int REFERENCES fp ON DELETE CASCADE, note text)");
            s.ok("INSERT INTO fc VALUES (1, 1, 'x'), (2, 2, 'y')");
            TuskException e = s.error("INSERT INTO fc VALUES (3, 99, 'z')");
            assertEquals("23503", e.sqlState().code());
            assertEquals("insert or update on table \"fc\" violates foreign key constraint \"fc_pid_fkey\"",
                    e.getMessage());
            assertEquals("Key (pid)=(99) is not present in table \"fp\".", e.detail());
            assertEquals("DELETE 1", s.ok("DELETE FROM fp WHERE id = 1").tag());
            assertEquals(List.of(List.of("2", "2", "y")), rows(s, "SELECT * FROM fc"));
            s.ok("CREATE TABLE fr (rid int PRIMARY KEY, pid int REFERENCES fp(id))");
            s.ok("INSERT INTO fr VALUES (1, 2)");
            e = s.error("DELETE FROM fp WHERE id = 2");
            assertEquals("update or delete on table \"fp\" violates foreign key constraint \"fr_pid_fkey\" on table "
                    + "\"fr\"", e.getMessage());
            assertEquals("Key (id)=(2) is still referenced from table \"fr\".", e.detail());
            e = s.error("UPDATE fp SET id = 10 WHERE id = 2");
            assertEquals("update or delete on table \"fp\" violates foreign key constraint \"fc_pid_fkey\" on table "
                    + "\"fc\"", e.getMessage());
            s.ok("CREATE TABLE fn (x int REFERENCES fp ON DELETE SET NULL)");
            s.ok("INSERT INTO fp VALUES (5)");
            s.ok("INSERT INTO fn VALUES (5)");
            s.ok("DELETE FROM fp WHERE id = 5");
            assertNull(s.value("SELECT x FROM fn"));
            s.ok("CREATE TABLE self (id int PRIMARY KEY, parent int REFERENCES self)");
            assertEquals("INSERT 0 2", s.ok("INSERT INTO self VALUES (1, NULL), (2, 1)").tag());
            e = s.error("DROP TABLE fp");
            assertEquals("2BP01", e.sqlState().code());
            TestSession.Outcome o = s.run("DROP TABLE fp CASCADE");
            assertEquals("DROP TABLE", o.last().tag());
            assertTrue(o.notices().get(0).getMessage().startsWith("drop cascades to"));
        }
    }

    @Test
    void dropIfExistsAndSequences() {
        try (TestSession s = cluster.connect()) {
            TuskException e = s.error("DROP TABLE nosuch");
            assertEquals("42P01", e.sqlState().code());
            assertEquals("table \"nosuch\" does not exist", e.getMessage());
            TestSession.Outcome o = s.run("DROP TABLE IF EXISTS nosuch");
            assertEquals("DROP TABLE", o.last().tag());
            assertEquals("table \"nosuch\" does not exist, skipping", o.notices().get(0).getMessage());
            assertEquals("CREATE SEQUENCE", s.ok("CREATE SEQUENCE s1").tag());
            e = s.error("SELECT currval('s1')");
            assertEquals("55000", e.sqlState().code());
            assertEquals("currval of sequence \"s1\" is not yet defined in this session", e.getMessage());
            assertEquals(List.of(List.of("1", "2", "2", "2")),
                    rows(s, "SELECT nextval('s1'), nextval('s1'), currval('s1'), lastval()"));
            assertEquals("10", s.value("SELECT setval('s1', 10)"));
            assertEquals("11", s.value("SELECT nextval('s1')"));
        }
    }

    @Test
    void indexesAndAlterTable() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE ix (a int, note text)");
            s.ok("INSERT INTO ix VALUES (1, 'y')");
            assertEquals("CREATE INDEX", s.ok("CREATE UNIQUE INDEX ON ix (note)").tag());
            TuskException e = s.error("INSERT INTO ix VALUES (5, 'y')");
            assertEquals("duplicate key value violates unique constraint \"ix_note_idx\"", e.getMessage());
            assertEquals("Key (note)=(y) already exists.", e.detail());
            s.ok("CREATE TABLE u (a int)");
            s.ok("INSERT INTO u VALUES (1), (1)");
            e = s.error("CREATE UNIQUE INDEX u_a ON u (a)");
            assertEquals("could not create unique index \"u_a\"", e.getMessage());
            assertEquals("Key (a)=(1) is duplicated.", e.detail());
            e = s.error("ALTER TABLE u ADD CONSTRAINT u_chk CHECK (a > 5)");
            assertEquals("check constraint \"u_chk\" of relation \"u\" is violated by some row", e.getMessage());
            assertEquals("ALTER TABLE", s.ok("ALTER TABLE u ALTER COLUMN a SET NOT NULL").tag());
            e = s.error("INSERT INTO u VALUES (NULL)");
            assertEquals("Failing row contains (null).", e.detail());
            s.ok("ALTER TABLE u ALTER COLUMN a DROP NOT NULL");
            s.ok("INSERT INTO u VALUES (NULL)");
            e = s.error("ALTER TABLE u ALTER COLUMN a SET NOT NULL");
            assertEquals("column \"a\" of relation \"u\" contains null values", e.getMessage());
            s.ok("ALTER TABLE u ADD COLUMN b int DEFAULT 7");
            assertEquals(List.of(List.of("1", "7"), List.of("1", "7")), rows(s, "SELECT a, b FROM u WHERE a = 1"));
            s.ok("ALTER TABLE u RENAME COLUMN b TO c");
            s.ok("ALTER TABLE u RENAME TO u2");
            assertEquals("3", s.value("SELECT count(c) FROM u2"));
            assertEquals("TRUNCATE TABLE", s.ok("TRUNCATE u2").tag());
            assertEquals("0", s.value("SELECT count(*) FROM u2"));
        }
    }

    @Test
    void repeatedUpdatesOfAKeyedRowInOneTransaction() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE hot (id int PRIMARY KEY, pad text)");
            s.ok("INSERT INTO hot VALUES (1, 'a'), (2, 'b')");
            s.ok("BEGIN");
            for (int i = 0; i < 60; i++) {
                assertEquals("UPDATE 1", s.ok("UPDATE hot SET pad = repeat('x', 400) || " + i + " WHERE id = 1").tag());
                assertEquals("UPDATE 1", s.ok("UPDATE hot SET id = id WHERE id = 2").tag());
            }
            s.ok("COMMIT");
            assertEquals("2", s.value("SELECT count(*) FROM hot"));
            assertEquals("x59", s.value("SELECT substr(pad, 400) FROM hot WHERE id = 1"));
            TuskException e = s.error("UPDATE hot SET id = 2 WHERE id = 1");
            assertEquals("duplicate key value violates unique constraint \"hot_pkey\"", e.getMessage());
            assertEquals("Key (id)=(2) already exists.", e.detail());
        }
    }

    @Test
    void viewsAndCreateTableAs() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE base (a int, b text)");
            s.ok("INSERT INTO base VALUES (1, 'one'), (2, 'two')");
            assertEquals("CREATE VIEW", s.ok("CREATE VIEW v AS SELECT a, b FROM base WHERE a > 1").tag());
            assertEquals(List.of(List.of("2", "two")), rows(s, "SELECT * FROM v"));
            assertEquals("SELECT 2", s.ok("CREATE TABLE copy1 AS SELECT * FROM base").tag());
            assertEquals("2", s.value("SELECT count(*) FROM copy1"));
        }
    }

    @Test
    void copyInAndOut() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE ct (a int, b text, c int DEFAULT 7)");
            s.ok("INSERT INTO ct VALUES (5, 'y', 7), (9, 'q,\"z', NULL)");
            TestSession.Result r = s.ok("COPY ct TO STDOUT");
            assertEquals("COPY 2", r.tag());
            assertEquals(List.of(List.of("5\ty\t7\n"), List.of("9\tq,\"z\t\\N\n")), r.rows());
            r = s.ok("COPY ct TO STDOUT (FORMAT csv, HEADER)");
            assertEquals(List.of(List.of("a,b,c\n"), List.of("5,y,7\n"), List.of("9,\"q,\"\"z\",\n")), r.rows());
            assertEquals("COPY 2", s.copyIn("COPY ct FROM STDIN", "1\tx\t3\n2\t\\N\t\\N\n\\.\n", 3));
            assertEquals("COPY 1", s.copyIn("COPY ct (a, b) FROM STDIN", "6\tmulti\\nline\n", 100));
            assertEquals(List.of(List.of("multi\nline", "7")), rows(s, "SELECT b, c FROM ct WHERE a = 6"));
            assertEquals("COPY 1", s.copyIn("COPY ct FROM STDIN (FORMAT csv, HEADER)",
                    "a,b,c\n10,\"two\nlines\",\n", 5));
            assertEquals("two\nlines", s.value("SELECT b FROM ct WHERE a = 10"));
            TuskException e = assertThrows(TuskException.class, () -> s.copyIn("COPY ct FROM STDIN", "2\t\\N\n", 10));
            assertEquals("22P04", e.sqlState().code());
            assertEquals("missing data for column \"c\"", e.getMessage());
            e = assertThrows(TuskException.class, () -> s.copyIn("COPY ct FROM STDIN", "1\ty\t2\t3\n", 10));
            assertEquals("extra data after last expected column", e.getMessage());
            e = assertThrows(TuskException.class, () -> s.copyIn("COPY ct FROM STDIN", "x\ty\t1\n", 10));
            assertEquals("22P02", e.sqlState().code());
            assertEquals("6", s.value("SELECT count(*) FROM ct"));
            e = s.error("COPY ct FROM '/nonexistent/file'");
            assertEquals("58P01", e.sqlState().code());
            e = s.error("COPY ct TO 'relative.txt'");
            assertEquals("relative path not allowed for COPY to file", e.getMessage());
            s.ok("CREATE VIEW ctv AS SELECT a FROM ct");
            e = s.error("COPY ctv TO STDOUT");
            assertEquals("cannot copy from view \"ctv\"", e.getMessage());
            r = s.ok("COPY (SELECT a FROM ct WHERE a < 3 ORDER BY a) TO STDOUT");
            assertEquals(List.of(List.of("1\n"), List.of("2\n")), r.rows());
        }
    }

    @Test
    void serverSideCopyFiles(@TempDir Path files) throws Exception {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE sf (a int, b text)");
            s.ok("INSERT INTO sf VALUES (1, 'one'), (2, 'two')");
            Path out = files.resolve("out.csv");
            assertEquals("COPY 2", s.ok("COPY sf TO '" + out + "' (FORMAT csv)").tag());
            assertEquals("1,one\n2,two\n", java.nio.file.Files.readString(out));
            assertEquals("COPY 2", s.ok("COPY sf FROM '" + out + "' (FORMAT csv)").tag());
            assertEquals("4", s.value("SELECT count(*) FROM sf"));
            s.ok("CREATE ROLE plain LOGIN");
            s.ok("GRANT ALL ON sf TO plain");
        }
        try (TestSession p = cluster.connect("plain", "postgres")) {
            TuskException e = p.error("COPY sf FROM '/tmp/x'");
            assertEquals("42501", e.sqlState().code());
            assertEquals("must be superuser or have privileges of the pg_read_server_files role to COPY from a file",
                    e.getMessage());
        }
    }
}
