package dev.tusk.server;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * initdb's authentication choices ({@code -A/--auth}, {@code --auth-local}, {@code --auth-host}, {@code --pwfile},
 * {@code -W}; PostgreSQL's {@code check_authmethod_valid}, {@code check_need_password}, {@code get_su_pwd}):
 * the methods written to pg_hba.conf and the superuser's password, if any.
 *
 * @param local    the method of the "local" lines
 * @param host     the method of the "host" lines
 * @param password the superuser's password, or null
 * @param warnTrust whether a method fell back to trust (initdb then prints its warning)
 */
record InitAuth(String local, String host, String password, boolean warnTrust) {
    /** The methods Tusk's pg_hba.conf reader implements. */
    static final Set<String> METHODS = Set.of("trust", "reject", "password", "md5", "scram-sha-256");
    private static final Set<String> PASSWORD_METHODS = Set.of("password", "md5", "scram-sha-256");

    static final String TRUST_WARNING = "enabling \"trust\" authentication for local connections";
    static final String TRUST_HINT = "You can change this by editing pg_hba.conf or using the option -A, or "
            + "--auth-local and --auth-host, the next time you run initdb.";

    /** Reads the options; an invalid combination throws {@link Failure} with initdb's message. */
    static InitAuth from(Cli cli) {
        Optional<String> all = cli.option('A');
        Optional<String> local = cli.option("auth-local").or(() -> all);
        Optional<String> host = cli.option("auth-host").or(() -> all);
        boolean warn = local.isEmpty() || host.isEmpty();
        String localMethod = local.orElse("trust");
        String hostMethod = host.orElse("trust");
        check(localMethod, "local");
        check(hostMethod, "host");
        String password = null;
        if (cli.option("pwfile").isPresent() && cli.flag('W')) {
            throw new Failure("password prompt and password file cannot be specified together");
        }
        if (cli.option("pwfile").isPresent()) {
            password = readPasswordFile(Path.of(cli.option("pwfile").get()));
        } else if (cli.flag('W')) {
            password = prompt();
        }
        if (PASSWORD_METHODS.contains(localMethod) && PASSWORD_METHODS.contains(hostMethod) && password == null) {
            throw new Failure("must specify a password for the superuser to enable password authentication");
        }
        return new InitAuth(localMethod, hostMethod, password, warn);
    }

    private static void check(String method, String connType) {
        if (!METHODS.contains(method)) {
            throw new Failure("invalid authentication method \"" + method + "\" for \"" + connType + "\" connections");
        }
    }

    /** The first line of the file, without its line end, as initdb reads it. */
    private static String readPasswordFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Failure("could not open file \"" + file + "\" for reading: No such file or directory");
        } catch (IOException e) {
            throw new Failure("could not read password from file \"" + file + "\": " + e.getMessage());
        }
        if (lines.isEmpty() || lines.getFirst().isEmpty()) {
            throw new Failure("password file \"" + file + "\" is empty");
        }
        return lines.getFirst();
    }

    private static String prompt() {
        Console console = System.console();
        if (console == null) {
            throw new Failure("could not read password: no terminal");
        }
        char[] first = console.readPassword("Enter new superuser password: ");
        char[] second = console.readPassword("Enter it again: ");
        if (first == null || second == null || !new String(first).equals(new String(second))) {
            throw new Failure("Passwords didn't match.");
        }
        return new String(first);
    }

    /** An initdb error before anything is created. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }
}
