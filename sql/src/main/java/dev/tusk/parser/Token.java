package dev.tusk.parser;

/**
 * One token: its class, its value (see {@link TokenKind}), the keyword it spells (lowercase, only for unquoted
 * identifiers that are keywords; else null), and where it lies in the query string ([start, end), 0-based).
 */
public record Token(TokenKind kind, String value, String keyword, int start, int end) {

    public boolean isKeyword(String kw) {
        return keyword != null && keyword.equals(kw);
    }

    public boolean isPunct(String p) {
        return kind == TokenKind.PUNCT && value.equals(p);
    }

    public boolean isOp(String op) {
        return kind == TokenKind.OP && value.equals(op);
    }

    /** The keyword's category, or null when this token is not a keyword. */
    public Keywords.Category category() {
        if (keyword == null) {
            return null;
        }
        return Keywords.lookup(keyword).category();
    }
}
