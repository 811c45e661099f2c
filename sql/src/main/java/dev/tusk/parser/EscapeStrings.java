package dev.tusk.parser;

import dev.tusk.utils.error.SqlState;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Backslash escapes of E'' strings and Unicode escapes of U&amp;'' literals (PostgreSQL's scan.l xe/xus rules). */
final class EscapeStrings {
    private EscapeStrings() {
    }

    /**
     * Decodes the escape at {@code src[pos] == '\\'} (and any directly following byte escapes, so octal/hex bytes
     * forming one UTF-8 character are decoded together) into {@code out}; returns the position after it.
     */
    static int decode(String src, int pos, StringBuilder out, int literalStart) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int p = pos;
        while (p + 1 < src.length() && src.charAt(p) == '\\') {
            char c = src.charAt(p + 1);
            if (c >= '0' && c <= '7') {
                int v = 0;
                int q = p + 1;
                while (q < src.length() && q < p + 4 && src.charAt(q) >= '0' && src.charAt(q) <= '7') {
                    v = v * 8 + (src.charAt(q) - '0');
                    q++;
                }
                bytes.write(v & 0xFF);
                p = q;
            } else if (c == 'x' && p + 2 < src.length() && Lexer.isHexDigit(src.charAt(p + 2))) {
                int v = 0;
                int q = p + 2;
                while (q < src.length() && q < p + 4 && Lexer.isHexDigit(src.charAt(q))) {
                    v = v * 16 + Character.digit(src.charAt(q), 16);
                    q++;
                }
                bytes.write(v);
                p = q;
            } else {
                break;
            }
        }
        if (bytes.size() > 0) {
            out.append(utf8(bytes.toByteArray(), src, literalStart));
            return p;
        }
        if (pos + 1 >= src.length()) {
            // a trailing backslash: the quote after it is escaped, so the string is unterminated
            throw ParserErrors.near("unterminated quoted string", src, literalStart, src.length());
        }
        char c = src.charAt(pos + 1);
        switch (c) {
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u', 'U' -> {
                int cp = unicodeEscape(src, pos);
                int end = pos + (c == 'u' ? 6 : 10);
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    // a high surrogate must be followed by a low-surrogate escape
                    int low = end + 1 < src.length() && src.charAt(end) == '\\'
                            && (src.charAt(end + 1) == 'u' || src.charAt(end + 1) == 'U') ? unicodeEscape(src, end) : -1;
                    if (low < 0xDC00 || low > 0xDFFF) {
                        throw ParserErrors.near("invalid Unicode surrogate pair", src, end, nextLexemeEnd(src, end));
                    }
                    out.appendCodePoint(Character.toCodePoint((char) cp, (char) low));
                    return end + (src.charAt(end + 1) == 'u' ? 6 : 10);
                }
                if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    throw ParserErrors.near("invalid Unicode surrogate pair", src, pos, end);
                }
                if (cp == 0 || cp > 0x10FFFF) {
                    throw ParserErrors.near("invalid Unicode escape value", src, pos, end);
                }
                out.appendCodePoint(cp);
                return end;
            }
            default -> out.append(c);
        }
        return pos + 2;
    }

    /** The code point of the \\uXXXX or \\UXXXXXXXX escape at {@code pos}; 22025 when the digits are missing. */
    private static int unicodeEscape(String src, int pos) {
        int n = src.charAt(pos + 1) == 'u' ? 4 : 8;
        long v = 0;
        for (int i = 0; i < n; i++) {
            int q = pos + 2 + i;
            if (q >= src.length() || !Lexer.isHexDigit(src.charAt(q))) {
                throw ParserErrors.at(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid Unicode escape", src, pos)
                        .withHint("Unicode escapes must be \\uXXXX or \\UXXXXXXXX.");
            }
            v = v * 16 + Character.digit(src.charAt(q), 16);
        }
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    /** The end of the lexeme PostgreSQL's scanner would report after a bad surrogate: a quote, an escape, a char. */
    private static int nextLexemeEnd(String src, int p) {
        if (p >= src.length()) {
            return p;
        }
        if (src.charAt(p) == '\\' && p + 1 < src.length()) {
            char c = src.charAt(p + 1);
            if (c == 'u' || c == 'U') {
                int e = p + 2;
                while (e < src.length() && e < p + (c == 'u' ? 6 : 10) && Lexer.isHexDigit(src.charAt(e))) {
                    e++;
                }
                return e;
            }
            return p + 1;
        }
        return p + 1;
    }

    private static String utf8(byte[] b, String src, int literalStart) {
        for (byte x : b) {
            if (x == 0) {
                throw ParserErrors.at(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
                        "invalid byte sequence for encoding \"UTF8\": 0x00", src, -1);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < Math.min(b.length, 2); i++) {
                if (i > 0) {
                    hex.append(' ');
                }
                hex.append(String.format("0x%02x", b[i] & 0xFF));
            }
            throw ParserErrors.at(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
                    "invalid byte sequence for encoding \"UTF8\": " + hex, src, -1);
        }
    }

    /**
     * Decodes U&amp; escapes (esc + 4 hex digits, esc + '+' + 6 hex digits, esc esc) in an already unquoted body
     * (PostgreSQL's str_udeescape); {@code bodyStart} is where the body starts in the query, for error positions.
     */
    static String decodeUnicode(String body, char esc, String src, int bodyStart) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int pendingHigh = -1;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != esc) {
                if (pendingHigh >= 0) {
                    throw ParserErrors.at(SqlState.SYNTAX_ERROR, "invalid Unicode surrogate pair", src, bodyStart + i);
                }
                sb.append(c);
                i++;
                continue;
            }
            int cp;
            int len;
            if (i + 1 < body.length() && body.charAt(i + 1) == esc) {
                if (pendingHigh >= 0) {
                    throw ParserErrors.at(SqlState.SYNTAX_ERROR, "invalid Unicode surrogate pair", src, bodyStart + i);
                }
                sb.append(esc);
                i += 2;
                continue;
            } else if (hexRun(body, i + 1, 4)) {
                cp = Integer.parseInt(body.substring(i + 1, i + 5), 16);
                len = 5;
            } else if (i + 1 < body.length() && body.charAt(i + 1) == '+' && hexRun(body, i + 2, 6)) {
                cp = Integer.parseInt(body.substring(i + 2, i + 8), 16);
                len = 8;
            } else {
                throw ParserErrors.at(SqlState.SYNTAX_ERROR, "invalid Unicode escape", src, bodyStart + i)
                        .withHint("Unicode escapes must be \\XXXX or \\+XXXXXX.");
            }
            if (pendingHigh >= 0) {
                if (cp < 0xDC00 || cp > 0xDFFF) {
                    throw ParserErrors.at(SqlState.SYNTAX_ERROR, "invalid Unicode surrogate pair", src, bodyStart + i);
                }
                sb.appendCodePoint(Character.toCodePoint((char) pendingHigh, (char) cp));
                pendingHigh = -1;
            } else if (cp >= 0xD800 && cp <= 0xDBFF) {
                pendingHigh = cp;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                throw ParserErrors.at(SqlState.SYNTAX_ERROR, "invalid Unicode surrogate pair", src, bodyStart + i);
            } else if (cp == 0 || cp > 0x10FFFF) {
                throw ParserErrors.at(SqlState.SYNTAX_ERROR, "invalid Unicode escape value", src, bodyStart + i);
            } else {
                sb.appendCodePoint(cp);
            }
            i += len;
        }
        if (pendingHigh >= 0) {
            throw ParserErrors.at(SqlState.SYNTAX_ERROR, "invalid Unicode surrogate pair", src,
                    bodyStart + body.length());
        }
        return sb.toString();
    }

    private static boolean hexRun(String s, int from, int n) {
        if (from + n > s.length()) {
            return false;
        }
        for (int i = from; i < from + n; i++) {
            if (!Lexer.isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
