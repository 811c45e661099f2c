package dev.tusk.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.utils.error.TuskException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Parse robustness over PostgreSQL's own regression SQL (the shared conformance corpus): every statement the
 * parser rejects must be one whose expected PostgreSQL output shows a parser-level error. Skipped when the
 * corpus is not on this machine.
 */
class ConformanceCorpusParseTest {
    private static final Path CORPUS = Path.of(System.getProperty("tusk.conformance.dir",
            "/work/shared/conformance/regress"));
    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)^(\\s*--[^\n]*\n)*\\s*copy\\b.*\\bfrom\\s+std(in|out)\\b.*");
    private static final Pattern PARSER_ERROR = Pattern.compile("^ERROR:  (syntax error at|unterminated|"
            + "zero-length delimited|trailing junk|invalid Unicode|UESCAPE|LIMIT #,#|multiple |improper qualified"
            + "|unrecognized role option|misplaced|frame |MATCH PARTIAL|WITH TIES|number of columns does not match"
            + "|source for a multiple-column|precision for type float|cannot be marked DEFERRABLE|.*is reserved"
            + "|subquery in FROM must have an alias|unsafe use of string constant)");

    private static final Pattern PSQL_VARIABLE = Pattern.compile("(^|[\\s(,=]):['\"]?[A-Za-z_]");

    /** One statement of a script and the index of its last line. */
    private record Statement(String text, int firstLine, int lastLine) {
    }

    @Test
    void parserAcceptsWhatPostgresAccepts() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS.resolve("sql")), "conformance corpus not present");
        List<String> failures = new ArrayList<>();
        int total = 0;
        int rejected = 0;
        try (Stream<Path> files = Files.list(CORPUS.resolve("sql"))) {
            for (Path sql : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String name = sql.getFileName().toString().replace(".sql", "");
                Path out = CORPUS.resolve("expected").resolve(name + ".out");
                List<String> outLines = Files.exists(out) ? Files.readAllLines(out, StandardCharsets.UTF_8) : List.of();
                int cursor = 0;
                for (Statement st : statements(Files.readAllLines(sql, StandardCharsets.UTF_8))) {
                    total++;
                    String lastLine = st.text().lines().reduce((a, b) -> b).orElse("");
                    int echo = find(outLines, lastLine, cursor);
                    boolean pgRejects = false;
                    if (echo >= 0) {
                        cursor = echo + 1;
                        for (int k = echo + 1; k < outLines.size() && k <= echo + 3; k++) {
                            if (PARSER_ERROR.matcher(outLines.get(k)).find()) {
                                pgRejects = true;
                            }
                        }
                    }
                    try {
                        Parser.parse(st.text());
                    } catch (TuskException e) {
                        rejected++;
                        if (!pgRejects && !PSQL_VARIABLE.matcher(st.text()).find()) {
                            failures.add(name + ".sql:" + (st.firstLine() + 1) + ": " + e.getMessage());
                        }
                    }
                }
            }
        }
        System.out.println("conformance corpus: " + total + " statements, " + rejected + " rejected, "
                + failures.size() + " of them accepted by PostgreSQL");
        assertTrue(total > 5000, "statements found: " + total);
        // scripts switch standard_conforming_strings off in a few places; those statements may fail here
        assertTrue(failures.size() <= 3, failures.size() + " of " + total + " statements rejected:\n"
                + String.join("\n", failures));
    }

    private static int find(List<String> lines, String line, int from) {
        for (int k = from; k < lines.size(); k++) {
            if (lines.get(k).equals(line)) {
                return k;
            }
        }
        return -1;
    }

    /** Splits a psql script into statements: meta-commands and COPY data are dropped, \; joins statements. */
    private static List<Statement> statements(List<String> lines) {
        List<Statement> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("\\") && !hasTokens(cur.toString())) {
                continue;
            }
            line = line.replace("\\;", ";").replaceAll("\\\\g(set|exec|x)?\\b.*$", ";");
            if (first < 0 && !line.isBlank()) {
                first = i;
            }
            cur.append(line).append('\n');
            if (line.contains(";") && endsStatement(cur.toString())) {
                String text = cur.toString().strip();
                if (!text.isEmpty() && !text.startsWith("--")) {
                    out.add(new Statement(text, first, i));
                } else if (!text.isEmpty()) {
                    out.add(new Statement(text, first, i));
                }
                if (COPY_FROM_STDIN.matcher(text).matches()) {
                    while (i + 1 < lines.size() && !lines.get(i + 1).equals("\\.")) {
                        i++;
                    }
                    i++;
                }
                cur.setLength(0);
                first = -1;
            }
        }
        return out;
    }

    private static boolean hasTokens(String text) {
        try {
            return new Lexer(text).next().kind() != TokenKind.EOF;
        } catch (TuskException e) {
            return true;
        }
    }

    /** Whether the text so far ends with a top-level semicolon (outside quotes and comments). */
    private static boolean endsStatement(String text) {
        Lexer lx = new Lexer(text);
        Token last = null;
        try {
            while (true) {
                Token t = lx.next();
                if (t.kind() == TokenKind.EOF) {
                    break;
                }
                last = t;
            }
        } catch (TuskException e) {
            return false;
        }
        return last != null && last.isPunct(";");
    }
}
