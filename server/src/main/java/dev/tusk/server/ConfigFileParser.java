package dev.tusk.server;

import dev.tusk.utils.error.TuskException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads PostgreSQL configuration files (PostgreSQL's {@code guc-file.l}, {@code ParseConfigFp}): lines of
 * {@code name [=] value}, {@code #} comments, values bare or in single quotes (with {@code ''} and backslash
 * escapes), and the {@code include}, {@code include_if_exists} and {@code include_dir} directives, whose
 * relative paths are taken from the including file's directory. Values are not interpreted here.
 */
public final class ConfigFileParser {
    /** One {@code name = value} line; names are lower-cased as PostgreSQL does. */
    public record Entry(String name, String value, Path file, int line) {
    }

    /** PostgreSQL's CONF_FILE_MAX_DEPTH. */
    static final int MAX_DEPTH = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFileParser.class);

    private ConfigFileParser() {
    }

    /** Every entry of {@code file} and the files it includes, in file order. */
    public static List<Entry> parse(Path file) {
        List<Entry> entries = new ArrayList<>();
        parseFile(file.toAbsolutePath().normalize(), false, 0, entries);
        return entries;
    }

    private static void parseFile(Path file, boolean missingOk, int depth, List<Entry> out) {
        if (depth > MAX_DEPTH) {
            throw ServerErrors.configNestingTooDeep(file);
        }
        if (!Files.isRegularFile(file)) {
            if (missingOk) {
                LOG.info("skipping missing configuration file \"{}\"", file);
                return;
            }
            throw ServerErrors.configFileMissing(file);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            Entry entry = parseLine(lines.get(i), file, i + 1);
            if (entry == null) {
                continue;
            }
            switch (entry.name()) {
                case "include" -> parseFile(resolve(file, entry.value()), false, depth + 1, out);
                case "include_if_exists" -> parseFile(resolve(file, entry.value()), true, depth + 1, out);
                case "include_dir" -> parseDir(resolve(file, entry.value()), depth + 1, out);
                default -> out.add(entry);
            }
        }
    }

    /** include_dir: every {@code *.conf} not starting with a dot, in name order (ParseConfigDirectory). */
    private static void parseDir(Path dir, int depth, List<Entry> out) {
        if (!Files.isDirectory(dir)) {
            throw ServerErrors.configFileMissing(dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> confs = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".conf") && !n.startsWith(".") && Files.isRegularFile(p);
            }).sorted().toList();
            for (Path p : confs) {
                parseFile(p, false, depth, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resolve(Path includingFile, String name) {
        Path p = Path.of(name);
        return (p.isAbsolute() ? p : includingFile.getParent().resolve(p)).normalize();
    }

    /** One line: null for blank or comment lines. */
    static Entry parseLine(String line, Path file, int lineNo) {
        Cursor c = new Cursor(line);
        c.skipSpace();
        if (c.atEnd()) {
            return null;
        }
        String name = c.identifier();
        if (name.isEmpty()) {
            throw ServerErrors.configSyntax(file, lineNo, c.token());
        }
        c.skipSpace();
        if (c.peek() == '=') {
            c.pos++;
            c.skipSpace();
        }
        String value;
        if (c.peek() == '\'') {
            value = c.quoted(file, lineNo);
        } else {
            value = c.bare();
            if (value.isEmpty()) {
                throw ServerErrors.configSyntax(file, lineNo, c.token());
            }
        }
        c.skipSpace();
        if (!c.atEnd()) {
            throw ServerErrors.configSyntax(file, lineNo, c.token());
        }
        return new Entry(name.toLowerCase(Locale.ROOT), value, file, lineNo);
    }

    /** A position in one line; '#' outside quotes ends the line. */
    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length() || s.charAt(pos) == '#';
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        /** ID or QUALIFIED_ID: a letter or underscore, then letters, digits, '_', '$' or '.'. */
        String identifier() {
            int start = pos;
            if (pos < s.length() && (Character.isLetter(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || "_$.".indexOf(s.charAt(pos)) >= 0)) {
                    pos++;
                }
            }
            return s.substring(start, pos);
        }

        /** An unquoted value: numbers with units, identifiers, and the other characters PostgreSQL allows. */
        String bare() {
            int start = pos;
            while (pos < s.length()) {
                char ch = s.charAt(pos);
                if (Character.isWhitespace(ch) || ch == '#' || ch == '\'' || ch == '=') {
                    break;
                }
                pos++;
            }
            return s.substring(start, pos);
        }

        /** A single-quoted string; {@code ''} and backslash escapes as in GUC_scanstr. */
        String quoted(Path file, int lineNo) {
            StringBuilder out = new StringBuilder();
            pos++;
            while (pos < s.length()) {
                char ch = s.charAt(pos++);
                if (ch == '\'') {
                    if (pos < s.length() && s.charAt(pos) == '\'') {
                        out.append('\'');
                        pos++;
                        continue;
                    }
                    return out.toString();
                }
                if (ch == '\\' && pos < s.length()) {
                    char e = s.charAt(pos++);
                    out.append(switch (e) {
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        default -> e;
                    });
                    continue;
                }
                out.append(ch);
            }
            throw ServerErrors.configSyntax(file, lineNo, null);
        }

        /** The token at the cursor, for error messages. */
        String token() {
            int end = pos;
            while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
                end++;
            }
            return s.substring(pos, end);
        }
    }

    /** Rethrows a value error with the file and line it came from. */
    static TuskException at(TuskException e, Entry entry) {
        return ServerErrors.inFile(e, entry.file(), entry.line());
    }
}
