package dev.tusk.nodes;

/** A sub-SELECT in FROM (PostgreSQL's {@code RangeSubselect}); alias may be null (allowed since PostgreSQL 16 only,
 * so the parser of this PostgreSQL 15 dialect always sets it). */
public record RangeSubselect(boolean lateral, SelectStmt subquery, Alias alias) implements FromItem {
}
