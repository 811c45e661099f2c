package dev.tusk.nodes;

import java.util.List;

/** CREATE DATABASE name [WITH] [option [=] value ...] (PostgreSQL's {@code CreatedbStmt}). Option names are
 * lowercased as PostgreSQL does (owner, template, encoding, locale, lc_collate, lc_ctype, tablespace,
 * allow_connections, connection_limit, is_template, strategy, oid...); arg null for DEFAULT. */
public record CreatedbStmt(String dbname, List<DefElem> options) implements Stmt {
    public CreatedbStmt {
        options = List.copyOf(options);
    }
}
