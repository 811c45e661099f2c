package dev.tusk.catalog;

import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.StorageEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A real storage engine in a temporary directory with bootstrapped catalogs (Bootstrap.initialize output). */
final class CatalogTestCluster implements AutoCloseable {
    static final StorageEngine.Config CONFIG = new StorageEngine.Config(2048, 1024 * 1024, 4 * 1024 * 1024, false, true);
    static final List<String> PATH = List.of("$user", "public");

    final Path dir;
    StorageEngine engine;
    CatalogManager catalogs;

    private static Path template;

    /**
     * A cluster in {@code dir}: a copy of a data directory bootstrapped once per test JVM (initdb is the slow part
     * and every test would repeat the same one).
     */
    CatalogTestCluster(Path dir) {
        this.dir = dir;
        copyTree(template(), dir);
        engine = StorageEngine.open(dir, CONFIG);
        catalogs = CatalogManager.open(engine);
    }

    private static synchronized Path template() {
        if (template == null) {
            try {
                Path t = Files.createTempDirectory("tusk-catalog-template");
                StorageEngine.bootstrap(t, 42L, CONFIG);
                try (StorageEngine e = StorageEngine.open(t, CONFIG)) {
                    Bootstrap.initialize(e, "postgres", null);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(t)));
                template = t;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }

    /** Clean shutdown and start again (a server restart). */
    void restart() {
        engine.close();
        engine = StorageEngine.open(dir, CONFIG);
        catalogs = CatalogManager.open(engine);
    }

    Transaction begin() {
        return engine.transactions().begin();
    }

    Catalog catalog(Transaction tx) {
        return catalogs.catalog(DatabaseDesc.POSTGRES, tx, "postgres");
    }

    CatalogWriter writer(Transaction tx) {
        return catalogs.writer(DatabaseDesc.POSTGRES, tx);
    }

    void commit(Transaction tx) {
        tx.commit();
        catalogs.transactionEnded(tx);
    }

    void rollback(Transaction tx) {
        tx.abort();
        catalogs.transactionEnded(tx);
    }

    @Override
    public void close() {
        engine.close();
    }
}
