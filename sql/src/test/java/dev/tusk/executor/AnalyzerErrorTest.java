package dev.tusk.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Analysis and execution errors: SQLSTATE, PostgreSQL's message and cursor position, as PostgreSQL 15 reports. */
class AnalyzerErrorTest {
    @TempDir
    static Path dir;
    static QueryFixture db;

    @BeforeAll
    static void setUp() {
        db = new QueryFixture(dir);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "SELECT nosuch FROM emp#42703#column \"nosuch\" does not exist#8",
        "SELECT id FROM emp, dept#42702#column reference \"id\" is ambiguous#8",
        "SELECT x.id FROM emp#42P01#missing FROM-clause entry for table \"x\"#8",
        "SELECT emp.id FROM emp e#42P01#invalid reference to FROM-clause entry for table \"emp\"#8",
        "SELECT * FROM nosuch#42P01#relation \"nosuch\" does not exist#15",
        "SELECT id FROM emp WHERE name = 1#42883#operator does not exist: text = integer#31",
        "SELECT 1 = 'a'::text#42883#operator does not exist: integer = text#10",
        "SELECT id, count(*) FROM emp#42803#column \"emp.id\" must appear in the GROUP BY clause or be used in an"
                + " aggregate function#8",
        "SELECT e.name, count(*) FROM emp e GROUP BY dept#42803#column \"e.name\" must appear in the GROUP BY clause"
                + " or be used in an aggregate function#8",
        "SELECT nosuchfunc(1)#42883#function nosuchfunc(integer) does not exist#8",
        "SELECT id FROM emp WHERE count(*) > 1#42803#aggregate functions are not allowed in WHERE#26",
        "SELECT 1, 2 UNION SELECT 1#42601#each UNION query must have the same number of columns#26",
        "SELECT id FROM emp ORDER BY 5#42P10#ORDER BY position 5 is not in select list#29",
        "SELECT (SELECT id, name FROM emp LIMIT 1)#42601#subquery must return only one column#8",
        "SELECT id FROM emp WHERE id = 'x'#22P02#invalid input syntax for type integer: \"x\"#31",
        "SELECT id::date FROM emp#42846#cannot cast type integer to date#10",
        "SELECT DISTINCT name FROM emp ORDER BY id#42P10#for SELECT DISTINCT, ORDER BY expressions must appear in"
                + " select list#40",
        "SELECT DISTINCT ON (dept) name FROM emp ORDER BY name#42P10#SELECT DISTINCT ON expressions must match"
                + " initial ORDER BY expressions#21",
        "SELECT sum(sum(id)) FROM emp#42803#aggregate function calls cannot be nested#12",
        "SELECT id FROM emp WHERE 1#42804#argument of WHERE must be type boolean, not type integer#26",
        "SELECT id FROM emp JOIN dept ON 1#42804#argument of JOIN/ON must be type boolean, not type integer#33",
        "SELECT * FROM emp WHERE dept IN (SELECT id, dname FROM dept)#42601#subquery has too many columns#30",
        "SELECT CASE WHEN id THEN 1 END FROM emp#42804#argument of CASE/WHEN must be type boolean, not type"
                + " integer#18",
        "SELECT 'x'::nosuchtype#42704#type \"nosuchtype\" does not exist#13",
        "SELECT * FROM emp LIMIT -1#2201W#LIMIT must not be negative#0",
        "SELECT 1/0#22012#division by zero#0",
        "SELECT (SELECT id FROM emp)#21000#more than one row returned by a subquery used as an expression#0",
    })
    void errorsMatchPostgres(String sql, String state, String message, int position) {
        TuskException e = db.error(sql);
        assertEquals(state, e.sqlState().code(), e.getMessage());
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
    }

    @Test
    void operatorErrorHasHint() {
        assertEquals("No operator matches the given name and argument types. You might need to add explicit type"
                + " casts.", db.error("SELECT 1 = 'a'::text").hint());
    }
}
