package dev.tusk.nodes;

/**
 * One statement of a query string (PostgreSQL's {@code RawStmt}): the tree plus where its text lies in the
 * whole string, as PostgreSQL's grammar records it: {@code location} is 0 for the first statement and just past
 * the previous semicolon for the others (so leading whitespace and comments belong to the statement), and
 * {@code length} runs up to but not including the terminating semicolon, or to the end of the string for the
 * last statement. Empty statements ({@code ;;}) produce no RawStmt. {@link #text(String)} cuts the text out;
 * strip it if you want it without the surrounding whitespace.
 */
public record RawStmt(Stmt stmt, int location, int length) implements Node {
    /** The statement's own text cut out of the whole query string. */
    public String text(String query) {
        return query.substring(location, location + length);
    }
}
