package dev.tusk.server;

import dev.tusk.utils.error.TuskException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The {@code tusk} command: {@code initdb}, {@code start} (the default), {@code stop}, {@code status}, {@code controldata}. */
public final class Tusk {
    private static final String USAGE = """
            tusk is a PostgreSQL-compatible database server.

            Usage:
              tusk [start] [-D DATADIR] [-p PORT] [-l FILENAME]
                  run the server in the foreground (default data directory: ./tusk-data, or $TUSK_DATA,
                  created on first start; -p overrides postgresql.conf's port)
              tusk initdb -D DATADIR [-U NAME] [-A METHOD] [--auth-local=METHOD] [--auth-host=METHOD]
                          [--pwfile=FILE | -W]
                  create a new data directory (superuser: the operating-system user's name;
                  METHOD: trust, reject, password, md5, scram-sha-256)
              tusk stop [-D DATADIR] [-m smart|fast|immediate]
                  stop a running server (default mode: fast)
              tusk status [-D DATADIR]                  tell whether a server is running
              tusk controldata -D DATADIR               print the control file, as pg_controldata
            """;

    private Tusk() {
    }

    public static void main(String[] args) throws Exception {
        int code = run(args, System.out, System.err);
        // Also on success: a stopped server may still have idle non-daemon threads of its libraries.
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        String command = args.length == 0 || args[0].startsWith("-") ? "start" : args[0];
        List<String> rest = Arrays.asList(args).subList(args.length == 0 || args[0].startsWith("-") ? 0 : 1, args.length);
        if (rest.contains("--help") || command.equals("help")) {
            out.print(USAGE);
            return Cli.OK;
        }
        String program = command.equals("initdb") ? "initdb" : "tusk " + command;
        try {
            return switch (command) {
                case "initdb" -> InitDb.run(Cli.parse(program, rest, InitDb.OPTIONS, out, err));
                case "start" -> Start.run(Cli.parse(program, rest, Set.of("D", "l", "p"), out, err));
                case "stop" -> PgCtl.stop(Cli.parse(program, rest, Set.of("D", "m"), out, err));
                case "status" -> PgCtl.status(Cli.parse(program, rest, Set.of("D"), out, err));
                case "controldata" -> ControlData.run(Cli.parse(program, rest, Set.of("D"), out, err));
                default -> {
                    err.println("tusk: unknown command \"" + command + "\"");
                    err.print(USAGE);
                    yield Cli.ERROR;
                }
            };
        } catch (Cli.UsageException e) {
            err.println(program + ": " + e.getMessage());
            err.println("Try \"tusk --help\" for more information.");
            return Cli.ERROR;
        } catch (TuskException e) {
            err.println(program + ": error: " + e.getMessage());
            if (e.hint() != null) {
                err.println(program + ": hint: " + e.hint());
            }
            return Cli.ERROR;
        }
    }
}
