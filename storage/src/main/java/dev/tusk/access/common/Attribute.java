package dev.tusk.access.common;

/** One column of a tuple descriptor (the storage-relevant part of {@code pg_attribute}). */
public record Attribute(String name, AttrType type, boolean notNull) {
    public static Attribute of(String name, AttrType type) {
        return new Attribute(name, type, false);
    }
}
