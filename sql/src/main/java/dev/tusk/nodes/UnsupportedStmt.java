package dev.tusk.nodes;

/**
 * A statement PostgreSQL accepts and this parser recognises by its leading keywords but does not build a tree
 * for (CREATE TYPE, CREATE DOMAIN, CREATE AGGREGATE, CREATE OPERATOR, CREATE TRIGGER, CREATE RULE, CREATE
 * EXTENSION, ALTER ... forms outside the supported set ...). {@code tag} is PostgreSQL's command tag, e.g.
 * "CREATE TYPE", so the command layer can answer with 0A000 "... is not supported" or ignore it.
 * The grammar still checks the statement's tokens are balanced (parentheses); its content is skipped.
 */
public record UnsupportedStmt(String tag) implements Stmt {
}
