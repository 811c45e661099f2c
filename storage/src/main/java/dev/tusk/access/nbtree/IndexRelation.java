package dev.tusk.access.nbtree;

import dev.tusk.storage.RelFileLocator;
import java.util.Objects;

/**
 * What the access method knows about one B-tree index (the slice of PostgreSQL's {@code Relation} and
 * {@code pg_index} it uses): its name for messages, its files, its key columns with their ordering, and
 * whether it enforces uniqueness.
 */
public record IndexRelation(String name, RelFileLocator locator, IndexKeyDesc keys, boolean unique) {
    public IndexRelation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(keys, "keys");
    }
}
