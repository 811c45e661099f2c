package dev.tusk.nodes;

/**
 * CREATE TABLE name [(cols)] AS query [WITH [NO] DATA], CREATE MATERIALIZED VIEW, and SELECT ... INTO
 * (PostgreSQL's {@code CreateTableAsStmt}); objtype TABLE or MATVIEW. The query may be a SELECT/VALUES, or an
 * EXECUTE statement (CREATE TABLE AS EXECUTE).
 */
public record CreateTableAsStmt(Stmt query, IntoClause into, ObjectType objtype, boolean isSelectInto,
        boolean ifNotExists) implements Stmt {
}
