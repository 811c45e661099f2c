package dev.tusk.access.heap;

import dev.tusk.access.common.TupleDesc;
import dev.tusk.storage.RelFileLocator;
import java.util.Objects;

/** What the heap access method needs to know about a table (the storage part of PostgreSQL's {@code Relation}). */
public record HeapRelation(RelFileLocator locator, TupleDesc desc) {
    public HeapRelation {
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(desc, "desc");
    }
}
