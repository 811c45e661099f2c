package dev.tusk.parser;

import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL's lexical rules ({@code scan.l}) for one query string, with standard_conforming_strings on:
 * identifiers and keywords, quoted identifiers, string constants in all their spellings, numbers, operators,
 * parameters, comments. Produces one {@link Token} per {@link #next()} call, ending with an EOF token.
 */
public final class Lexer {
    /** Identifiers are truncated to NAMEDATALEN - 1 bytes, as PostgreSQL's truncate_identifier does. */
    private static final int MAX_IDENT_BYTES = 63;
    private static final String OP_CHARS = "~!@#^&|`?+-*/%<>=";
    private static final String NON_SQL_OP_CHARS = "~!@#^&|`?%";

    private final String src;
    private final int len;
    private final boolean standardConformingStrings;
    private int pos;

    public Lexer(String src) {
        this(src, true);
    }

    /** A lexer; with {@code standardConformingStrings} off, backslashes escape in plain '...' strings too. */
    public Lexer(String src, boolean standardConformingStrings) {
        this.src = src;
        this.len = src.length();
        this.standardConformingStrings = standardConformingStrings;
    }

    public String source() {
        return src;
    }

    /** The next token; EOF forever at the end. */
    public Token next() {
        skipWhitespaceAndComments();
        if (pos >= len) {
            return new Token(TokenKind.EOF, "", null, len, len);
        }
        int start = pos;
        char c = src.charAt(pos);
        char c1 = pos + 1 < len ? src.charAt(pos + 1) : '\0';
        if (c == '\'') {
            return quotedString(start, pos, !standardConformingStrings);
        }
        if ((c == 'e' || c == 'E') && c1 == '\'') {
            return quotedString(start, pos + 1, true);
        }
        if ((c == 'n' || c == 'N') && c1 == '\'') {
            // PostgreSQL's xnstart: N'...' is the NCHAR keyword followed by an ordinary string literal
            pos++;
            return new Token(TokenKind.IDENT, "nchar", "nchar", start, pos);
        }
        if ((c == 'b' || c == 'B' || c == 'x' || c == 'X') && c1 == '\'') {
            return bitString(start, Character.toLowerCase(c));
        }
        if ((c == 'u' || c == 'U') && c1 == '&' && pos + 2 < len
                && (src.charAt(pos + 2) == '\'' || src.charAt(pos + 2) == '"')) {
            return unicodeQuoted(start);
        }
        if (c == '"') {
            return quotedIdent(start);
        }
        if (c == '$') {
            return dollar(start);
        }
        if (isIdentStart(c)) {
            return identifier(start);
        }
        if (isDigit(c) || (c == '.' && isDigit(c1))) {
            return number(start);
        }
        return punctuationOrOperator(start);
    }

    // ---- whitespace and comments ----

    private void skipWhitespaceAndComments() {
        while (pos < len) {
            char c = src.charAt(pos);
            if (isSpace(c)) {
                pos++;
            } else if (c == '-' && pos + 1 < len && src.charAt(pos + 1) == '-') {
                while (pos < len && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < len && src.charAt(pos + 1) == '*') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int start = pos;
        int depth = 0;
        while (pos < len) {
            if (src.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (src.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        throw ParserErrors.near("unterminated /* comment", src, start, len);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean isIdentCont(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    // ---- identifiers ----

    private Token identifier(int start) {
        pos++;
        while (pos < len && isIdentCont(src.charAt(pos))) {
            pos++;
        }
        String raw = src.substring(start, pos);
        String lower = downcase(raw);
        Keywords.Keyword kw = Keywords.lookup(lower);
        return new Token(TokenKind.IDENT, kw != null ? lower : truncate(lower), kw != null ? lower : null, start, pos);
    }

    /** PostgreSQL's downcase_identifier for UTF-8: only ASCII letters fold. */
    static String downcase(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, (char) (c + 32));
            }
        }
        return sb == null ? s : sb.toString();
    }

    static String truncate(String ident) {
        byte[] b = ident.getBytes(StandardCharsets.UTF_8);
        if (b.length <= MAX_IDENT_BYTES) {
            return ident;
        }
        int cut = MAX_IDENT_BYTES;
        while (cut > 0 && (b[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return new String(b, 0, cut, StandardCharsets.UTF_8);
    }

    private Token quotedIdent(int start) {
        StringBuilder sb = new StringBuilder();
        readDelimited(sb, '"', "unterminated quoted identifier", start, false);
        if (sb.isEmpty()) {
            throw ParserErrors.near("zero-length delimited identifier", src, start, pos);
        }
        return new Token(TokenKind.IDENT, truncate(sb.toString()), null, start, pos);
    }

    // ---- strings ----

    /**
     * A quoted string starting at {@code quote} (E'' when {@code escapes}), including SQL's continuation of
     * adjacent literals separated by whitespace that contains a newline.
     */
    private Token quotedString(int start, int quote, boolean escapes) {
        pos = quote;
        StringBuilder sb = new StringBuilder();
        readContinuedString(sb, "unterminated quoted string", start, escapes);
        return new Token(TokenKind.SCONST, sb.toString(), null, start, pos);
    }

    /**
     * Reads the quoted string at pos into {@code sb}, joined with the literals that continue it (see
     * {@link #continuation}); pos ends after the last closing quote.
     */
    private void readContinuedString(StringBuilder sb, String unterminated, int start, boolean escapes) {
        do {
            readDelimited(sb, '\'', unterminated, start, escapes);
        } while (continuation());
    }

    /**
     * Reads from the opening {@code quote} at pos through the closing one into {@code sb}: a doubled quote stands
     * for one, and with {@code escapes} backslash sequences are decoded.
     */
    private void readDelimited(StringBuilder sb, char quote, String unterminated, int start, boolean escapes) {
        pos++;
        while (true) {
            if (pos >= len) {
                throw ParserErrors.near(unterminated, src, start, len);
            }
            char c = src.charAt(pos);
            if (c == quote) {
                if (pos + 1 < len && src.charAt(pos + 1) == quote) {
                    sb.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                return;
            }
            if (c == '\\' && escapes) {
                pos = EscapeStrings.decode(src, pos, sb, start);
                continue;
            }
            sb.append(c);
            pos++;
        }
    }

    /**
     * After a closing quote: if whitespace including a newline (comments allowed) is followed by another quote,
     * moves pos to that quote and returns true (PostgreSQL's quotecontinue).
     */
    private boolean continuation() {
        int p = pos;
        boolean newline = false;
        while (p < len) {
            char c = src.charAt(p);
            if (c == '\n' || c == '\r') {
                newline = true;
                p++;
            } else if (isSpace(c)) {
                p++;
            } else if (c == '-' && p + 1 < len && src.charAt(p + 1) == '-') {
                while (p < len && src.charAt(p) != '\n' && src.charAt(p) != '\r') {
                    p++;
                }
            } else {
                break;
            }
        }
        if (newline && p < len && src.charAt(p) == '\'') {
            pos = p;
            return true;
        }
        return false;
    }

    private Token bitString(int start, char kind) {
        pos = start + 1;
        StringBuilder sb = new StringBuilder().append(kind);
        readContinuedString(sb, kind == 'b' ? "unterminated bit string literal"
                : "unterminated hexadecimal string literal", start, false);
        return new Token(kind == 'b' ? TokenKind.BCONST : TokenKind.XCONST, sb.toString(), null, start, pos);
    }

    /** U&'...' strings and U&"..." identifiers, with an optional UESCAPE 'c' clause. */
    private Token unicodeQuoted(int start) {
        boolean ident = src.charAt(start + 2) == '"';
        String body;
        if (ident) {
            pos = start + 2;
            Token t = quotedIdent(start);
            body = t.value();
        } else {
            StringBuilder sb = new StringBuilder();
            pos = start + 2;
            readContinuedString(sb, "unterminated quoted string", start, false);
            body = sb.toString();
        }
        char esc = '\\';
        int save = pos;
        skipWhitespaceAndComments();
        if (pos + 7 <= len && src.regionMatches(true, pos, "uescape", 0, 7)
                && (pos + 7 == len || !isIdentCont(src.charAt(pos + 7)))) {
            pos += 7;
            skipWhitespaceAndComments();
            if (pos + 2 < len && src.charAt(pos) == '\'' && src.charAt(pos + 2) == '\'') {
                esc = src.charAt(pos + 1);
                if (isHexDigit(esc) || esc == '+' || esc == '\'' || esc == '"' || isSpace(esc)) {
                    throw ParserErrors.near("invalid Unicode escape character", src, pos, pos + 3);
                }
                pos += 3;
            } else {
                int save2 = pos;
                Token after = next();
                pos = save2;
                throw ParserErrors.near("UESCAPE must be followed by a simple string literal", src, after.start(),
                        after.end());
            }
        } else {
            pos = save;
        }
        String decoded = EscapeStrings.decodeUnicode(body, esc, src, start + 3);
        if (ident) {
            if (decoded.isEmpty()) {
                throw ParserErrors.near("zero-length delimited identifier", src, start, pos);
            }
            return new Token(TokenKind.IDENT, truncate(decoded), null, start, pos);
        }
        return new Token(TokenKind.SCONST, decoded, null, start, pos);
    }

    static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** $n parameters and $tag$ dollar quoting; a lone $ becomes punctuation the grammar rejects. */
    private Token dollar(int start) {
        int p = pos + 1;
        if (p < len && isDigit(src.charAt(p))) {
            while (p < len && isDigit(src.charAt(p))) {
                p++;
            }
            if (p < len && isIdentCont(src.charAt(p))) {
                int e = p;
                while (e < len && isIdentCont(src.charAt(e))) {
                    e++;
                }
                throw ParserErrors.near("trailing junk after parameter", src, start, e);
            }
            pos = p;
            return new Token(TokenKind.PARAM, src.substring(start + 1, p), null, start, p);
        }
        // dollar-quote delimiter: $tag$ where tag is [A-Za-z\200-\377_][A-Za-z\200-\377_0-9]*
        int q = p;
        if (q < len && isIdentStart(src.charAt(q))) {
            q++;
            while (q < len && (isIdentStart(src.charAt(q)) || isDigit(src.charAt(q)))) {
                q++;
            }
        }
        if (q < len && src.charAt(q) == '$') {
            String delim = src.substring(start, q + 1);
            int bodyStart = q + 1;
            int close = src.indexOf(delim, bodyStart);
            if (close < 0) {
                throw ParserErrors.near("unterminated dollar-quoted string", src, start, len);
            }
            pos = close + delim.length();
            return new Token(TokenKind.SCONST, src.substring(bodyStart, close), null, start, pos);
        }
        pos = start + 1;
        return new Token(TokenKind.PUNCT, "$", null, start, pos);
    }

    // ---- numbers ----

    private Token number(int start) {
        int p = pos;
        boolean isInteger = true;
        while (p < len && isDigit(src.charAt(p))) {
            p++;
        }
        if (p < len && src.charAt(p) == '.') {
            if (p + 1 < len && src.charAt(p + 1) == '.') {
                // decimalfail: "1..": the integer, then ".."
                return integerToken(start, p);
            }
            isInteger = false;
            p++;
            while (p < len && isDigit(src.charAt(p))) {
                p++;
            }
        }
        if (p < len && (src.charAt(p) == 'e' || src.charAt(p) == 'E')) {
            int e = p + 1;
            if (e < len && (src.charAt(e) == '+' || src.charAt(e) == '-')) {
                e++;
            }
            if (e < len && isDigit(src.charAt(e))) {
                while (e < len && isDigit(src.charAt(e))) {
                    e++;
                }
                isInteger = false;
                p = e;
            } else {
                // realfail: a number with a dangling exponent marker is junk
                throw ParserErrors.near("trailing junk after numeric literal", src, start, junkEnd(e));
            }
        }
        if (p < len && isIdentStart(src.charAt(p))) {
            throw ParserErrors.near("trailing junk after numeric literal", src, start, junkEnd(p));
        }
        if (isInteger) {
            return integerToken(start, p);
        }
        pos = p;
        return new Token(TokenKind.FCONST, src.substring(start, p), null, start, p);
    }

    private int junkEnd(int p) {
        while (p < len && isIdentCont(src.charAt(p))) {
            p++;
        }
        return p;
    }

    /** PostgreSQL's process_integer_literal: an int4 is ICONST, anything bigger FCONST. */
    private Token integerToken(int start, int end) {
        pos = end;
        String text = src.substring(start, end);
        boolean fits;
        try {
            Integer.parseInt(text);
            fits = true;
        } catch (NumberFormatException e) {
            fits = false;
        }
        return new Token(fits ? TokenKind.ICONST : TokenKind.FCONST, text, null, start, end);
    }

    // ---- operators and punctuation ----

    private Token punctuationOrOperator(int start) {
        char c = src.charAt(pos);
        char c1 = pos + 1 < len ? src.charAt(pos + 1) : '\0';
        switch (c) {
            case ':' -> {
                if (c1 == ':') {
                    pos += 2;
                    return new Token(TokenKind.PUNCT, "::", null, start, pos);
                }
                if (c1 == '=') {
                    pos += 2;
                    return new Token(TokenKind.PUNCT, ":=", null, start, pos);
                }
                pos++;
                return new Token(TokenKind.PUNCT, ":", null, start, pos);
            }
            case '.' -> {
                if (c1 == '.') {
                    pos += 2;
                    return new Token(TokenKind.PUNCT, "..", null, start, pos);
                }
                pos++;
                return new Token(TokenKind.PUNCT, ".", null, start, pos);
            }
            case '(', ')', '[', ']', ',', ';' -> {
                pos++;
                return new Token(TokenKind.PUNCT, String.valueOf(c), null, start, pos);
            }
            default -> {
            }
        }
        if (OP_CHARS.indexOf(c) >= 0) {
            return operator(start);
        }
        // any other character: PostgreSQL returns it as a single-character token the grammar rejects
        int cp = src.codePointAt(pos);
        pos += Character.charCount(cp);
        return new Token(TokenKind.PUNCT, src.substring(start, pos), null, start, pos);
    }

    /** PostgreSQL's {operator} rule with its trimming of embedded comments and trailing + and -. */
    private Token operator(int start) {
        int p = pos;
        while (p < len && OP_CHARS.indexOf(src.charAt(p)) >= 0) {
            p++;
        }
        String op = src.substring(start, p);
        int cut = indexOfComment(op);
        if (cut >= 0) {
            op = op.substring(0, cut);
        }
        if (op.length() > 1 && (op.endsWith("+") || op.endsWith("-"))) {
            boolean nonSql = false;
            for (int i = 0; i < op.length() - 1; i++) {
                if (NON_SQL_OP_CHARS.indexOf(op.charAt(i)) >= 0) {
                    nonSql = true;
                    break;
                }
            }
            if (!nonSql) {
                int n = op.length();
                while (n > 1 && (op.charAt(n - 1) == '+' || op.charAt(n - 1) == '-')) {
                    n--;
                }
                op = op.substring(0, n);
            }
        }
        pos = start + op.length();
        if (op.equals("=>")) {
            return new Token(TokenKind.PUNCT, "=>", null, start, pos);
        }
        if (op.equals("!=")) {
            return new Token(TokenKind.OP, "<>", null, start, pos);
        }
        if (op.length() >= 64) {
            throw ParserErrors.near("operator too long", src, start, pos);
        }
        return new Token(TokenKind.OP, op, null, start, pos);
    }

    private static int indexOfComment(String op) {
        int a = op.indexOf("/*");
        int b = op.indexOf("--");
        if (a < 0) {
            return b;
        }
        if (b < 0) {
            return a;
        }
        return Math.min(a, b);
    }
}
