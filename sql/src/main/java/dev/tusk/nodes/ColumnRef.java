package dev.tusk.nodes;

import java.util.List;

/**
 * A column reference {@code a}, {@code t.a}, {@code s.t.a}, {@code t.*} or {@code *} (PostgreSQL's
 * {@code ColumnRef}): {@code names} are the dotted identifiers (lowercased unless quoted), {@code star} says the
 * reference ends in {@code *} ({@code *} alone has no names).
 */
public record ColumnRef(List<String> names, boolean star, int location) implements Expr {
    public ColumnRef {
        names = List.copyOf(names);
    }
}
