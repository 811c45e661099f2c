package dev.tusk.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed command-line options of one subcommand ({@code -D DIR}, {@code -DDIR}, {@code --pgdata=DIR},
 * {@code --auth-host=md5}, {@code -W}, ...) and the PostgreSQL-style {@code prog: error: ...} /
 * {@code prog: hint: ...} output. Options are named by their letter ("D") or, for long-only options, by their
 * long name without dashes ("auth-host").
 */
final class Cli {
    /** Exit codes as pg_ctl uses them. */
    static final int OK = 0;
    static final int ERROR = 1;
    static final int NOT_RUNNING = 3;

    /** Long names of the options that also have a letter. */
    private static final Map<String, String> LONG_NAMES = Map.of("--pgdata", "D", "--username", "U",
            "--log", "l", "--mode", "m", "--port", "p", "--auth", "A", "--pwprompt", "W");
    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("W");
    /** A flag's value when given. */
    static final String SET = "on";

    private final String program;
    private final Map<String, String> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final PrintStream out;
    private final PrintStream err;

    private Cli(String program, PrintStream out, PrintStream err) {
        this.program = program;
        this.out = out;
        this.err = err;
    }

    /** Parses {@code args}; {@code allowed} names the options this command takes ("D", "auth-host", ...). */
    static Cli parse(String program, List<String> args, Set<String> allowed, PrintStream out, PrintStream err) {
        Cli cli = new Cli(program, out, err);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name;
            String value = null;
            if (a.startsWith("--")) {
                String key = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                name = LONG_NAMES.getOrDefault(key, key.substring(2));
                value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
                if (!allowed.contains(name) || name.length() == 1 && !LONG_NAMES.containsKey(key)) {
                    throw new UsageException("unrecognized option '" + key + "'");
                }
            } else if (a.length() >= 2 && a.charAt(0) == '-') {
                name = String.valueOf(a.charAt(1));
                value = a.length() > 2 ? a.substring(2) : null;
                if (!allowed.contains(name)) {
                    throw new UsageException("invalid option -- '" + a.charAt(1) + "'");
                }
            } else {
                cli.positional.add(a);
                continue;
            }
            if (FLAGS.contains(name)) {
                value = SET;
            } else if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("option requires an argument -- '" + name + "'");
                }
                value = args.get(++i);
            }
            cli.values.put(name, value);
        }
        return cli;
    }

    Optional<String> option(char letter) {
        return option(String.valueOf(letter));
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean flag(char letter) {
        return values.containsKey(String.valueOf(letter));
    }

    /** -D, else the first positional argument (initdb's {@code [DATADIR]}). */
    Optional<Path> dataDir() {
        return option('D').or(() -> positional.isEmpty() ? Optional.empty() : Optional.of(positional.getFirst()))
                .map(d -> Path.of(d).toAbsolutePath().normalize());
    }

    List<String> positional() {
        return positional;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    String program() {
        return program;
    }

    int error(String message) {
        err.println(program + ": error: " + message);
        return ERROR;
    }

    int error(String message, String hint) {
        error(message);
        if (hint != null) {
            err.println(program + ": hint: " + hint);
        }
        return ERROR;
    }

    void warning(String message, String hint) {
        err.println(program + ": warning: " + message);
        if (hint != null) {
            err.println(program + ": hint: " + hint);
        }
    }

    /** A malformed command line. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
