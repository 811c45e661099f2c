package dev.tusk.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.utils.error.TuskException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damaged SQL must only ever fail with a TuskException carrying a position inside the string. */
class ParserRobustnessTest {
    private static final List<String> SEEDS = List.of(
            "SELECT a, count(*) FILTER (WHERE b > 0) OVER (PARTITION BY c) FROM t JOIN u USING (id) WHERE x IN (1, 2)",
            "WITH r AS (SELECT 1) INSERT INTO t (a, b) SELECT * FROM r ON CONFLICT (a) DO UPDATE SET b = 1 RETURNING *",
            "CREATE TABLE t (id serial PRIMARY KEY, n numeric(10,2) DEFAULT 0 CHECK (n >= 0), r int REFERENCES u)",
            "ALTER TABLE t ADD COLUMN x text COLLATE \"C\", ALTER COLUMN y TYPE int USING y::int, DROP CONSTRAINT c",
            "UPDATE t SET (a, b) = (SELECT 1, 2) FROM u WHERE t.id = u.id AND u.s ~* E'^a\\\\d' RETURNING a",
            "SELECT CASE WHEN a THEN $$x$$ ELSE U&'\\0041' END::text[], ARRAY[[1],[2]], (c).f, d[1:2] FROM t",
            "COPY t (a, b) FROM STDIN WITH (FORMAT csv, HEADER, DELIMITER ';'); BEGIN ISOLATION LEVEL SERIALIZABLE",
            "SELECT 1 UNION SELECT 2 INTERSECT (SELECT 3 ORDER BY 1 LIMIT 1) ORDER BY 1 OFFSET 2 ROWS FETCH NEXT 1 ROW ONLY");
    private static final String[] JUNK = {"(", ")", ",", "select", "from", "'", "\"", "$$", "::", "[", "]", "-",
        "*", "and", "not", "in", "is", "null", ";", "/*", "e'\\", "u&'", "$1", "1e", ".", "with", "over", "case"};

    @Test
    void mutatedStatementsFailCleanly() {
        Random r = new Random(7);
        for (int i = 0; i < 20000; i++) {
            StringBuilder sb = new StringBuilder(SEEDS.get(r.nextInt(SEEDS.size())));
            for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
                int pos = sb.isEmpty() ? 0 : r.nextInt(sb.length());
                switch (r.nextInt(3)) {
                    case 0 -> sb.setLength(pos);
                    case 1 -> sb.insert(pos, " " + JUNK[r.nextInt(JUNK.length)] + " ");
                    default -> {
                        if (!sb.isEmpty()) {
                            sb.deleteCharAt(pos);
                        }
                    }
                }
            }
            String q = sb.toString();
            try {
                Parser.parse(q);
            } catch (TuskException e) {
                int max = q.codePointCount(0, q.length()) + 1;
                assertTrue(e.position() >= 0 && e.position() <= max, "position " + e.position() + " for " + q);
            }
        }
    }
}
