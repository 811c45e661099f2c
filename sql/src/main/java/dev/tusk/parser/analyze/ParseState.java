package dev.tusk.parser.analyze;

import java.util.ArrayList;
import java.util.List;

/**
 * The analyzer's state for one query level (PostgreSQL's ParseState): its range table, the namespace its
 * expressions resolve names in, the CTEs it can see, the clause being analyzed, and a link to the enclosing
 * level for correlated references.
 */
final class ParseState {
    final ParseState parent;
    final List<Rte> rtable = new ArrayList<>();
    final List<NsItem> namespace = new ArrayList<>();
    final List<CteDef> ctes = new ArrayList<>();
    /** A recursive CTE being analyzed: its name is resolved to a self-reference. */
    CteDef recursiveSelf;
    /**
     * FROM items to the left of the item being analyzed: visible to a LATERAL item (PostgreSQL's
     * p_lateral_only namespace entries), hidden from others.
     */
    final List<NsItem> lateralNs = new ArrayList<>();
    /** Range-table indexes in {@link #lateralNs} a LATERAL reference may not use (left side of RIGHT/FULL JOIN). */
    final java.util.Set<Integer> lateralBad = new java.util.HashSet<>();
    ExprKind exprKind = ExprKind.NONE;
    boolean hasAggs;
    /** A set-operation leaf keeps unknown-type outputs for the UNION's type resolution. */
    boolean keepUnknownOutputs;
    /** The WINDOW clause's named windows (WindowAnalyzer resolves OVER name against them). */
    List<dev.tusk.nodes.WindowDef> windowDefs = List.of();

    ParseState(ParseState parent) {
        this.parent = parent;
    }

    int addRte(Rte rte) {
        rtable.add(rte);
        return rtable.size() - 1;
    }

    /** The CTE called {@code name} visible here or in an enclosing level, with its distance, or null. */
    CteLookup findCte(String name) {
        int levels = 0;
        for (ParseState p = this; p != null; p = p.parent, levels++) {
            if (p.recursiveSelf != null && p.recursiveSelf.name().equals(name)) {
                return new CteLookup(p.recursiveSelf, levels, true);
            }
            for (int i = p.ctes.size() - 1; i >= 0; i--) {
                if (p.ctes.get(i).name().equals(name)) {
                    return new CteLookup(p.ctes.get(i), levels, false);
                }
            }
        }
        return null;
    }

    record CteLookup(CteDef cte, int levelsUp, boolean self) {
    }
}
