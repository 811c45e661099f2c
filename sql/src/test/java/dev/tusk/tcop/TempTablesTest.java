package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Temporary relations: each session's own pg_temp_N namespace, searched first, emptied at session end. */
class TempTablesTest extends SqlClusterTest {
    @Test
    void tempTableHidesPermanentOneInItsSessionOnly() {
        try (TestSession a = cluster.connect(); TestSession b = cluster.connect()) {
            a.ok("CREATE TABLE hidden_t (v text)");
            a.ok("INSERT INTO hidden_t VALUES ('permanent')");
            a.ok("CREATE TEMP TABLE hidden_t (v text)");
            a.ok("INSERT INTO hidden_t VALUES ('temp')");
            assertEquals("temp", a.value("SELECT v FROM hidden_t"));
            assertEquals("permanent", a.value("SELECT v FROM public.hidden_t"));
            assertEquals("temp", a.value("SELECT v FROM pg_temp.hidden_t"));
            String schema = a.value("SELECT relnamespace::regnamespace::text FROM pg_class "
                    + "WHERE oid = 'hidden_t'::regclass");
            assertTrue(schema.startsWith("pg_temp_"), schema);
            assertEquals("t", a.value("SELECT relpersistence FROM pg_class WHERE oid = 'hidden_t'::regclass"));
            assertEquals(schema, a.value("SELECT pg_my_temp_schema()::regnamespace::text"));
            assertEquals("{" + schema + ",pg_catalog,public}", a.value("SELECT current_schemas(true)::text"));
            assertEquals("{public}", a.value("SELECT current_schemas(false)::text"));
            // The other session sees the permanent table, and a's temp schema as someone else's.
            assertEquals("permanent", b.value("SELECT v FROM hidden_t"));
            assertEquals("relation \"pg_temp.hidden_t\" does not exist",
                    b.error("SELECT v FROM pg_temp.hidden_t").getMessage());
            assertEquals("t", b.value("SELECT pg_is_other_temp_schema('" + schema + "'::regnamespace)"));
            assertEquals("f", a.value("SELECT pg_is_other_temp_schema(pg_my_temp_schema())"));
        }
    }

    @Test
    void pgTempSchemaCreatesTempRelationsDroppedAtSessionEnd() {
        String schema;
        try (TestSession a = cluster.connect()) {
            a.ok("CREATE TABLE pg_temp.scratch (id serial PRIMARY KEY, n int)");
            a.ok("CREATE TEMP SEQUENCE scratch_seq2");
            a.ok("CREATE TEMP VIEW scratch_v AS SELECT n FROM scratch");
            a.ok("INSERT INTO scratch (n) VALUES (1), (2)");
            assertEquals("2", a.value("SELECT count(*) FROM scratch_v"));
            schema = a.value("SELECT pg_my_temp_schema()::regnamespace::text");
            assertEquals("t", a.value("SELECT relpersistence FROM pg_class WHERE relname = 'scratch'"));
            // An aborted transaction at close must not keep the temp relations alive.
            a.ok("BEGIN");
            a.error("SELECT 1/0");
        }
        try (TestSession b = cluster.connect()) {
            assertEquals("0", b.value("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE n.nspname = '" + schema + "'"));
            assertEquals("42P01", b.error("SELECT * FROM scratch").sqlState().code());
            // The namespace stays, emptied, as in PostgreSQL.
            assertEquals("1", b.value("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'"));
            assertEquals(List.of("0"), List.of(b.value("SELECT pg_my_temp_schema()::int")));
        }
    }
}
