package dev.tusk.parser;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/** The parser's errors in PostgreSQL's wording ({@code scanner_yyerror}, {@code parser_yyerror}). */
public final class ParserErrors {
    private ParserErrors() {
    }

    /**
     * PostgreSQL's cursor position for a 0-based location in {@code query}: 1-based and counted in characters
     * (code points), as PostgreSQL converts its byte offsets with {@code pg_mbstrlen_with_len}. 0 when unknown.
     */
    public static int cursorPosition(String query, int location) {
        if (location < 0 || query == null) {
            return 0;
        }
        int loc = Math.min(location, query.length());
        return query.codePointCount(0, loc) + 1;
    }

    /** An error with a cursor position (any SQLSTATE), for other layers reporting against a node's location. */
    public static TuskException at(SqlState state, String message, String query, int location) {
        return new TuskException(Severity.ERROR, state, message, null, null, cursorPosition(query, location), null);
    }

    /** {@code message at or near "text"} / {@code message at end of input} (PostgreSQL's scanner_yyerror). */
    public static TuskException near(String message, String query, int start, int end) {
        return near(SqlState.SYNTAX_ERROR, message, query, start, end);
    }

    /** As {@link #near(String, String, int, int)} with another SQLSTATE. */
    public static TuskException near(SqlState state, String message, String query, int start, int end) {
        String full = start >= query.length()
                ? message + " at end of input"
                : message + " at or near \"" + query.substring(start, Math.max(start, Math.min(end, query.length())))
                        + "\"";
        return at(state, full, query, start);
    }

    /** The generic syntax error at a token. */
    public static TuskException syntaxError(String query, Token t) {
        return near("syntax error", query, t.start(), t.end());
    }
}
