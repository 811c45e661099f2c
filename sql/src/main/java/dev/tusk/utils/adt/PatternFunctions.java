package dev.tusk.utils.adt;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.ImplTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * LIKE/ILIKE (like.c) and POSIX regular expressions (regexp.c) on java.util.regex. PostgreSQL's ARE syntax is
 * mapped where it differs: {@code [[:alpha:]]} classes, {@code \m \M \y} word boundaries; '.' matches newlines
 * and ^/$ anchor the whole string, as in PostgreSQL's default (non newline-sensitive) mode.
 */
final class PatternFunctions {
    private PatternFunctions() {
    }

    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public Pattern computeIfAbsent(String key, java.util.function.Function<? super String, ? extends Pattern> f) {
            // a bounded cache: patterns are cheap to recompile, memory is not free
            if (size() > 1000) {
                clear();
            }
            return super.computeIfAbsent(key, f);
        }
    };

    static void register(ImplTable t) {
        t.fn2("textlike", (a, b) -> like(s(a), s(b), false)).fn2("textnlike", (a, b) -> !like(s(a), s(b), false))
                .fn2("texticlike", (a, b) -> like(s(a), s(b), true))
                .fn2("texticnlike", (a, b) -> !like(s(a), s(b), true))
                .fn2("namelike", (a, b) -> like(s(a), s(b), false)).fn2("namenlike", (a, b) -> !like(s(a), s(b), false))
                .fn2("nameiclike", (a, b) -> like(s(a), s(b), true))
                .fn2("nameicnlike", (a, b) -> !like(s(a), s(b), true))
                .fn2("bpcharlike", (a, b) -> like(s(a), s(b), false))
                .fn2("like_escape", (a, b) -> likeEscape(s(a), s(b)))
                .fn("similar_to_escape_1", (c, ty, a) -> similarToRegex(s(a[0]), "\\"))
                .fn("substring(25 25 25)", (c, ty, a) -> similarSubstring(s(a[0]), s(a[1]), s(a[2])))
                .fn("similar_to_escape_2", (c, ty, a) -> a[1] == null ? null : similarToRegex(s(a[0]), s(a[1])))
                .fn2("textregexeq", (a, b) -> regex(s(b), 0).matcher(s(a)).find())
                .fn2("textregexne", (a, b) -> !regex(s(b), 0).matcher(s(a)).find())
                .fn2("texticregexeq", (a, b) -> regex(s(b), Pattern.CASE_INSENSITIVE).matcher(s(a)).find())
                .fn2("texticregexne", (a, b) -> !regex(s(b), Pattern.CASE_INSENSITIVE).matcher(s(a)).find())
                .fn2("nameregexeq", (a, b) -> regex(s(b), 0).matcher(s(a)).find())
                .fn2("nameregexne", (a, b) -> !regex(s(b), 0).matcher(s(a)).find())
                .fn2("nameicregexeq", (a, b) -> regex(s(b), Pattern.CASE_INSENSITIVE).matcher(s(a)).find())
                .fn2("nameicregexne", (a, b) -> !regex(s(b), Pattern.CASE_INSENSITIVE).matcher(s(a)).find())
                .fn("textregexreplace_noopt", (c, ty, a) -> replace(s(a[0]), s(a[1]), s(a[2]), ""))
                .fn("textregexreplace", (c, ty, a) -> {
                    String opt = s(a[3]);
                    // the four-argument text form wins over (..., start int) for an unknown literal
                    if (!opt.isEmpty() && opt.charAt(0) >= '0' && opt.charAt(0) <= '9') {
                        throw AdtErrors.invalidParameter("invalid regular expression option: \"" + opt.charAt(0)
                                + "\"").withHint("If you meant to use regexp_replace() with a start parameter, "
                                        + "cast the fourth argument to integer explicitly.");
                    }
                    return replace(s(a[0]), s(a[1]), s(a[2]), opt);
                })
                .fn2("textregexsubstr", (a, b) -> {
                    Matcher m = regex(s(b), 0).matcher(s(a));
                    if (!m.find()) {
                        return null;
                    }
                    return m.groupCount() > 0 ? m.group(1) : m.group();
                })
                .fn2("regexp_match_no_flags", (a, b) -> match(s(a), s(b), ""))
                .fn("regexp_match", (c, ty, a) -> match(s(a[0]), s(a[1]), s(a[2])))
                .fn2("regexp_split_to_array_no_flags", (a, b) -> new ArrayValue(TypeOids.TEXT, split(s(a), s(b), "")))
                .fn("regexp_split_to_array", (c, ty, a) -> {
                    if (s(a[2]).indexOf('g') >= 0) {
                        throw AdtErrors.invalidParameter(
                                "regexp_split_to_array() does not support the \"global\" option");
                    }
                    return new ArrayValue(TypeOids.TEXT, split(s(a[0]), s(a[1]), s(a[2])));
                })
                .set("regexp_split_to_table_no_flags", (c, ty, a) -> split(s(a[0]), s(a[1]), "").iterator())
                .set("regexp_split_to_table", (c, ty, a) -> split(s(a[0]), s(a[1]), s(a[2])).iterator())
                .set("regexp_matches_no_flags", (c, ty, a) -> matches(s(a[0]), s(a[1]), ""))
                .set("regexp_matches", (c, ty, a) -> matches(s(a[0]), s(a[1]), s(a[2])));
    }

    private static String s(Object o) {
        return (String) o;
    }

    /** LIKE with backslash escape (an empty escape in like_escape disables escaping). */
    static boolean like(String text, String pattern, boolean ci) {
        Pattern p = CACHE.computeIfAbsent((ci ? "L1" : "L0") + pattern, k -> {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char ch = pattern.charAt(i);
                if (ch == '\\') {
                    if (++i >= pattern.length()) {
                        throw new TuskException(SqlState.INVALID_ESCAPE_SEQUENCE,
                                "LIKE pattern must not end with escape character");
                    }
                    re.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
                } else if (ch == '%') {
                    re.append(".*");
                } else if (ch == '_') {
                    re.append('.');
                } else {
                    re.append(Pattern.quote(String.valueOf(ch)));
                }
            }
            // ASCII-only case folding: the databases' LC_CTYPE is "C"
            return Pattern.compile(re.toString(), Pattern.DOTALL | (ci ? Pattern.CASE_INSENSITIVE : 0));
        });
        return p.matcher(text).matches();
    }

    /** like_escape: rewrites a pattern with a custom escape character into the default backslash form. */
    static String likeEscape(String pattern, String esc) {
        if (esc.isEmpty()) {
            return pattern.replace("\\", "\\\\");
        }
        if (esc.codePointCount(0, esc.length()) != 1) {
            throw new TuskException(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid escape string")
                    .withHint("Escape string must be empty or one character.");
        }
        char e = esc.charAt(0);
        if (e == '\\') {
            return pattern;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == e) {
                if (++i >= pattern.length()) {
                    throw new TuskException(SqlState.INVALID_ESCAPE_SEQUENCE,
                            "LIKE pattern must not end with escape character");
                }
                sb.append('\\').append(pattern.charAt(i));
            } else if (ch == '\\') {
                sb.append("\\\\");
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** similar_to_escape: SQL SIMILAR TO pattern to an anchored POSIX regular expression. */
    static String similarToRegex(String pat, String esc) {
        List<String> parts = similarParts(pat, esc);
        if (parts.size() == 1) {
            return "^(?:" + parts.get(0) + ")$";
        }
        if (parts.size() == 2) {
            return "^(?:" + parts.get(0) + "){1,1}?(" + parts.get(1) + ")$";
        }
        return "^(?:" + parts.get(0) + "){1,1}?(" + parts.get(1) + "){1,1}(?:" + parts.get(2) + ")$";
    }

    /**
     * similar_escape_internal's translation, split at the escape-double-quote separators: each part is a
     * regular expression fragment (SQL's % and _, user parentheses made non-capturing, escapes resolved).
     */
    static List<String> similarParts(String pat, String esc) {
        if (esc.codePointCount(0, esc.length()) > 1) {
            throw new TuskException(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid escape string")
                    .withHint("Escape string must be empty or one character.");
        }
        List<String> parts = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean afterEscape = false;
        boolean inCharClass = false;
        for (int i = 0; i < pat.length(); i++) {
            char c = pat.charAt(i);
            if (afterEscape) {
                if (c == '"' && !inCharClass) {
                    if (parts.size() >= 2) {
                        throw new TuskException(SqlState.INVALID_USE_OF_ESCAPE_CHARACTER,
                                "SQL regular expression may not contain more than two escape-double-quote "
                                        + "separators");
                    }
                    parts.add(sb.toString());
                    sb.setLength(0);
                } else if (Character.isLetterOrDigit(c) && "dDsSwW".indexOf(c) < 0) {
                    sb.append(c);
                } else {
                    sb.append('\\').append(c);
                }
                afterEscape = false;
            } else if (!esc.isEmpty() && c == esc.charAt(0)) {
                afterEscape = true;
            } else if (inCharClass) {
                if (c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
                if (c == ']') {
                    inCharClass = false;
                }
            } else if (c == '[') {
                sb.append(c);
                inCharClass = true;
            } else if (c == '%') {
                sb.append(".*");
            } else if (c == '_') {
                sb.append('.');
            } else if (c == '(') {
                sb.append("(?:");
            } else if (c == '\\' || c == '.' || c == '^' || c == '$') {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        parts.add(sb.toString());
        return parts;
    }

    /**
     * SUBSTRING(text SIMILAR pattern ESCAPE esc): the text matched by the middle part, the first part matching
     * as little and the middle part as much as possible (what PostgreSQL's non-greedy/greedy markers ask for,
     * done by search because java.util.regex applies greediness per quantifier, not per part).
     */
    static String similarSubstring(String text, String pat, String esc) {
        List<String> parts = similarParts(pat, esc);
        if (parts.size() == 1) {
            return regex("^(?:" + parts.get(0) + ")$", 0).matcher(text).find() ? text : null;
        }
        Pattern p1 = regex(parts.get(0), 0);
        Pattern p2 = regex(parts.get(1), 0);
        Pattern p3 = regex(parts.size() == 3 ? parts.get(2) : "", 0);
        int n = text.length();
        for (int k = 0; k <= n; k++) {
            if (!p1.matcher(text).region(0, k).matches()) {
                continue;
            }
            for (int j = n; j >= k; j--) {
                if (p2.matcher(text).region(k, j).matches() && p3.matcher(text).region(j, n).matches()) {
                    return text.substring(k, j);
                }
            }
        }
        return null;
    }

    /** Compiles a PostgreSQL ARE into a Java pattern (cached). */
    static Pattern regex(String are, int flags) {
        return CACHE.computeIfAbsent("R" + flags + ":" + are, k -> {
            String j = are.replace("[[:alpha:]]", "\\p{Alpha}").replace("[[:digit:]]", "\\d")
                    .replace("[[:alnum:]]", "\\p{Alnum}").replace("[[:space:]]", "\\s")
                    .replace("[[:upper:]]", "\\p{Upper}").replace("[[:lower:]]", "\\p{Lower}")
                    .replace("[[:punct:]]", "\\p{Punct}").replace("[[:xdigit:]]", "\\p{XDigit}")
                    .replace("[:alpha:]", "\\p{Alpha}").replace("[:digit:]", "\\d").replace("[:alnum:]", "\\p{Alnum}")
                    .replace("[:space:]", "\\s").replace("[:upper:]", "\\p{Upper}").replace("[:lower:]", "\\p{Lower}")
                    .replace("\\m", "\\b(?=\\w)").replace("\\M", "\\b(?<=\\w)").replace("\\y", "\\b");
            int javaFlags = flags & ~NLSTOP;
            if ((flags & NLSTOP) == 0) {
                javaFlags |= Pattern.DOTALL;
            }
            try {
                return Pattern.compile((flags & Pattern.LITERAL) != 0 ? are : j, javaFlags);
            } catch (PatternSyntaxException e) {
                throw new TuskException(SqlState.INVALID_REGULAR_EXPRESSION,
                        "invalid regular expression: " + regcompMessage(e.getDescription()));
            }
        });
    }

    /** Our marker (outside java.util.regex's flag bits) for newline-sensitive '.': no DOTALL. */
    static final int NLSTOP = 1 << 24;

    /** regcomp's messages (regerror.c) for the Java syntax errors that have a counterpart. */
    private static String regcompMessage(String javaDescription) {
        String d = javaDescription == null ? "" : javaDescription;
        if (d.startsWith("Unclosed group") || d.startsWith("Unmatched closing")) {
            return "parentheses () not balanced";
        }
        if (d.startsWith("Illegal repetition") || d.startsWith("Unclosed counted closure")) {
            return "invalid repetition count(s)";
        }
        if (d.startsWith("Unclosed character class")) {
            return "brackets [] not balanced";
        }
        if (d.startsWith("Dangling meta character")) {
            return "quantifier operand invalid";
        }
        if (d.startsWith("Illegal/unsupported escape") || d.startsWith("Unexpected internal error")) {
            return "invalid escape \\ sequence";
        }
        return d;
    }

    /** parse_re_flags: PostgreSQL's regexp option letters as java.util.regex flags (plus {@link #NLSTOP}). */
    static int flagsOf(String flags) {
        int f = 0;
        for (char c : flags.toCharArray()) {
            switch (c) {
                case 'i' -> f |= Pattern.CASE_INSENSITIVE;
                case 'c' -> f &= ~Pattern.CASE_INSENSITIVE;
                case 'g', 'b', 'e' -> { }
                case 'n', 'm' -> f |= Pattern.MULTILINE | NLSTOP;
                case 'p' -> f = (f | NLSTOP) & ~Pattern.MULTILINE;
                case 'w' -> f = (f | Pattern.MULTILINE) & ~NLSTOP;
                case 's' -> f &= ~(Pattern.MULTILINE | NLSTOP);
                case 'q' -> f |= Pattern.LITERAL;
                case 'x' -> f |= Pattern.COMMENTS;
                case 't' -> f &= ~Pattern.COMMENTS;
                default -> throw AdtErrors.invalidParameter("invalid regular expression option: \"" + c + "\"");
            }
        }
        return f;
    }

    static String replace(String src, String pattern, String repl, String flags) {
        Matcher m = regex(pattern, flagsOf(flags)).matcher(src);
        boolean global = flags.indexOf('g') >= 0;
        StringBuilder out = new StringBuilder();
        int last = 0;
        int pos = 0;
        while (pos <= src.length() && m.find(pos)) {
            out.append(src, last, m.start());
            RegexpFunctions.appendReplacement(out, m, repl);
            last = m.end();
            if (!global) {
                break;
            }
            pos = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        return out.append(src.substring(last)).toString();
    }

    private static ArrayValue groups(Matcher m) {
        List<Object> g = new ArrayList<>();
        if (m.groupCount() == 0) {
            g.add(m.group());
        } else {
            for (int i = 1; i <= m.groupCount(); i++) {
                g.add(m.group(i));
            }
        }
        return new ArrayValue(TypeOids.TEXT, g);
    }

    static ArrayValue match(String src, String pattern, String flags) {
        if (flags.indexOf('g') >= 0) {
            throw AdtErrors.invalidParameter("regexp_match() does not support the \"global\" option")
                    .withHint("Use the regexp_matches function instead.");
        }
        Matcher m = regex(pattern, flagsOf(flags)).matcher(src);
        return m.find() ? groups(m) : null;
    }

    static Iterator<Object> matches(String src, String pattern, String flags) {
        Matcher m = regex(pattern, flagsOf(flags)).matcher(src);
        List<Object> out = new ArrayList<>();
        boolean global = flags.indexOf('g') >= 0;
        int pos = 0;
        while (pos <= src.length() && m.find(pos)) {
            out.add(groups(m));
            if (!global) {
                break;
            }
            pos = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        return out.iterator();
    }

    static List<Object> split(String src, String pattern, String flags) {
        if (flags.indexOf('g') >= 0) {
            throw AdtErrors.invalidParameter("regexp_split_to_table() does not support the \"global\" option");
        }
        // setup_regexp_matches with ignore_degenerate: zero-length matches at the end of the string or right
        // after the previous match do not split
        Matcher m = regex(pattern, flagsOf(flags)).matcher(src);
        List<Object> out = new ArrayList<>();
        int last = 0;
        int prevEnd = 0;
        int pos = 0;
        while (pos <= src.length() && m.find(pos)) {
            if (m.start() < src.length() && m.end() > prevEnd) {
                out.add(src.substring(last, m.start()));
                last = m.end();
            }
            prevEnd = m.end();
            pos = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        out.add(src.substring(last));
        return out;
    }
}
