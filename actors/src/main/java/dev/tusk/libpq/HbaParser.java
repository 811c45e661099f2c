package dev.tusk.libpq;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses pg_hba.conf text (PostgreSQL's {@code tokenize_auth_file} and {@code parse_hba_line}): fields split at
 * whitespace, {@code #} comments, double quotes, comma-separated lists within a field, backslash line
 * continuation, and {@code @file} inclusion of lists. Errors carry PostgreSQL's message and the line as detail.
 */
final class HbaParser {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.%]*");

    private final String fileName;
    private final Path directory;

    HbaParser(String fileName, Path directory) {
        this.fileName = fileName;
        this.directory = directory;
    }

    List<HbaLine> parse(String text) {
        List<HbaLine> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        int i = 0;
        while (i < raw.length) {
            int lineNumber = i + 1;
            StringBuilder logical = new StringBuilder(raw[i]);
            while (endsWithBackslash(logical) && i + 1 < raw.length) {
                logical.setLength(logical.length() - 1);
                logical.append(' ').append(raw[++i]);
            }
            i++;
            List<List<HbaLine.Token>> fields = tokenize(logical.toString());
            if (!fields.isEmpty()) {
                lines.add(parseLine(lineNumber, fields));
            }
        }
        return List.copyOf(lines);
    }

    private static boolean endsWithBackslash(CharSequence s) {
        return !s.isEmpty() && s.charAt(s.length() - 1) == '\\';
    }

    /** next_field_expand over a whole line: each field is a list of tokens. */
    private List<List<HbaLine.Token>> tokenize(String line) {
        List<List<HbaLine.Token>> fields = new ArrayList<>();
        int pos = 0;
        int n = line.length();
        while (true) {
            while (pos < n && Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
            if (pos >= n || line.charAt(pos) == '#') {
                return fields;
            }
            List<HbaLine.Token> field = new ArrayList<>();
            boolean more = true;
            while (more) {
                StringBuilder value = new StringBuilder();
                boolean quoted = false;
                boolean inQuote = false;
                while (pos < n) {
                    char c = line.charAt(pos);
                    if (!inQuote && (Character.isWhitespace(c) || c == ',' || c == '#')) {
                        break;
                    }
                    pos++;
                    if (c == '"') {
                        inQuote = !inQuote;
                        quoted = true;
                    } else {
                        value.append(c);
                    }
                }
                if (!quoted && value.length() > 1 && value.charAt(0) == '@') {
                    field.addAll(include(value.substring(1)));
                } else if (quoted || !value.isEmpty()) {
                    field.add(new HbaLine.Token(value.toString(), quoted));
                }
                more = pos < n && line.charAt(pos) == ',';
                if (more) {
                    pos++;
                    while (pos < n && Character.isWhitespace(line.charAt(pos))) {
                        pos++;
                    }
                }
            }
            if (!field.isEmpty()) {
                fields.add(field);
            }
        }
    }

    /** {@code @file}: the file's tokens (any layout) become list items. */
    private List<HbaLine.Token> include(String name) {
        Path file = directory == null ? Path.of(name) : directory.resolve(name);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw configError("could not open secondary authentication file \"@" + name + "\" as \"" + file
                    + "\": " + e.getMessage(), 0);
        }
        List<HbaLine.Token> tokens = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            tokenize(line).forEach(tokens::addAll);
        }
        return tokens;
    }

    private HbaLine parseLine(int lineNumber, List<List<HbaLine.Token>> fields) {
        int f = 0;
        String typeName = single(fields.get(f++), lineNumber, "connection type").value();
        HbaLine.ConnType type = switch (typeName) {
            case "local" -> HbaLine.ConnType.LOCAL;
            case "host" -> HbaLine.ConnType.HOST;
            case "hostssl" -> HbaLine.ConnType.HOSTSSL;
            case "hostnossl" -> HbaLine.ConnType.HOSTNOSSL;
            case "hostgssenc" -> HbaLine.ConnType.HOSTGSSENC;
            case "hostnogssenc" -> HbaLine.ConnType.HOSTNOGSSENC;
            default -> throw configError("invalid connection type \"" + typeName + "\"", lineNumber);
        };
        if (f >= fields.size()) {
            throw configError("end-of-line before database specification", lineNumber);
        }
        List<HbaLine.Token> databases = List.copyOf(fields.get(f++));
        if (f >= fields.size()) {
            throw configError("end-of-line before role specification", lineNumber);
        }
        List<HbaLine.Token> users = List.copyOf(fields.get(f++));
        HbaLine.Address address = null;
        if (type != HbaLine.ConnType.LOCAL) {
            if (f >= fields.size()) {
                throw configError("end-of-line before IP address specification", lineNumber);
            }
            String spec = single(fields.get(f++), lineNumber, "host name/IP address").value();
            address = parseAddress(spec, lineNumber);
            if (address instanceof HbaLine.Cidr cidr && cidr.prefixLength() < 0) {
                if (f >= fields.size()) {
                    throw configError("end-of-line before netmask specification", lineNumber);
                }
                address = withMask(cidr, single(fields.get(f++), lineNumber, "netmask").value(), lineNumber);
            }
        }
        if (f >= fields.size()) {
            throw configError("end-of-line before authentication method", lineNumber);
        }
        String methodName = single(fields.get(f++), lineNumber, "authentication method").value();
        HbaMethod method = HbaMethod.byName(methodName);
        if (method == null) {
            throw configError("invalid authentication method \"" + methodName + "\"", lineNumber);
        }
        for (; f < fields.size(); f++) {
            for (HbaLine.Token option : fields.get(f)) {
                if (option.value().indexOf('=') <= 0) {
                    throw configError("authentication option not in name=value format: " + option.value(), lineNumber);
                }
            }
        }
        return new HbaLine(lineNumber, type, databases, users, address, method, methodName);
    }

    private HbaLine.Token single(List<HbaLine.Token> field, int lineNumber, String what) {
        if (field.size() != 1) {
            throw configError("multiple values specified for " + what, lineNumber);
        }
        return field.get(0);
    }

    /** A Cidr with prefixLength -1 means "the netmask follows in the next column". */
    private HbaLine.Address parseAddress(String spec, int lineNumber) {
        switch (spec) {
            case "all" -> {
                return new HbaLine.AnyAddress();
            }
            case "samehost" -> {
                return new HbaLine.SameHost();
            }
            case "samenet" -> {
                return new HbaLine.SameNet();
            }
            default -> {
            }
        }
        int slash = spec.indexOf('/');
        String host = slash < 0 ? spec : spec.substring(0, slash);
        if (!IP_LITERAL.matcher(host).matches()) {
            if (slash >= 0) {
                throw configError("specifying both host name and CIDR mask is invalid: \"" + spec + "\"", lineNumber);
            }
            return new HbaLine.HostName(spec.toLowerCase(Locale.ROOT));
        }
        byte[] network = literal(host, spec, lineNumber);
        if (slash < 0) {
            return new HbaLine.Cidr(network, -1);
        }
        int bits;
        try {
            bits = Integer.parseInt(spec.substring(slash + 1));
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits < 0 || bits > network.length * 8) {
            throw configError("invalid CIDR mask in address \"" + spec + "\"", lineNumber);
        }
        return new HbaLine.Cidr(network, bits);
    }

    private HbaLine.Cidr withMask(HbaLine.Cidr address, String maskSpec, int lineNumber) {
        byte[] mask = literal(maskSpec, maskSpec, lineNumber);
        if (mask.length != address.network().length) {
            throw configError("IP address and mask do not match", lineNumber);
        }
        int bits = 0;
        boolean ended = false;
        for (byte b : mask) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean set = (b >> bit & 1) == 1;
                if (set && ended) {
                    throw configError("invalid IP mask \"" + maskSpec + "\": not a contiguous mask", lineNumber);
                }
                if (set) {
                    bits++;
                } else {
                    ended = true;
                }
            }
        }
        return new HbaLine.Cidr(address.network(), bits);
    }

    private byte[] literal(String host, String spec, int lineNumber) {
        try {
            return InetAddress.ofLiteral(host).getAddress();
        } catch (IllegalArgumentException e) {
            throw configError("invalid IP address \"" + spec + "\": " + e.getMessage(), lineNumber);
        }
    }

    TuskException configError(String message, int lineNumber) {
        String detail = lineNumber > 0 ? "line " + lineNumber + " of configuration file \"" + fileName + "\"" : null;
        return new TuskException(Severity.FATAL, SqlState.CONFIG_FILE_ERROR, message, detail, null, 0, null);
    }
}
