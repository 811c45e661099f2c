package dev.tusk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays every catalog query psql 15 sent to PostgreSQL 15 for its {@code \d} family (test resources
 * {@code client-queries/psql15/*.sql}) and the pgjdbc {@code DatabaseMetaData} calls against Tusk through pgjdbc,
 * after the same {@code schema.sql}, and compares the rows with PostgreSQL's ({@code *.out}). The cases listed in
 * {@code client-queries/known-gaps.txt} (with the reason) are asserted to still differ instead.
 */
class ClientQueriesReplayTest {
    @TempDir
    static Path tmp;
    private static TuskServerProcess server;
    private static Connection connection;
    private static Map<String, String> oids;
    private static final Map<String, String> KNOWN_GAPS = knownGaps();

    @BeforeAll
    static void startAndLoadSchema() throws Exception {
        server = TuskServerProcess.initAndStart(tmp);
        connection = server.connect();
        try (Statement s = connection.createStatement()) {
            for (String statement : statements(PsqlTest.resource("client-queries/schema.sql"))) {
                s.execute(statement);
            }
        }
        oids = ClientQueries.oidNames(connection);
    }

    @AfterAll
    static void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    List<DynamicTest> psqlQueriesAnswerAsPostgresql() throws IOException, URISyntaxException {
        Path dir = Path.of(ClientQueriesReplayTest.class.getClassLoader().getResource("client-queries/psql15").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().map(sql -> DynamicTest.dynamicTest(
                    sql.getFileName().toString(), () -> {
                        String template = Files.readString(sql);
                        String expected = Files.readString(Path.of(sql.toString().replace(".sql", ".out")));
                        String where = "client-queries/psql15/" + sql.getFileName() + ":\n" + template;
                        String key = "psql15/" + sql.getFileName();
                        String actual;
                        try {
                            actual = ClientQueries.runQuery(connection, template, oids);
                        } catch (java.sql.SQLException e) {
                            if (KNOWN_GAPS.containsKey(key)) {
                                return;
                            }
                            throw new AssertionError(e.getSQLState() + " " + e.getMessage() + "\nin " + where, e);
                        }
                        check(key, expected, actual, where);
                    })).toList();
        }
    }

    @TestFactory
    List<DynamicTest> pgjdbcMetadataAnswersAsPostgresql() {
        return ClientQueries.METADATA_CALLS.stream().map(call -> DynamicTest.dynamicTest(call, () -> {
            String expected = PsqlTest.resource("client-queries/pgjdbc/" + call + ".out");
            String key = "pgjdbc/" + call;
            String actual;
            try {
                actual = ClientQueries.runMetadata(connection, call, oids);
            } catch (java.sql.SQLException e) {
                if (KNOWN_GAPS.containsKey(key)) {
                    return;
                }
                throw new AssertionError(e.getSQLState() + " " + e.getMessage() + "\nin DatabaseMetaData." + call
                        + " (its SQL: client-queries/pgjdbc/" + call + ".sql)", e);
            }
            check(key, expected, actual, "DatabaseMetaData." + call);
        })).toList();
    }

    /** Every listed known gap names a case that exists (a renamed or removed case must leave the list too). */
    @Test
    void knownGapsNameExistingCases() throws IOException, URISyntaxException {
        Path dir = Path.of(ClientQueriesReplayTest.class.getClassLoader().getResource("client-queries").toURI());
        for (String key : KNOWN_GAPS.keySet()) {
            boolean exists = key.startsWith("pgjdbc/")
                    ? ClientQueries.METADATA_CALLS.contains(key.substring("pgjdbc/".length()))
                    : Files.exists(dir.resolve(key));
            assertTrue(exists, "known-gaps.txt names " + key + ", which is no captured case");
        }
    }

    /**
     * The answer must equal PostgreSQL's, except for a case listed in {@code known-gaps.txt}, which must still
     * differ (so a fix forces its line out of the list).
     */
    private static void check(String key, String expected, String actual, String where) {
        String gap = KNOWN_GAPS.get(key);
        if (gap == null) {
            assertEquals(expected, actual, where);
        } else {
            assertNotEquals(expected, actual, key + " now answers as PostgreSQL does: remove it from"
                    + " client-queries/known-gaps.txt (listed because: " + gap + ")");
        }
    }

    /** client-queries/known-gaps.txt: case to reason. */
    private static Map<String, String> knownGaps() {
        Map<String, String> gaps = new java.util.LinkedHashMap<>();
        try {
            for (String line : PsqlTest.resource("client-queries/known-gaps.txt").lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new AssertionError("known-gaps.txt: no reason after a tab in: " + line);
                }
                gaps.put(line.substring(0, tab).trim(), line.substring(tab + 1).trim());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return gaps;
    }

    /** schema.sql's statements: comment lines dropped, split at a semicolon that ends a line. */
    static List<String> statements(String script) {
        StringBuilder sb = new StringBuilder();
        script.lines().filter(l -> !l.startsWith("--")).forEach(l -> sb.append(l).append('\n'));
        List<String> out = new ArrayList<>();
        for (String s : sb.toString().split(";\\s*\\n")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
