package dev.tusk.nodes;

import java.util.List;

/** VACUUM [(opts)|FULL|FREEZE|VERBOSE|ANALYZE] [tables] and ANALYZE [VERBOSE] [tables] (PostgreSQL's
 * {@code VacuumStmt}); isVacuumcmd false for ANALYZE. Options as DefElems (full, freeze, verbose, analyze...). */
public record VacuumStmt(List<DefElem> options, List<VacuumRelation> rels, boolean isVacuumcmd) implements Stmt {
    public VacuumStmt {
        options = List.copyOf(options);
        rels = List.copyOf(rels);
    }
}
