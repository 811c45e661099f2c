package dev.tusk.nodes;

import java.util.List;

/**
 * The target of CREATE TABLE AS / SELECT INTO (PostgreSQL's {@code IntoClause}): the new relation, optional column
 * names, WITH options, ON COMMIT action, tablespace, and WITH NO DATA (skipData).
 */
public record IntoClause(RangeVar rel, List<String> colNames, String accessMethod, List<DefElem> options,
        OnCommitAction onCommit, String tableSpaceName, boolean skipData) implements Node {
    public IntoClause {
        colNames = List.copyOf(colNames);
        options = List.copyOf(options);
    }
}
