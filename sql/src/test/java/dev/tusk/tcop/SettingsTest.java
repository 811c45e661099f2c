package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.TuskException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SET, SHOW, RESET and their transactional behaviour; expectations taken from PostgreSQL 15. */
class SettingsTest extends SqlClusterTest {
    @Test
    void showFormatsUnitsLikePostgres() {
        try (TestSession s = cluster.connect()) {
            TestSession.Result r = s.ok("SHOW work_mem");
            assertEquals(List.of("work_mem"), r.columns());
            assertEquals("4MB", r.value());
            assertEquals("128MB", s.value("SHOW shared_buffers"));
            assertEquals("5min", s.value("SHOW checkpoint_timeout"));
            assertEquals("ISO, MDY", s.value("SHOW DateStyle"));
            assertEquals(List.of("TimeZone"), s.ok("show timezone").columns());
            assertEquals("\"$user\", public", s.value("SHOW search_path"));
            assertEquals("read committed", s.value("SHOW transaction_isolation"));
            assertEquals("on", s.value("SHOW is_superuser"));
            assertEquals("UTF8", s.value("SHOW server_encoding"));
        }
    }

    @Test
    void setParsesUnitsAndRejectsBadValues() {
        try (TestSession s = cluster.connect()) {
            assertEquals("SET", s.ok("SET work_mem = '64MB'").tag());
            assertEquals("64MB", s.value("SHOW work_mem"));
            s.ok("SET statement_timeout = 1500");
            assertEquals("1500ms", s.value("SHOW statement_timeout"));
            TuskException e = s.error("SET work_mem = 'abc'");
            assertEquals("22023", e.sqlState().code());
            assertEquals("invalid value for parameter \"work_mem\": \"abc\"", e.getMessage());
            e = s.error("SET extra_float_digits = 5");
            assertEquals("5 is outside the valid range for parameter \"extra_float_digits\" (-15 .. 3)", e.getMessage());
            e = s.error("SET enable_seqscan = maybe");
            assertEquals("parameter \"enable_seqscan\" requires a Boolean value", e.getMessage());
            e = s.error("SET intervalstyle = 'foo'");
            assertEquals("Available values: postgres, postgres_verbose, sql_standard, iso_8601.", e.hint());
            e = s.error("SET nosuch = 1");
            assertEquals("42704", e.sqlState().code());
            assertEquals("unrecognized configuration parameter \"nosuch\"", e.getMessage());
            e = s.error("SHOW nosuch");
            assertEquals("42704", e.sqlState().code());
            e = s.error("SET port = 5");
            assertEquals("55P02", e.sqlState().code());
            assertEquals("parameter \"port\" cannot be changed without restarting the server", e.getMessage());
            e = s.error("SET server_version = 'x'");
            assertEquals("parameter \"server_version\" cannot be changed", e.getMessage());
            s.ok("SET search_path = a, \"B\", public");
            assertEquals("a, \"B\", public", s.value("SHOW search_path"));
            s.ok("SET timezone = 'europe/berlin'");
            assertEquals("Europe/Berlin", s.value("SHOW TimeZone"));
            s.ok("RESET ALL");
            assertEquals("4MB", s.value("SHOW work_mem"));
        }
    }

    @Test
    void setIsUndoneByRollbackAndSetLocalEndsWithTransaction() {
        try (TestSession s = cluster.connect()) {
            s.ok("BEGIN");
            s.ok("SET work_mem = '8MB'");
            s.ok("ROLLBACK");
            assertEquals("4MB", s.value("SHOW work_mem"));
            s.ok("BEGIN");
            s.ok("SET LOCAL work_mem = '16MB'");
            assertEquals("16MB", s.value("SHOW work_mem"));
            s.ok("COMMIT");
            assertEquals("4MB", s.value("SHOW work_mem"));
            s.ok("BEGIN; SET work_mem = '2MB'; COMMIT");
            assertEquals("2MB", s.value("SHOW work_mem"));
            TestSession.Outcome o = s.run("SET LOCAL work_mem = '1MB'");
            assertEquals(1, o.notices().size());
            assertEquals("SET LOCAL can only be used in transaction blocks", o.notices().get(0).getMessage());
            assertEquals(Severity.WARNING, o.notices().get(0).severity());
            assertEquals("2MB", s.value("SHOW work_mem"));
        }
    }

    @Test
    void parameterStatusReportsChanges() {
        try (TestSession s = cluster.connect()) {
            Map<String, String> first = s.session().drainParameterChanges();
            assertEquals("15.18", first.get("server_version"));
            assertEquals("UTF8", first.get("client_encoding"));
            assertEquals("on", first.get("is_superuser"));
            assertEquals("postgres", first.get("session_authorization"));
            assertEquals("ISO, MDY", first.get("DateStyle"));
            assertTrue(s.session().drainParameterChanges().isEmpty());
            s.ok("SET application_name = 'x'");
            assertEquals(Map.of("application_name", "x"), s.session().drainParameterChanges());
            s.ok("SET client_encoding = 'unicode'");
            assertTrue(s.session().drainParameterChanges().isEmpty());
        }
    }

    @Test
    void showAllAndSettingFunctions() {
        try (TestSession s = cluster.connect()) {
            TestSession.Result all = s.ok("SHOW ALL");
            assertEquals(List.of("name", "setting", "description"), all.columns());
            assertTrue(all.rows().size() > 300);
            assertEquals("4MB", s.value("SELECT current_setting('work_mem')"));
            assertEquals("1MB", s.value("SELECT set_config('work_mem', '1MB', false)"));
            assertEquals("1MB", s.value("SHOW work_mem"));
            assertNull(s.value("SELECT current_setting('no.such', true)"));
            s.ok("SET myapp.user_id = '42'");
            assertEquals("42", s.value("SHOW myapp.user_id"));
            assertEquals("42", s.value("SELECT current_setting('myapp.user_id')"));
            assertEquals("42704", s.error("SHOW myapp.other").sqlState().code());
        }
    }
}
