package dev.tusk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays every catalog query psql 15 sent to PostgreSQL 15 for its {@code \d} family (test resources
 * {@code client-queries/psql15/*.sql}) and the pgjdbc {@code DatabaseMetaData} calls against Tusk through pgjdbc,
 * after the same {@code schema.sql}, and compares the rows with PostgreSQL's ({@code *.out}).
 */
class ClientQueriesReplayTest {
    @TempDir
    static Path tmp;
    private static TuskServerProcess server;
    private static Connection connection;
    private static Map<String, String> oids;

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
                        String actual;
                        try {
                            actual = ClientQueries.runQuery(connection, template, oids);
                        } catch (java.sql.SQLException e) {
                            throw new AssertionError(e.getSQLState() + " " + e.getMessage() + "\nin " + where, e);
                        }
                        assertEquals(expected, actual, where);
                    })).toList();
        }
    }

    @TestFactory
    List<DynamicTest> pgjdbcMetadataAnswersAsPostgresql() {
        return ClientQueries.METADATA_CALLS.stream().map(call -> DynamicTest.dynamicTest(call, () -> {
            String expected = PsqlTest.resource("client-queries/pgjdbc/" + call + ".out");
            String actual;
            try {
                actual = ClientQueries.runMetadata(connection, call, oids);
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e.getSQLState() + " " + e.getMessage() + "\nin DatabaseMetaData." + call
                        + " (its SQL: client-queries/pgjdbc/" + call + ".sql)", e);
            }
            assertEquals(expected, actual, "DatabaseMetaData." + call);
        })).toList();
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
