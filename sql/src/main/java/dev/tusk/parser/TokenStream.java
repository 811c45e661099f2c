package dev.tusk.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The grammar's cursor over the lexer's tokens. Tokens are lexed on demand (so a lexical error after a syntax
 * error is not reported first, as in PostgreSQL) and kept, so the grammar can look ahead and backtrack with
 * {@link #mark()} / {@link #reset(int)}.
 */
public final class TokenStream {
    private final Lexer lexer;
    private final List<Token> tokens = new ArrayList<>();
    private int index;
    /** A lexical error met while reading ahead; raised again whenever the grammar reaches that point. */
    private dev.tusk.utils.error.TuskException lexError;

    public TokenStream(String sql) {
        this(sql, true);
    }

    public TokenStream(String sql, boolean standardConformingStrings) {
        this.lexer = new Lexer(sql, standardConformingStrings);
    }

    public String source() {
        return lexer.source();
    }

    /** The current token. */
    public Token peek() {
        return peek(0);
    }

    /** The token {@code k} places after the current one. */
    public Token peek(int k) {
        while (tokens.size() <= index + k) {
            if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == TokenKind.EOF) {
                return tokens.get(tokens.size() - 1);
            }
            if (lexError != null) {
                throw lexError;
            }
            try {
                tokens.add(lexer.next());
            } catch (dev.tusk.utils.error.TuskException e) {
                lexError = e;
                throw e;
            }
        }
        return tokens.get(index + k);
    }

    /** Consumes and returns the current token (EOF is never consumed past). */
    public Token next() {
        Token t = peek();
        if (t.kind() != TokenKind.EOF) {
            index++;
        }
        return t;
    }

    /** The most recently consumed token. */
    public Token previous() {
        return index == 0 ? null : tokens.get(index - 1);
    }

    public int mark() {
        return index;
    }

    public void reset(int mark) {
        index = mark;
    }
}
