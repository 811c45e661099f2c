package dev.tusk.nodes;

import java.util.List;

/** The conflict target {@code (cols) [WHERE pred]} or {@code ON CONSTRAINT name} (PostgreSQL's {@code InferClause}). */
public record InferClause(List<IndexElem> indexElems, Expr whereClause, String conname, int location) implements Node {
    public InferClause {
        indexElems = List.copyOf(indexElems);
    }
}
