package dev.tusk.commands;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;

/**
 * COPY's text and CSV line formats (PostgreSQL's CopyAttributeOutText/CopyAttributeOutCSV and
 * CopyReadAttributesText/CopyReadAttributesCSV). A decoded field is null for SQL NULL.
 */
public final class CopyCodec {
    private final CopyOptions o;

    public CopyCodec(CopyOptions o) {
        this.o = o;
    }

    /** One output line (with the newline) for the given field texts (null = NULL). */
    public String encodeLine(List<String> fields, boolean[] forceQuote) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(o.delimiter());
            }
            String f = fields.get(i);
            if (f == null) {
                sb.append(o.nullString());
            } else if (o.csv()) {
                csvField(sb, f, forceQuote != null && forceQuote[i]);
            } else {
                textField(sb, f);
            }
        }
        return sb.append('\n').toString();
    }

    private void textField(StringBuilder sb, String f) {
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append(o.delimiter() == '\t' ? "\\t" : "\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case 0x0B -> sb.append("\\v");
                default -> {
                    if (c == o.delimiter()) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
    }

    private void csvField(StringBuilder sb, String f, boolean force) {
        boolean quote = force || f.equals(o.nullString()) || (!f.isEmpty() && f.equals("\\."));
        for (int i = 0; i < f.length() && !quote; i++) {
            char c = f.charAt(i);
            quote = c == o.delimiter() || c == o.quote() || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(f);
            return;
        }
        sb.append(o.quote());
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == o.quote() || c == o.escape()) {
                sb.append(o.escape());
            }
            sb.append(c);
        }
        sb.append(o.quote());
    }

    /** Whether {@code line} (without its newline) ends inside an open CSV quote (the record continues). */
    public boolean csvOpen(String line) {
        if (!o.csv()) {
            return false;
        }
        boolean inQuote = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inQuote) {
                if (c == o.escape() && o.escape() != o.quote() && i + 1 < line.length()
                        && (line.charAt(i + 1) == o.quote() || line.charAt(i + 1) == o.escape())) {
                    i++;
                } else if (c == o.quote()) {
                    if (o.escape() == o.quote() && i + 1 < line.length() && line.charAt(i + 1) == o.quote()) {
                        i++;
                    } else {
                        inQuote = false;
                    }
                }
            } else if (c == o.quote()) {
                inQuote = true;
            }
        }
        return inQuote;
    }

    /** Splits one record into fields, undoing the escapes. */
    public List<String> decodeLine(String line) {
        return o.csv() ? decodeCsv(line) : decodeText(line);
    }

    private List<String> decodeText(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        int i = 0;
        while (true) {
            if (i >= line.length() || line.charAt(i) == o.delimiter()) {
                out.add(raw.toString().equals(o.nullString()) ? null : cur.toString());
                cur.setLength(0);
                raw.setLength(0);
                if (i >= line.length()) {
                    break;
                }
                i++;
                continue;
            }
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char n = line.charAt(i + 1);
                raw.append(c).append(n);
                i += 2;
                switch (n) {
                    case 'b' -> cur.append('\b');
                    case 'f' -> cur.append('\f');
                    case 'n' -> cur.append('\n');
                    case 'r' -> cur.append('\r');
                    case 't' -> cur.append('\t');
                    case 'v' -> cur.append((char) 0x0B);
                    case 'x' -> {
                        int v = 0;
                        int k = 0;
                        while (k < 2 && i < line.length() && Character.digit(line.charAt(i), 16) >= 0) {
                            v = v * 16 + Character.digit(line.charAt(i), 16);
                            raw.append(line.charAt(i));
                            i++;
                            k++;
                        }
                        cur.append(k == 0 ? 'x' : (char) v);
                    }
                    default -> {
                        if (n >= '0' && n <= '7') {
                            int v = n - '0';
                            int k = 1;
                            while (k < 3 && i < line.length() && line.charAt(i) >= '0' && line.charAt(i) <= '7') {
                                v = v * 8 + (line.charAt(i) - '0');
                                raw.append(line.charAt(i));
                                i++;
                                k++;
                            }
                            cur.append((char) v);
                        } else {
                            cur.append(n);
                        }
                    }
                }
                continue;
            }
            raw.append(c);
            cur.append(c);
            i++;
        }
        return out;
    }

    private List<String> decodeCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean inQuote = false;
        int i = 0;
        while (true) {
            if (i >= line.length() || (!inQuote && line.charAt(i) == o.delimiter())) {
                String f = cur.toString();
                out.add(!quoted && f.equals(o.nullString()) ? null : f);
                cur.setLength(0);
                quoted = false;
                if (i >= line.length()) {
                    break;
                }
                i++;
                continue;
            }
            char c = line.charAt(i);
            if (inQuote) {
                if (c == o.escape() && i + 1 < line.length()
                        && (line.charAt(i + 1) == o.quote() || line.charAt(i + 1) == o.escape())
                        && !(o.escape() == o.quote() && line.charAt(i + 1) != o.quote())) {
                    cur.append(line.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == o.quote()) {
                    inQuote = false;
                    i++;
                    continue;
                }
                cur.append(c);
                i++;
                continue;
            }
            if (c == o.quote()) {
                inQuote = true;
                quoted = true;
                i++;
                continue;
            }
            cur.append(c);
            i++;
        }
        if (inQuote) {
            throw new TuskException(SqlState.BAD_COPY_FILE_FORMAT, "unterminated CSV quoted field");
        }
        return out;
    }
}
