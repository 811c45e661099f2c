package dev.tusk.utils.adt;

import dev.tusk.utils.fmgr.ImplTable;
import java.util.regex.Matcher;

/**
 * regexp.c's position-aware functions added in PostgreSQL 15: regexp_count, regexp_instr, regexp_like,
 * regexp_substr and regexp_replace with start/N. Positions are 1-based characters (code points); the search
 * starts at {@code start} but '^' still anchors only at the string's beginning, as in PostgreSQL.
 */
final class RegexpFunctions {
    private RegexpFunctions() {
    }

    static void register(ImplTable t) {
        t.fn("regexp_count_no_start", (c, ty, a) -> count(s(a[0]), s(a[1]), 1, ""))
                .fn("regexp_count_no_flags", (c, ty, a) -> count(s(a[0]), s(a[1]), (Integer) a[2], ""))
                .fn("regexp_count", (c, ty, a) -> count(s(a[0]), s(a[1]), (Integer) a[2], s(a[3])))
                .fn("regexp_instr_no_start", (c, ty, a) -> instr(a, 2))
                .fn("regexp_instr_no_n", (c, ty, a) -> instr(a, 3))
                .fn("regexp_instr_no_endoption", (c, ty, a) -> instr(a, 4))
                .fn("regexp_instr_no_flags", (c, ty, a) -> instr(a, 5))
                .fn("regexp_instr_no_subexpr", (c, ty, a) -> instr(a, 6))
                .fn("regexp_instr", (c, ty, a) -> instr(a, 7))
                .fn("regexp_like_no_flags", (c, ty, a) -> like(s(a[0]), s(a[1]), ""))
                .fn("regexp_like", (c, ty, a) -> like(s(a[0]), s(a[1]), s(a[2])))
                .fn("regexp_substr_no_start", (c, ty, a) -> substr(a, 2))
                .fn("regexp_substr_no_n", (c, ty, a) -> substr(a, 3))
                .fn("regexp_substr_no_flags", (c, ty, a) -> substr(a, 4))
                .fn("regexp_substr_no_subexpr", (c, ty, a) -> substr(a, 5))
                .fn("regexp_substr", (c, ty, a) -> substr(a, 6))
                .fn("textregexreplace_extended_no_n", (c, ty, a) -> replace(a, 4))
                .fn("textregexreplace_extended_no_flags", (c, ty, a) -> replace(a, 5))
                .fn("textregexreplace_extended", (c, ty, a) -> replace(a, 6));
    }

    private static String s(Object o) {
        return (String) o;
    }

    private static int startArg(Object[] a, int nargs, int index) {
        if (nargs <= index) {
            return 1;
        }
        int start = (Integer) a[index];
        if (start <= 0) {
            throw bad("start", start);
        }
        return start;
    }

    private static dev.tusk.utils.error.TuskException bad(String param, int value) {
        return AdtErrors.invalidParameter("invalid value for parameter \"" + param + "\": " + value);
    }

    private static int flags(String flags, String function) {
        if (flags.indexOf('g') >= 0) {
            throw AdtErrors.invalidParameter(function + "() does not support the \"global\" option");
        }
        return PatternFunctions.flagsOf(flags);
    }

    /** A matcher over {@code src} and the char index where character position {@code start} begins. */
    private static Matcher matcher(String src, String pattern, int flags) {
        return PatternFunctions.regex(pattern, flags).matcher(src);
    }

    private static int charIndex(String src, int start) {
        int cps = src.codePointCount(0, src.length());
        return start - 1 >= cps ? src.length() + 1 : src.offsetByCodePoints(0, start - 1);
    }

    /** Finds the n-th match at or after char index {@code from}; false when there is none. */
    private static boolean findNth(Matcher m, String src, int from, int n) {
        int pos = from;
        int found = 0;
        while (pos <= src.length() && m.find(pos)) {
            if (++found == n) {
                return true;
            }
            pos = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        return false;
    }

    static int count(String src, String pattern, int start, String flags) {
        if (start <= 0) {
            throw bad("start", start);
        }
        Matcher m = matcher(src, pattern, flags(flags, "regexp_count"));
        int pos = charIndex(src, start);
        int found = 0;
        while (pos <= src.length() && m.find(pos)) {
            found++;
            pos = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        return found;
    }

    static boolean like(String src, String pattern, String flags) {
        return matcher(src, pattern, flags(flags, "regexp_like")).find();
    }

    /** regexp_instr(string, pattern [, start [, N [, endoption [, flags [, subexpr ]]]]]). */
    static int instr(Object[] a, int nargs) {
        String src = s(a[0]);
        int start = startArg(a, nargs, 2);
        int n = nargs > 3 ? (Integer) a[3] : 1;
        if (n <= 0) {
            throw bad("n", n);
        }
        int endoption = nargs > 4 ? (Integer) a[4] : 0;
        if (endoption != 0 && endoption != 1) {
            throw bad("endoption", endoption);
        }
        String fl = nargs > 5 ? s(a[5]) : "";
        int subexpr = nargs > 6 ? (Integer) a[6] : 0;
        if (subexpr < 0) {
            throw bad("subexpr", subexpr);
        }
        Matcher m = matcher(src, s(a[1]), flags(fl, "regexp_instr"));
        if (!findNth(m, src, charIndex(src, start), n) || subexpr > m.groupCount() || m.start(subexpr) < 0) {
            return 0;
        }
        int idx = endoption == 1 ? m.end(subexpr) : m.start(subexpr);
        return src.codePointCount(0, idx) + 1;
    }

    /** regexp_substr(string, pattern [, start [, N [, flags [, subexpr ]]]]). */
    static String substr(Object[] a, int nargs) {
        String src = s(a[0]);
        int start = startArg(a, nargs, 2);
        int n = nargs > 3 ? (Integer) a[3] : 1;
        if (n <= 0) {
            throw bad("n", n);
        }
        String fl = nargs > 4 ? s(a[4]) : "";
        int subexpr = nargs > 5 ? (Integer) a[5] : 0;
        if (subexpr < 0) {
            throw bad("subexpr", subexpr);
        }
        Matcher m = matcher(src, s(a[1]), flags(fl, "regexp_substr"));
        if (!findNth(m, src, charIndex(src, start), n) || subexpr > m.groupCount()) {
            return null;
        }
        return m.group(subexpr);
    }

    /** textregexreplace_extended: regexp_replace(source, pattern, replacement, start [, N [, flags ]]). */
    static String replace(Object[] a, int nargs) {
        String src = s(a[0]);
        String repl = s(a[2]);
        int start = startArg(a, nargs, 3);
        int n = nargs > 4 ? (Integer) a[4] : 1;
        if (n < 0) {
            throw bad("n", n);
        }
        String fl = nargs > 5 ? s(a[5]) : "";
        int jf = PatternFunctions.flagsOf(fl);
        if (nargs <= 4) {
            n = fl.indexOf('g') >= 0 ? 0 : 1;
        }
        Matcher m = matcher(src, s(a[1]), jf);
        int pos = charIndex(src, start);
        int found = 0;
        int last = 0;
        StringBuilder out = new StringBuilder();
        while (pos <= src.length() && m.find(pos)) {
            found++;
            if (n == 0 || found == n) {
                out.append(src, last, m.start());
                appendReplacement(out, m, repl);
                last = m.end();
                if (n != 0) {
                    break;
                }
            }
            pos = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        return out.append(src.substring(last)).toString();
    }

    /** The replacement text with \1..\9 and \& substituted and \\ as a literal backslash. */
    static void appendReplacement(StringBuilder out, Matcher m, String repl) {
        for (int i = 0; i < repl.length(); i++) {
            char ch = repl.charAt(i);
            if (ch == '\\' && i + 1 < repl.length()) {
                char nx = repl.charAt(++i);
                if (nx >= '1' && nx <= '9') {
                    int g = nx - '0';
                    if (g <= m.groupCount() && m.group(g) != null) {
                        out.append(m.group(g));
                    }
                } else if (nx == '&') {
                    out.append(m.group());
                } else if (nx == '\\') {
                    out.append('\\');
                } else {
                    out.append('\\').append(nx);
                }
            } else {
                out.append(ch);
            }
        }
    }
}
