package dev.tusk.nodes;

import java.util.List;

/** One table of VACUUM/ANALYZE with its optional column list (PostgreSQL's {@code VacuumRelation}). */
public record VacuumRelation(RangeVar relation, List<String> vaCols) implements Node {
    public VacuumRelation {
        vaCols = List.copyOf(vaCols);
    }
}
