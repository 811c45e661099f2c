package dev.tusk.nodes;

import java.util.List;

/**
 * COMMENT ON objtype object IS 'text' | NULL (PostgreSQL's {@code CommentStmt}); comment null for IS NULL.
 * object is the dotted name: for COLUMN it is [..table.., column]; for TABCONSTRAINT it is [..table.., conname]
 * (from COMMENT ON CONSTRAINT c ON t); for FUNCTION etc. {@code args} holds the argument types.
 */
public record CommentStmt(ObjectType objtype, List<String> object, ObjectWithArgs args, String comment)
        implements Stmt {
    public CommentStmt {
        object = List.copyOf(object);
    }
}
