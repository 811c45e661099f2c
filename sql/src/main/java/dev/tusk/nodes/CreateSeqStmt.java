package dev.tusk.nodes;

import java.util.List;

/**
 * CREATE [TEMP] SEQUENCE [IF NOT EXISTS] name [options] (PostgreSQL's {@code CreateSeqStmt}). Options are DefElems
 * named as in PostgreSQL: as (TypeName), increment, minvalue, maxvalue (arg null for NO MINVALUE/NO MAXVALUE),
 * start, cache (AConst numbers), cycle (AConst Bool; NO CYCLE = false), owned_by (NameList, ["none"] for NONE).
 */
public record CreateSeqStmt(RangeVar sequence, List<DefElem> options, boolean ifNotExists) implements Stmt {
    public CreateSeqStmt {
        options = List.copyOf(options);
    }
}
