package dev.tusk.parser;

import dev.tusk.nodes.RawStmt;
import java.util.List;

/**
 * The entry point of the SQL parser (PostgreSQL's {@code raw_parser}): a query string in, one {@link RawStmt} per
 * non-empty statement out. Syntax errors are {@link dev.tusk.utils.error.TuskException}s with SQLSTATE 42601 and a
 * 1-based cursor position into the whole string.
 */
public final class Parser {
    private Parser() {
    }

    /** Parses every statement of {@code sql}; empty statements ({@code ;;}) are skipped like PostgreSQL. */
    public static List<RawStmt> parse(String sql) {
        return new Grammar(new TokenStream(sql)).stmts.parseStatements();
    }

    /**
     * As {@link #parse(String)} with the session's standard_conforming_strings setting: when off, backslash
     * escapes apply in plain '...' literals as in PostgreSQL.
     */
    public static List<RawStmt> parse(String sql, boolean standardConformingStrings) {
        return new Grammar(new TokenStream(sql, standardConformingStrings)).stmts.parseStatements();
    }

    /**
     * Parses one value expression (a_expr), e.g. a stored DEFAULT or CHECK text; the whole string must be the
     * expression. Locations are offsets into {@code text}.
     */
    public static dev.tusk.nodes.Expr parseExpression(String text) {
        Grammar g = new Grammar(new TokenStream(text));
        dev.tusk.nodes.Expr e = g.expr.aExpr();
        Token end = g.tokens().peek();
        if (end.kind() != TokenKind.EOF) {
            throw ParserErrors.syntaxError(text, end);
        }
        return e;
    }

    /**
     * Parses a type name written as SQL (PostgreSQL's {@code typeStringToTypeName}, used by regtype input and
     * format_type's callers), e.g. "character varying(10)", "int[]", "pg_catalog.int4", "timestamp with time zone".
     * Errors carry no position (the caller knows where the string came from); an empty string is
     * "invalid type name \"\"" and trailing tokens a syntax error at them, as in PostgreSQL.
     */
    public static dev.tusk.nodes.TypeName parseTypeName(String text) {
        Grammar g = new Grammar(new TokenStream(text));
        Token first = g.tokens().peek();
        if (first.kind() == TokenKind.EOF) {
            throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.SqlState.SYNTAX_ERROR,
                    "invalid type name \"" + text + "\"");
        }
        try {
            dev.tusk.nodes.TypeName t = g.types.typename();
            Token end = g.tokens().peek();
            if (end.kind() != TokenKind.EOF) {
                throw ParserErrors.syntaxError(text, end);
            }
            if (t.setof()) {
                throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.SqlState.SYNTAX_ERROR,
                        "invalid type name \"" + text + "\"");
            }
            return t;
        } catch (dev.tusk.utils.error.TuskException e) {
            // the position would point into the type string, not the caller's query: drop it, as PostgreSQL
            // reports these against the literal (with CONTEXT: invalid type name "...")
            throw new dev.tusk.utils.error.TuskException(e.sqlState(), e.getMessage());
        }
    }

    /** PostgreSQL's cursor position (1-based, in characters) for a node's 0-based location in {@code sql}. */
    public static int cursorPosition(String sql, int location) {
        return ParserErrors.cursorPosition(sql, location);
    }
}
