package dev.tusk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real psql 15 against Tusk: {@code psql -f} sets up the schema of the captured client queries, then
 * {@code \l}, {@code \dn}, {@code \dt}, {@code \d t}, {@code \du}, {@code \df} ... must print exactly what psql
 * printed against PostgreSQL 15 for the same schema (test resources {@code client-queries/psql15/*.psql.out}),
 * and {@code psql -c} / {@code psql -f} with results, a rolled-back transaction and errors likewise.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PsqlTest {
    @TempDir
    static Path tmp;
    private static TuskServerProcess server;

    @BeforeAll
    static void startAndLoadSchema() throws Exception {
        Psql.binary();
        server = TuskServerProcess.initAndStart(tmp);
        Path schema = copy("client-queries/schema.sql", tmp);
        String out = Psql.run(server.port(), tmp, "-q", "-v", "ON_ERROR_STOP=1", "-f", schema.toString());
        assertEquals("", out, "schema.sql through psql -f");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    @Order(1)
    List<DynamicTest> describeCommandsPrintWhatPostgresqlPrints() {
        return ClientQueries.psqlCommands().entrySet().stream().map((Map.Entry<String, String> e) ->
                DynamicTest.dynamicTest(e.getValue(), () -> {
                    String expected = resource("client-queries/psql15/" + e.getKey() + ".psql.out");
                    assertEquals(expected, Psql.run(server.port(), tmp, "-c", e.getValue()),
                            "psql -c '" + e.getValue() + "'");
                })).toList();
    }

    @Test
    @Order(2)
    void commandOption() throws Exception {
        assertEquals("""
                 one | two\s
                -----+-----
                   1 | x
                (1 row)

                """, Psql.run(server.port(), tmp, "-c", "SELECT 1 AS one, 'x' AS two"));
    }

    @Test
    @Order(3)
    void fileOption() throws Exception {
        copy("psql/basic.sql", tmp);
        assertEquals(resource("psql/basic.psql.out"), Psql.run(server.port(), tmp, "-f", "basic.sql"));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = PsqlTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Path copy(String resourceName, Path dir) throws IOException {
        Path target = dir.resolve(Path.of(resourceName).getFileName().toString());
        Files.writeString(target, resource(resourceName));
        return target;
    }
}
