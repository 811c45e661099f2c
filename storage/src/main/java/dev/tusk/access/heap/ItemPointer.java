package dev.tusk.access.heap;

/**
 * A tuple identifier, TID (PostgreSQL's {@code ItemPointerData}): block number (unsigned 32 bits) and
 * 1-based line pointer offset (16 bits). {@link #packed()} puts both into one {@code long}
 * ({@code block << 16 | offset}) for index entries and maps.
 */
public record ItemPointer(long block, int offset) implements Comparable<ItemPointer> {
    /** An invalid TID (offset 0). */
    public static final ItemPointer INVALID = new ItemPointer(0, 0);

    public ItemPointer {
        if (block < 0 || block > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("block number out of range: " + block);
        }
        if (offset < 0 || offset > 0xFFFF) {
            throw new IllegalArgumentException("offset number out of range: " + offset);
        }
    }

    public long packed() {
        return block << 16 | offset;
    }

    public static ItemPointer fromPacked(long packed) {
        return new ItemPointer(packed >>> 16, (int) (packed & 0xFFFF));
    }

    /** ItemPointerIsValid. */
    public boolean isValid() {
        return offset != 0;
    }

    @Override
    public int compareTo(ItemPointer o) {
        int c = Long.compare(block, o.block);
        return c != 0 ? c : Integer.compare(offset, o.offset);
    }

    /** PostgreSQL's text form of a tid: {@code (block,offset)}. */
    @Override
    public String toString() {
        return "(" + block + "," + offset + ")";
    }
}
