package dev.tusk.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The captured client catalog queries (test resources {@code client-queries/}): the SQL psql 15 sends for its
 * {@code \d} family and the pgjdbc {@link DatabaseMetaData} calls, with their results on PostgreSQL 15 in a
 * plain text form, so a server's answers can be compared with PostgreSQL's.
 *
 * <p>OIDs of the objects {@code schema.sql} creates differ between servers; the stored queries and results name
 * them {@code {oid:NAME}} and {@link #oidNames} maps them on the server at hand.
 *
 * <p>Also a program: {@code java -cp postgresql.jar ClientQueries.java URL RESOURCE_DIR} rewrites the expected
 * results from a real PostgreSQL 15 that already holds {@code schema.sql} (the queries were captured from its
 * {@code log_statement = 'all'} log).
 */
public final class ClientQueries {
    /** pgjdbc metadata calls replayed by name. */
    static final List<String> METADATA_CALLS = List.of("getSchemas", "getTables", "getTablesAllSchemas", "getColumns",
            "getPrimaryKeys", "getIndexInfo", "getImportedKeys", "getExportedKeys");
    private static final String NULL = "\\N";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{oid:([A-Za-z0-9_.]+)}");

    private ClientQueries() {
    }

    /** OID (as text) to symbolic name, for the objects schema.sql creates. */
    static Map<String, String> oidNames(Connection c) throws SQLException {
        Map<String, String> map = new LinkedHashMap<>();
        query(c, "SELECT n.nspname || '.' || c.relname, c.oid FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app')", map);
        query(c, "SELECT 'nsp.' || nspname, oid FROM pg_catalog.pg_namespace WHERE nspname IN ('app', 'public')", map);
        query(c, "SELECT 'role.' || rolname, oid FROM pg_catalog.pg_authid WHERE rolname = 'alice'", map);
        query(c, "SELECT 'con.' || conname, oid FROM pg_catalog.pg_constraint WHERE connamespace IN"
                + " (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname IN ('public', 'app'))", map);
        Map<String, String> byOid = new LinkedHashMap<>();
        map.forEach((name, oid) -> byOid.put(oid, name));
        return byOid;
    }

    private static void query(Connection c, String sql, Map<String, String> into) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                into.put(rs.getString(1), rs.getString(2));
            }
        }
    }

    /** The query with {@code {oid:NAME}} replaced by this server's OIDs. */
    static String instantiate(String template, Map<String, String> oidNames) {
        Map<String, String> byName = new LinkedHashMap<>();
        oidNames.forEach((oid, name) -> byName.put(name, oid));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String oid = byName.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(oid == null ? "0" : oid));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A query's text with the OIDs of schema objects written as placeholders. */
    static String templatize(String sql, Map<String, String> oidNames) {
        String out = sql;
        for (Map.Entry<String, String> e : oidNames.entrySet()) {
            out = out.replaceAll("(?<![0-9])" + e.getKey() + "(?![0-9])", Matcher.quoteReplacement("{oid:" + e.getValue() + "}"));
        }
        return out;
    }

    /** A result set as text: a header of column labels, then one line per row; tabs separate fields. */
    static String render(ResultSet rs, Map<String, String> oidNames) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            header.add(escape(md.getColumnLabel(i)));
        }
        StringBuilder sb = new StringBuilder(String.join("\t", header)).append('\n');
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String v = rs.getString(i);
                row.add(v == null ? NULL : escape(oidNames.containsKey(v) ? "{oid:" + oidNames.get(v) + "}" : v));
            }
            sb.append(String.join("\t", row)).append('\n');
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    /** Runs a captured SQL query (after instantiation) and renders its result. */
    static String runQuery(Connection c, String template, Map<String, String> oidNames) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(instantiate(template, oidNames))) {
            return render(rs, oidNames);
        }
    }

    /** One of {@link #METADATA_CALLS}, rendered. */
    static String runMetadata(Connection c, String call, Map<String, String> oidNames) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = switch (call) {
            case "getSchemas" -> md.getSchemas();
            case "getTables" -> md.getTables(null, "public", "%", null);
            case "getTablesAllSchemas" -> md.getTables(null, null, "%", new String[] {"TABLE", "VIEW", "SEQUENCE"});
            case "getColumns" -> md.getColumns(null, "public", "t", "%");
            case "getPrimaryKeys" -> md.getPrimaryKeys(null, "public", "t");
            case "getIndexInfo" -> md.getIndexInfo(null, "public", "t", false, false);
            case "getImportedKeys" -> md.getImportedKeys(null, "public", "t");
            case "getExportedKeys" -> md.getExportedKeys(null, "public", "parent");
            default -> throw new IllegalArgumentException(call);
        }) {
            return render(rs, oidNames);
        }
    }

    /** The psql meta-commands captured, by file name stem. */
    static Map<String, String> psqlCommands() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("l", "\\l");
        m.put("dn", "\\dn");
        m.put("dt", "\\dt");
        m.put("d_t", "\\d t");
        m.put("dplus_t", "\\d+ t");
        m.put("d_parent", "\\d parent");
        m.put("du", "\\du");
        m.put("df", "\\df");
        m.put("dv", "\\dv");
        m.put("di", "\\di");
        m.put("ds", "\\ds");
        m.put("d", "\\d");
        m.put("d_app_item", "\\d app.item");
        m.put("dt_app", "\\dt app.*");
        return m;
    }

    /** Rewrites the expected results from a PostgreSQL 15 holding schema.sql: args URL RESOURCE_DIR. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        try (Connection c = DriverManager.getConnection(args[0])) {
            Map<String, String> oids = oidNames(c);
            try (var files = Files.list(dir.resolve("psql15"))) {
                for (Path sql : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                    String template = templatize(Files.readString(sql), oids);
                    Files.writeString(sql, template);
                    write(sql.resolveSibling(sql.getFileName().toString().replace(".sql", ".out")),
                            runQuery(c, template, oids));
                }
            }
            Files.createDirectories(dir.resolve("pgjdbc"));
            for (String call : METADATA_CALLS) {
                write(dir.resolve("pgjdbc").resolve(call + ".out"), runMetadata(c, call, oids));
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
