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
 * Parsed command-line options of one subcommand ({@code -D DIR}, {@code -DDIR}, {@code --pgdata=DIR}, ...) and
 * the PostgreSQL-style {@code prog: error: ...} / {@code prog: hint: ...} output.
 */
final class Cli {
    /** Exit codes as pg_ctl uses them. */
    static final int OK = 0;
    static final int ERROR = 1;
    static final int NOT_RUNNING = 3;

    private static final Map<String, Character> LONG_NAMES = Map.of("--pgdata", 'D', "--username", 'U',
            "--log", 'l', "--mode", 'm');

    private final String program;
    private final Map<Character, String> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final PrintStream out;
    private final PrintStream err;

    private Cli(String program, PrintStream out, PrintStream err) {
        this.program = program;
        this.out = out;
        this.err = err;
    }

    /** Parses {@code args}; {@code allowed} are the option letters that take a value. */
    static Cli parse(String program, List<String> args, Set<Character> allowed, PrintStream out, PrintStream err) {
        Cli cli = new Cli(program, out, err);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            Character letter = null;
            String value = null;
            if (a.startsWith("--") && a.contains("=")) {
                letter = LONG_NAMES.get(a.substring(0, a.indexOf('=')));
                value = a.substring(a.indexOf('=') + 1);
            } else if (LONG_NAMES.containsKey(a)) {
                letter = LONG_NAMES.get(a);
            } else if (a.length() >= 2 && a.charAt(0) == '-' && a.charAt(1) != '-') {
                letter = a.charAt(1);
                value = a.length() > 2 ? a.substring(2) : null;
            } else if (!a.startsWith("-")) {
                cli.positional.add(a);
                continue;
            }
            if (letter == null || !allowed.contains(letter)) {
                throw new UsageException("invalid option -- '" + a.replaceFirst("^-+", "") + "'");
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("option requires an argument -- '" + letter + "'");
                }
                value = args.get(++i);
            }
            cli.values.put(letter, value);
        }
        return cli;
    }

    Optional<String> option(char letter) {
        return Optional.ofNullable(values.get(letter));
    }

    Optional<Path> dataDir() {
        return option('D').map(d -> Path.of(d).toAbsolutePath().normalize());
    }

    List<String> positional() {
        return positional;
    }

    PrintStream out() {
        return out;
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

    /** A malformed command line. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
