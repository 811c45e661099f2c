package dev.tusk.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which objects depend on a relation or schema (PostgreSQL's {@code dependency.c}, reduced to the dependencies
 * Tusk records: views on the relations they read (pg_depend 'n'), foreign keys on the referenced table
 * (pg_constraint.confrelid), and relations on their schema). Indexes, constraints, defaults and owned
 * sequences of a table go with it silently, as PostgreSQL's auto/internal dependencies do.
 */
final class Dependencies {
    static final int PG_CLASS = 1259;
    static final int PG_CONSTRAINT = 2606;
    static final int PG_NAMESPACE = 2615;
    static final int PG_ATTRDEF = 2604;

    private Dependencies() {
    }

    /** The direct dependents DROP must report for relation {@code relOid}. */
    static List<Catalog.Dependent> dependents(CatalogData d, int relOid) {
        List<Catalog.Dependent> out = new ArrayList<>();
        for (ConstraintDesc c : d.constraints().values()) {
            if (c.isForeignKey() && c.refRelationOid() == relOid && c.relationOid() != relOid) {
                RelationDesc on = d.relations().get(c.relationOid());
                out.add(new Catalog.Dependent("constraint " + c.name() + " on " + describe(d, on), PG_CONSTRAINT,
                        c.oid()));
            }
        }
        Set<Integer> views = new LinkedHashSet<>();
        for (CatalogData.DependRow r : d.depends()) {
            if (r.refClassId() == PG_CLASS && r.refObjId() == relOid && r.classId() == PG_CLASS
                    && r.deptype() == 'n' && r.objId() != relOid) {
                views.add(r.objId());
            }
        }
        for (int v : views) {
            RelationDesc rel = d.relations().get(v);
            if (rel != null) {
                out.add(new Catalog.Dependent(describe(d, rel), PG_CLASS, v));
            }
        }
        for (CatalogData.DependRow r : d.depends()) {
            if (r.classId() == PG_ATTRDEF && r.refClassId() == PG_CLASS && r.refObjId() == relOid
                    && r.deptype() == 'n') {
                CatalogData.AttrDef def = d.attrdefs().get(r.objId());
                RelationDesc on = def == null ? null : d.relations().get(def.relationOid());
                if (on != null && def.relationOid() != relOid) {
                    out.add(new Catalog.Dependent("default value for column " + on.column(def.attnum()).name()
                            + " of " + describe(d, on), PG_ATTRDEF, def.oid()));
                }
            }
        }
        return out;
    }

    /**
     * Everything a cascaded drop of relation {@code relOid} removes besides the relation itself, depth first
     * (dependents of dependents included), in reporting order.
     */
    static List<Catalog.Dependent> cascade(CatalogData d, int relOid) {
        List<Catalog.Dependent> out = new ArrayList<>();
        collect(d, relOid, out, new LinkedHashSet<>());
        return out;
    }

    private static void collect(CatalogData d, int relOid, List<Catalog.Dependent> out, Set<Integer> seen) {
        for (Catalog.Dependent dep : dependents(d, relOid)) {
            if (seen.add(dep.objOid())) {
                out.add(dep);
                if (dep.classOid() == PG_CLASS) {
                    collect(d, dep.objOid(), out, seen);
                }
            }
        }
    }

    /** Relations of schema {@code nspOid} that DROP SCHEMA reports (not indexes, not owned sequences). */
    static List<RelationDesc> schemaMembers(CatalogData d, int nspOid, List<Integer> ownedSequences) {
        List<RelationDesc> out = new ArrayList<>();
        for (RelationDesc r : d.relationsIn(nspOid).values()) {
            if (r.relkind() == 'i' || ownedSequences.contains(r.oid())) {
                continue;
            }
            out.add(r);
        }
        out.sort((a, b) -> Integer.compareUnsigned(a.oid(), b.oid()));
        return out;
    }

    /** getObjectDescription for a relation: {@code table a}, {@code view s.v} (qualified outside public). */
    static String describe(CatalogData d, RelationDesc r) {
        if (r == null) {
            return "relation ?";
        }
        String kind = switch (r.relkind()) {
            case 'v' -> "view";
            case 'S' -> "sequence";
            case 'i' -> "index";
            case 'c' -> "composite type";
            case 'm' -> "materialized view";
            default -> "table";
        };
        boolean qualify = r.namespaceOid() != NamespaceDesc.PUBLIC && r.namespaceOid() != NamespaceDesc.PG_CATALOG;
        return kind + " " + (qualify ? r.namespaceName() + "." : "") + r.name();
    }
}
