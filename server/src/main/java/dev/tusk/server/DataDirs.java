package dev.tusk.server;

import java.nio.file.Path;

/** Where a command's data directory is: {@code -D}, else {@code $TUSK_DATA}, else {@code tusk-data} in the repository. */
final class DataDirs {
    /** Set by the launcher script to the repository root. */
    static final String HOME_PROPERTY = "tusk.home";
    static final String ENV = "TUSK_DATA";
    static final String DEFAULT_NAME = "tusk-data";

    private DataDirs() {
    }

    /** The embedded default data directory. */
    static Path defaultDir() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty(HOME_PROPERTY, ".")).resolve(DEFAULT_NAME).toAbsolutePath().normalize();
    }
}
