package dev.tusk.server;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;

/** Message factories of the command line and start-up, in PostgreSQL's wording. */
final class ServerErrors {
    static final String MEMORY_UNITS_HINT = "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".";
    static final String TIME_UNITS_HINT = "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".";

    private ServerErrors() {
    }

    /** CreateLockFile. */
    static TuskException lockFileExists(long pid, Path dataDir) {
        return new TuskException(Severity.FATAL, SqlState.LOCK_FILE_EXISTS,
                "lock file \"postmaster.pid\" already exists", null,
                "Is another postmaster (PID " + pid + ") running in data directory \"" + dataDir + "\"?", 0, null);
    }

    static TuskException lockFileIo(Path file, Exception cause) {
        return new TuskException(Severity.FATAL, SqlState.IO_ERROR,
                "could not create lock file \"" + file + "\": " + cause.getMessage(), null, null, 0, cause);
    }

    static TuskException dataDirMissing(Path dataDir) {
        return new TuskException(Severity.FATAL, SqlState.IO_ERROR,
                "could not access directory \"" + dataDir + "\": No such file or directory", null,
                "Run tusk initdb to initialize a data directory.", 0, null);
    }

    static TuskException notADataDir(Path dataDir) {
        return new TuskException(Severity.FATAL, SqlState.CONFIG_FILE_ERROR,
                "\"" + dataDir + "\" is not a valid data directory",
                "File \"" + dataDir.resolve("PG_VERSION") + "\" is missing.", null, 0, null);
    }

    static TuskException configFileMissing(Path file) {
        return new TuskException(SqlState.CONFIG_FILE_ERROR,
                "could not open configuration file \"" + file + "\": No such file or directory");
    }

    static TuskException configNestingTooDeep(Path file) {
        return new TuskException(SqlState.PROGRAM_LIMIT_EXCEEDED,
                "could not open configuration file \"" + file + "\": maximum nesting depth exceeded");
    }

    static TuskException configSyntax(Path file, int line, String token) {
        String near = token == null || token.isEmpty() ? "near end of line" : "near token \"" + token + "\"";
        return new TuskException(SqlState.SYNTAX_ERROR,
                "syntax error in file \"" + file + "\" line " + line + ", " + near);
    }

    static TuskException invalidValue(String name, String value, String hint) {
        return new TuskException(Severity.ERROR, SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + value + "\"", null, hint, 0, null);
    }

    static TuskException requiresBoolean(String name) {
        return new TuskException(SqlState.INVALID_PARAMETER_VALUE,
                "parameter \"" + name + "\" requires a Boolean value");
    }

    static TuskException outOfRange(String name, String shown, long min, long max) {
        return new TuskException(SqlState.INVALID_PARAMETER_VALUE,
                shown + " is outside the valid range for parameter \"" + name + "\" (" + min + " .. " + max + ")");
    }

    /** An error in a configuration file, with where it was found (ProcessConfigFileInternal). */
    static TuskException inFile(TuskException e, Path file, int line) {
        return new TuskException(Severity.FATAL, e.sqlState(), e.getMessage(), e.detail(),
                e.hint(), 0, e).withDetail("In file \"" + file + "\" line " + line + ".");
    }
}
