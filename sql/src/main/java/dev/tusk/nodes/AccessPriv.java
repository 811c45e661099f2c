package dev.tusk.nodes;

import java.util.List;

/** A privilege of GRANT/REVOKE, e.g. SELECT (a, b) (PostgreSQL's {@code AccessPriv}); privName null means ALL. */
public record AccessPriv(String privName, List<String> cols) implements Node {
    public AccessPriv {
        cols = List.copyOf(cols);
    }
}
