package dev.tusk.nodes;

import java.util.List;

/** A dotted name as an option value, e.g. sequence OWNED BY t.c or NONE (PostgreSQL passes a List of String). */
public record NameList(List<String> names) implements Node {
    public NameList {
        names = List.copyOf(names);
    }
}
