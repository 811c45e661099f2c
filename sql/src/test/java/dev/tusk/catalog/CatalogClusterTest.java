package dev.tusk.catalog;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base for catalog tests that start every test on a freshly bootstrapped {@link CatalogTestCluster}. */
abstract class CatalogClusterTest {
    @TempDir
    Path dir;
    CatalogTestCluster cluster;

    @BeforeEach
    void init() {
        cluster = new CatalogTestCluster(dir);
    }

    @AfterEach
    void shutdown() {
        cluster.close();
    }
}
