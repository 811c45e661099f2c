package dev.tusk.access.common;

import java.util.List;

/** A tuple descriptor (PostgreSQL's {@code TupleDesc}): the ordered attributes of a heap or index tuple. */
public record TupleDesc(List<Attribute> attributes) {
    public TupleDesc {
        attributes = List.copyOf(attributes);
    }

    public static TupleDesc of(Attribute... attrs) {
        return new TupleDesc(List.of(attrs));
    }

    public int natts() {
        return attributes.size();
    }

    public Attribute attr(int i) {
        return attributes.get(i);
    }

    public AttrType type(int i) {
        return attributes.get(i).type();
    }
}
