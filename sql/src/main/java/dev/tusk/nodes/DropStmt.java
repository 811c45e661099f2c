package dev.tusk.nodes;

import java.util.List;

/**
 * DROP TABLE/INDEX/SEQUENCE/VIEW/MATERIALIZED VIEW/SCHEMA/TYPE/DOMAIN/FUNCTION/... [CONCURRENTLY] [IF EXISTS]
 * names [CASCADE|RESTRICT] (PostgreSQL's {@code DropStmt}). Each object is a dotted name; for functions and
 * similar the argument types are in {@code objectArgs} (same index, empty list when not applicable).
 * DROP DATABASE and DROP ROLE have their own statements.
 */
public record DropStmt(List<List<String>> objects, List<ObjectWithArgs> objectArgs, ObjectType removeType,
        DropBehavior behavior, boolean missingOk, boolean concurrent) implements Stmt {
    public DropStmt {
        objects = objects.stream().map(List::copyOf).toList();
        objectArgs = List.copyOf(objectArgs);
    }
}
