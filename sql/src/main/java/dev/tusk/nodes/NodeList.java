package dev.tusk.nodes;

import java.util.List;

/** A list of nodes as an option value, e.g. COPY's FORCE_QUOTE (a, b) column names as AConst strings. */
public record NodeList(List<Node> items) implements Node {
    public NodeList {
        items = List.copyOf(items);
    }
}
