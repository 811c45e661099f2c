package dev.tusk.nodes;

import java.util.List;

/**
 * A column definition (PostgreSQL's {@code ColumnDef}) as the grammar produces it: name, type, COLLATE, and the
 * column constraints in written order ({@link Constraint} with kinds NULL, NOT_NULL, DEFAULT, IDENTITY, GENERATED,
 * CHECK, PRIMARY, UNIQUE, FOREIGN). Serial types are plain type names (serial, bigserial, smallserial,
 * serial4/8/2) for the command layer to expand. typeName is never null.
 */
public record ColumnDef(String colname, TypeName typeName, CollateClause collClause, List<Constraint> constraints,
        int location) implements TableElement {
    public ColumnDef {
        constraints = List.copyOf(constraints);
    }
}
