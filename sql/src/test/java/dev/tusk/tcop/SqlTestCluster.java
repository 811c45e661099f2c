package dev.tusk.tcop;

import dev.tusk.catalog.Bootstrap;
import dev.tusk.storage.StorageEngine;
import java.nio.file.Path;
import java.util.Map;

/** A real storage engine in a temporary directory, bootstrapped catalogs, and the SQL engine over it. */
public final class SqlTestCluster implements AutoCloseable {
    static final StorageEngine.Config CONFIG = StorageEngine.Config.defaults().withSharedBuffers(2048);

    private final Path dir;
    private StorageEngine storage;
    private TuskSqlEngine engine;
    private int nextPid = 100;

    public SqlTestCluster(Path dir) {
        this.dir = dir;
        StorageEngine.bootstrap(dir, 42L, CONFIG);
        storage = StorageEngine.open(dir, CONFIG);
        Bootstrap.initialize(storage, "postgres", null);
        engine = TuskSqlEngine.open(storage, Map.of());
    }

    public TuskSqlEngine engine() {
        return engine;
    }

    /** A session of the bootstrap superuser in database postgres. */
    public TestSession connect() {
        return connect("postgres", "postgres");
    }

    public TestSession connect(String user, String database) {
        return new TestSession(engine.openSession(new SessionStart(user, database, Map.of(), nextPid++, "local")));
    }

    /** Clean shutdown and start again (a server restart). */
    public void restart() {
        engine.shutdown();
        storage.close();
        storage = StorageEngine.open(dir, CONFIG);
        engine = TuskSqlEngine.open(storage, Map.of());
    }

    @Override
    public void close() {
        engine.shutdown();
        storage.close();
    }
}
