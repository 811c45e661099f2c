package dev.tusk.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The pretty form of a stored expression ({@code pg_get_expr(expr, rel, true)}, {@code pg_get_constraintdef(oid,
 * true)}): PostgreSQL's ruleutils.c prints with PRETTYFLAG_PAREN, dropping the parentheses its non-pretty form puts
 * around every operator and boolean expression wherever precedence makes them redundant ({@code isSimpleNode}).
 *
 * <p>Works on the stored non-pretty text, whose shape is fixed: every operator, boolean, IS and ANY/ALL
 * expression is parenthesized, tokens are separated by single spaces, function arguments and ANY/ALL/ARRAY
 * operands stand in call parentheses or brackets, and a cast argument is parenthesized before {@code ::}.
 */
final class PrettyExpr {
    private static final String OP_CHARS = "+-*/<>=~!@#%^&|`?";
    private static final Set<String> CALL_KEYWORDS = Set.of("ANY", "ALL", "EXISTS", "ARRAY", "IN", "VALUES");

    /** What the top level of an expression is. */
    private enum Kind { SIMPLE, OR, AND, NOT, OP, UNARY, TEST, SAOP }

    /** Where a parenthesized child stands. */
    private enum Place { TOP, BOOL, OP_LEFT, OP_RIGHT, CAST, OTHER }

    private record Shape(Kind kind, String op) {
    }

    private PrettyExpr() {
    }

    /** The pretty text of a stored (non-pretty) expression. */
    static String pretty(String expr) {
        if (expr == null) {
            return null;
        }
        return render(expr.trim(), Place.TOP, null);
    }

    /** Renders {@code s} standing at {@code place} under a parent of shape {@code parent}. */
    private static String render(String s, Place place, Shape parent) {
        String inner = unwrap(s);
        if (inner != null) {
            // Nested wrappers such as ((a + b))::text collapse to one level.
            while (unwrap(inner) != null && place != Place.TOP) {
                inner = unwrap(inner);
            }
            Shape child = shape(inner);
            String body = renderItems(inner, child);
            return simple(child, place, parent) ? body : "(" + body + ")";
        }
        return renderItems(s, shape(s));
    }

    /** The content of {@code s} when {@code s} is exactly one parenthesized group, else null. */
    private static String unwrap(String s) {
        if (s.length() < 2 || s.charAt(0) != '(' || close(s, 0) != s.length() - 1) {
            return null;
        }
        return s.substring(1, s.length() - 1);
    }

    /** isSimpleNode with PRETTYFLAG_PAREN. */
    private static boolean simple(Shape node, Place place, Shape parent) {
        if (node.kind() == Kind.SIMPLE || place == Place.TOP) {
            return true;
        }
        return switch (place) {
            case BOOL -> switch (node.kind()) {
                case NOT, AND -> parent.kind() == Kind.AND || parent.kind() == Kind.OR;
                case OR -> parent.kind() == Kind.OR;
                case SAOP -> false;
                default -> true;
            };
            case OP_LEFT, OP_RIGHT -> {
                if (node.kind() != Kind.OP || parent.kind() != Kind.OP) {
                    yield false;
                }
                boolean lo = isLowPriority(node.op());
                boolean hi = isHighPriority(node.op());
                boolean plo = isLowPriority(parent.op());
                boolean phi = isHighPriority(parent.op());
                if (!(lo || hi) || !(plo || phi)) {
                    yield false;
                }
                if (hi && plo) {
                    yield true;
                }
                if (lo && phi) {
                    yield false;
                }
                yield place == Place.OP_LEFT;
            }
            default -> false;
        };
    }

    private static boolean isLowPriority(String op) {
        return op.equals("+") || op.equals("-");
    }

    private static boolean isHighPriority(String op) {
        return op.equals("*") || op.equals("/") || op.equals("%");
    }

    /** The top-level shape of an expression text. */
    private static Shape shape(String s) {
        List<String> tokens = topTokens(s);
        if (tokens.contains("OR")) {
            return new Shape(Kind.OR, null);
        }
        if (tokens.contains("AND") && !tokens.contains("BETWEEN")) {
            return new Shape(Kind.AND, null);
        }
        if (!tokens.isEmpty() && tokens.getFirst().equals("NOT")) {
            return new Shape(Kind.NOT, null);
        }
        if (tokens.contains("IS")) {
            return new Shape(Kind.TEST, null);
        }
        if (tokens.contains("CASE")) {
            return new Shape(Kind.SIMPLE, null);
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (isOperator(tokens.get(i))) {
                if (i == 0) {
                    return new Shape(Kind.UNARY, tokens.get(i));
                }
                if (i + 1 < tokens.size() && (tokens.get(i + 1).equals("ANY") || tokens.get(i + 1).equals("ALL"))) {
                    return new Shape(Kind.SAOP, tokens.get(i));
                }
                return new Shape(Kind.OP, tokens.get(i));
            }
        }
        return new Shape(Kind.SIMPLE, null);
    }

    private static boolean isOperator(String t) {
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (OP_CHARS.indexOf(t.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The space-separated tokens at depth 0 (groups, strings and calls count as one token each). */
    private static List<String> topTokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                i++;
                continue;
            }
            int end = skip(s, i);
            cur.append(s, i, end);
            i = end;
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    /** The index after the unit starting at {@code i}: a quoted string or identifier, a bracket group, or a char. */
    private static int skip(String s, int i) {
        char c = s.charAt(i);
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < s.length()) {
                if (s.charAt(j) == c) {
                    if (j + 1 < s.length() && s.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return s.length();
        }
        if (c == '(' || c == '[') {
            return close(s, i) + 1;
        }
        return i + 1;
    }

    /** The index of the bracket closing the one at {@code open}. */
    private static int close(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = skip(s, i);
                continue;
            }
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        return s.length() - 1;
    }

    /** Renders the top level of {@code s} (of shape {@code me}), prettifying each parenthesized child. */
    private static String renderItems(String s, Shape me) {
        StringBuilder out = new StringBuilder();
        boolean seenOperator = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int end = skip(s, i);
                out.append(s, i, end);
                i = end;
                continue;
            }
            if (c == '(' || c == '[') {
                int end = close(s, i);
                String content = s.substring(i + 1, end);
                if (c == '[' || isCall(s, i)) {
                    out.append(c).append(renderArguments(content)).append(s.charAt(end));
                } else {
                    boolean cast = s.startsWith("::", end + 1);
                    Place place = cast ? Place.CAST : switch (me.kind()) {
                        case OR, AND, NOT -> Place.BOOL;
                        case OP -> seenOperator ? Place.OP_RIGHT : Place.OP_LEFT;
                        case SIMPLE -> Place.TOP;
                        default -> Place.OTHER;
                    };
                    out.append(render(s.substring(i, end + 1), place, me));
                }
                i = end + 1;
                continue;
            }
            if (OP_CHARS.indexOf(c) >= 0 && (i == 0 || s.charAt(i - 1) == ' ')) {
                int j = i;
                while (j < s.length() && OP_CHARS.indexOf(s.charAt(j)) >= 0) {
                    j++;
                }
                if (j == s.length() || s.charAt(j) == ' ') {
                    seenOperator = true;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** A '(' that belongs to a function call or to ANY/ALL/EXISTS/ARRAY/IN rather than grouping an expression. */
    private static boolean isCall(String s, int open) {
        if (open == 0) {
            return false;
        }
        char prev = s.charAt(open - 1);
        if (Character.isLetterOrDigit(prev) || prev == '_' || prev == '"' || prev == ']' || prev == ')') {
            return true;
        }
        int end = open - 1;
        while (end >= 0 && s.charAt(end) == ' ') {
            end--;
        }
        int start = end;
        while (start >= 0 && Character.isLetter(s.charAt(start))) {
            start--;
        }
        return end > start && CALL_KEYWORDS.contains(s.substring(start + 1, end + 1));
    }

    /** Comma-separated arguments, each rendered at the top level (function arguments need no parentheses). */
    private static String renderArguments(String content) {
        List<String> parts = new ArrayList<>();
        int depthStart = 0;
        int i = 0;
        while (i < content.length()) {
            char c = content.charAt(i);
            if (c == '\'' || c == '"' || c == '(' || c == '[') {
                i = skip(content, i);
                continue;
            }
            if (c == ',') {
                parts.add(content.substring(depthStart, i));
                depthStart = i + 1;
            }
            i++;
        }
        parts.add(content.substring(depthStart));
        List<String> rendered = new ArrayList<>();
        for (String p : parts) {
            String lead = p.substring(0, p.length() - p.stripLeading().length());
            String trail = p.substring(p.stripTrailing().length());
            String core = p.strip();
            rendered.add(core.isEmpty() ? p : lead + render(core, Place.TOP, null) + trail);
        }
        return String.join(",", rendered);
    }
}
