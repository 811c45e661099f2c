package dev.tusk.nodes;

/** One step of {@link AIndirection} or of a {@link ResTarget} target: a subscript, a field name, or {@code .*}. */
public sealed interface IndirectionItem extends Node permits AIndices, IndirectionItem.Field, IndirectionItem.Star {
    /** {@code .name}. */
    record Field(String name) implements IndirectionItem {}

    /** {@code .*}. */
    record Star() implements IndirectionItem {}
}
