package dev.tusk.server;

import java.util.Map;

/**
 * The configuration files initdb writes (PostgreSQL's {@code postgresql.conf.sample}, {@code pg_hba.conf.sample},
 * and the {@code postgresql.auto.conf} header), limited to the settings Tusk reads: each is shown commented out
 * at its default, as in PostgreSQL's sample, except those initdb sets explicitly.
 */
final class ConfigTemplates {
    /** Parameters initdb writes uncommented, as PostgreSQL's initdb does for these two. */
    private static final Map<String, String> SET_BY_INITDB = Map.of("shared_buffers", "128MB", "max_wal_size", "1GB");
    private static final Map<String, String> SECTIONS = Map.of(
            "listen_addresses", "# CONNECTIONS AND AUTHENTICATION",
            "shared_buffers", "# RESOURCE USAGE (except WAL)",
            "synchronous_commit", "# WRITE-AHEAD LOG");

    private ConfigTemplates() {
    }

    static String postgresqlConf() {
        StringBuilder sb = new StringBuilder("""
                # -----------------------------
                # Tusk configuration file (PostgreSQL syntax)
                # -----------------------------
                #
                # This file consists of lines of the form:
                #
                #   name = value
                #
                # (The "=" is optional.)  Whitespace may be used.  Comments are introduced with
                # "#" anywhere on a line.  Only the parameters Tusk reads are listed; other
                # PostgreSQL parameters are accepted and ignored with a warning.
                #
                # The commented-out settings shown in this file represent the default values.
                # Changes take effect when the server is restarted.
                #
                # "include 'file'", "include_if_exists 'file'" and "include_dir 'directory'"
                # read further files, relative to this file's directory.
                #
                # Memory units:  B  = bytes            Time units:  us  = microseconds
                #                kB = kilobytes                     ms  = milliseconds
                #                MB = megabytes                     s   = seconds
                #                GB = gigabytes                     min = minutes
                #                TB = terabytes                     h   = hours
                #                                                   d   = days
                """);
        for (Guc g : Guc.TABLE.values()) {
            String section = SECTIONS.get(g.name());
            if (section != null) {
                sb.append("\n\n#------------------------------------------------------------------------------\n")
                        .append(section)
                        .append("\n#------------------------------------------------------------------------------\n\n");
            }
            if (g.name().equals("checkpoint_timeout")) {
                sb.append("\n# - Checkpoints -\n\n");
            } else if (g.name().equals("bgwriter_delay")) {
                sb.append("\n# - Background Writer -\n\n");
            }
            String set = SET_BY_INITDB.get(g.name());
            String value = g.kind() == Guc.Kind.STRING ? "'" + g.defaultValue() + "'" : g.defaultValue();
            String line = set != null ? g.name() + " = " + set : "#" + g.name() + " = " + value;
            sb.append(line);
            if (!g.comment().isEmpty()) {
                sb.append(tabsTo(line.length(), 40)).append("# ").append(g.comment());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Tabs (8 columns) from {@code column} to at least {@code target}, as the PostgreSQL sample aligns comments. */
    private static String tabsTo(int column, int target) {
        StringBuilder tabs = new StringBuilder("\t");
        int col = (column / 8 + 1) * 8;
        while (col < target) {
            tabs.append('\t');
            col += 8;
        }
        return tabs.toString();
    }

    /** pg_hba.conf with initdb's lines, {@code local} and {@code host} being the chosen methods. */
    static String pgHbaConf(String local, String host) {
        String caution = !local.equals("trust") && !host.equals("trust") ? "" : """
                # CAUTION: Configuring the system for local "trust" authentication
                # allows any local user to connect as any PostgreSQL user, including
                # the database superuser.  If you do not trust all your local users,
                # use another authentication method.

                """;
        return """
                # Client authentication configuration file (PostgreSQL's pg_hba.conf format)
                #
                # Each record specifies a connection type, a database name, a user name,
                # a client IP address (host records) and the authentication method:
                # trust, reject, password, md5 or scram-sha-256.  Tusk serves TCP/IP only;
                # "local" (Unix-domain socket) lines are kept for PostgreSQL's layout.

                """ + caution + """

                # TYPE  DATABASE        USER            ADDRESS                 METHOD

                # "local" is for Unix domain socket connections only
                local   all             all                                     %1$s
                # IPv4 local connections:
                host    all             all             127.0.0.1/32            %2$s
                # IPv6 local connections:
                host    all             all             ::1/128                 %2$s
                # Allow replication connections from localhost, by a user with the
                # replication privilege.
                local   replication     all                                     %1$s
                host    replication     all             127.0.0.1/32            %2$s
                host    replication     all             ::1/128                 %2$s
                """.formatted(local, host);
    }

    static String postgresqlAutoConf() {
        return """
                # Do not edit this file manually!
                # It will be overwritten by the ALTER SYSTEM command.
                """;
    }
}
