package dev.tusk.utils.misc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.utils.error.TuskException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings table and one session's stack, without a database (values as PostgreSQL 15 shows them). */
class GucSessionTest {
    private final GucSession g = new GucSession(GucTable.instance(), Map.of("shared_buffers", "256MB",
            "max_connections", "50", "bogus_setting", "1"));

    @Test
    void unitsPrintLikeShow() {
        assertEquals("256MB", g.show("shared_buffers"));
        assertEquals("32768", g.get("shared_buffers"));
        assertEquals("50", g.show("max_connections"));
        assertEquals("512kB", g.show("bgwriter_flush_after"));
        assertEquals("1GB", g.show("max_wal_size"));
        assertEquals("5min", g.show("checkpoint_timeout"));
        assertEquals("200ms", g.show("bgwriter_delay"));
        assertEquals("0700", g.show("data_directory_mode"));
        assertEquals("(disabled)", g.show("archive_command"));
        g.set("work_mem", "1.5MB", false, true);
        assertEquals("1536kB", g.show("work_mem"));
        g.set("statement_timeout", "2h", false, true);
        assertEquals("2h", g.show("statement_timeout"));
        TuskException e = assertThrows(TuskException.class, () -> g.set("work_mem", "10 parsecs", false, true));
        assertEquals("Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".", e.hint());
    }

    @Test
    void booleansAndEnumsAcceptPostgresSpellings() {
        g.set("enable_seqscan", "of", false, true);
        assertEquals("off", g.get("enable_seqscan"));
        g.set("enable_seqscan", "YES", false, true);
        assertEquals("on", g.get("enable_seqscan"));
        g.set("synchronous_commit", "false", false, true);
        assertEquals("off", g.get("synchronous_commit"));
        g.set("client_min_messages", "WARNING", false, true);
        assertEquals("warning", g.get("client_min_messages"));
        TuskException e = assertThrows(TuskException.class, () -> g.set("client_encoding", "LATIN1", false, true));
        assertEquals("invalid value for parameter \"client_encoding\": \"LATIN1\"", e.getMessage());
    }

    @Test
    void transactionalStack() {
        g.pushLevel();
        g.set("work_mem", "8MB", false, true);
        g.pushLevel();
        g.set("work_mem", "16MB", true, true);
        g.abortLevel();
        assertEquals("8MB", g.show("work_mem"));
        g.pushLevel();
        g.set("work_mem", "32MB", true, true);
        g.releaseLevel();
        assertEquals("32MB", g.show("work_mem"));
        g.commitTop();
        assertEquals("8MB", g.show("work_mem"));
        g.pushLevel();
        g.set("work_mem", "2MB", false, true);
        g.abortTop();
        assertEquals("8MB", g.show("work_mem"));
        g.reset("work_mem", true);
        assertEquals("4MB", g.show("work_mem"));
    }

    @Test
    void contextsAndPermissions() {
        assertEquals("permission denied to set parameter \"log_min_duration_statement\"",
                assertThrows(TuskException.class,
                        () -> g.set("log_min_duration_statement", "1s", false, false)).getMessage());
        assertEquals("parameter \"max_wal_size\" cannot be changed now",
                assertThrows(TuskException.class, () -> g.set("max_wal_size", "2GB", false, true)).getMessage());
        assertEquals("parameter \"log_connections\" cannot be set after connection start",
                assertThrows(TuskException.class, () -> g.set("log_connections", "on", false, true)).getMessage());
    }
}
