package dev.tusk.tcop;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base for tests that run SQL through sessions: one {@link SqlTestCluster} per test class in a fresh temporary
 * directory, with the built-in SQL functions registered, shut down after the class's last test.
 */
public abstract class SqlClusterTest {
    @TempDir
    static Path dir;
    protected static SqlTestCluster cluster;

    @BeforeAll
    static void startCluster() {
        BuiltinSqlFunctions.registerOnce();
        cluster = new SqlTestCluster(dir);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }
}
