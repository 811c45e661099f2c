package dev.tusk.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Error texts and cursor positions against what PostgreSQL 15 printed for the same statements (the expectations
 * in pg15-parse-errors.tsv were captured from a real server, not from this parser).
 */
class ParserErrorTest {

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (var in = ParserErrorTest.class.getResourceAsStream("pg15-parse-errors.tsv");
                var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                String sql = f[0].replace("\\n", "\n").replace("\\\\", "\\");
                out.add(Arguments.of(sql, f[1], Integer.parseInt(f[2])));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPostgres(String sql, String message, int position) {
        if (message.equals("OK")) {
            Parser.parse(sql);
            return;
        }
        try {
            Parser.parse(sql);
            fail("expected " + message);
        } catch (TuskException e) {
            assertEquals(message, e.getMessage());
            if (position >= 0) {
                // -1: psql abbreviated the line, so the position was not recoverable from its display
                assertEquals(position, e.position(), "position");
            }
        }
    }

    @Test
    void syntaxErrorsCarrySqlstate42601() {
        TuskException e = assertThrows(TuskException.class, () -> Parser.parse("SELEC 1"));
        assertEquals(SqlState.SYNTAX_ERROR, e.sqlState());
        assertEquals(1, e.position());
    }

    @Test
    void positionCountsCharactersNotUtf16Units() {
        // a character outside the BMP is one character for PostgreSQL's cursor
        TuskException e = assertThrows(TuskException.class, () -> Parser.parse("select '\uD83D\uDE00' frm t"));
        assertEquals("syntax error at or near \"t\"", e.getMessage());
        assertEquals(16, e.position());
    }

    @Test
    void limitCommaCarriesHint() {
        TuskException e = assertThrows(TuskException.class, () -> Parser.parse("select 1 limit 1, 2"));
        assertEquals("Use separate LIMIT and OFFSET clauses.", e.hint());
    }
}
