package dev.tusk.executor;

import dev.tusk.tcop.SqlTestCluster;
import dev.tusk.tcop.TestSession;
import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real cluster (storage engine in a temp directory, bootstrapped catalogs, SQL sessions) with the employee /
 * department tables the query tests share. Expected results in the tests were checked against PostgreSQL 15.
 */
final class QueryFixture implements AutoCloseable {
    static final String[] SETUP = {
        "CREATE TABLE emp (id int PRIMARY KEY, name text NOT NULL, dept int, salary numeric(10,2), hired date,"
                + " mgr int)",
        "CREATE TABLE dept (id int PRIMARY KEY, dname varchar(20), loc text)",
        "INSERT INTO dept VALUES (1, 'eng', 'sf'), (2, 'sales', 'ny'), (3, 'ops', NULL), (4, 'empty', 'la')",
        "INSERT INTO emp VALUES (1, 'alice', 1, 100.5, '2020-01-01', NULL), (2, 'bob', 1, 90, '2021-03-04', 1),"
                + " (3, 'carol', 2, 80, '2019-07-08', 1), (4, 'dave', 2, NULL, NULL, 3),"
                + " (5, 'eve', NULL, 70, '2022-02-02', 3), (6, 'frank', 3, 60.25, '2018-12-31', 1)",
    };

    final SqlTestCluster cluster;
    final TestSession session;

    QueryFixture(Path dir) {
        cluster = new SqlTestCluster(dir);
        session = cluster.connect();
        for (String s : SETUP) {
            session.ok(s);
        }
    }

    /** The rows of a query, each as its values joined by '|', NULL as "NULL". */
    List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        for (List<String> r : session.ok(sql).rows()) {
            List<String> cells = new ArrayList<>();
            for (String v : r) {
                cells.add(v == null ? "NULL" : v);
            }
            out.add(String.join("|", cells));
        }
        return out;
    }

    /** The column names of a query's result. */
    List<String> columns(String sql) {
        return session.ok(sql).columns();
    }

    String value(String sql) {
        return session.value(sql);
    }

    TuskException error(String sql) {
        return session.error(sql);
    }

    @Override
    public void close() {
        session.close();
        cluster.close();
    }
}
