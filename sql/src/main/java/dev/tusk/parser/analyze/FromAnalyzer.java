package dev.tusk.parser.analyze;

import dev.tusk.catalog.ColumnDesc;
import dev.tusk.catalog.ProcOutParams;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.nodes.Alias;
import dev.tusk.nodes.ColumnDef;
import dev.tusk.nodes.FromItem;
import dev.tusk.nodes.FuncCall;
import dev.tusk.nodes.JoinExpr;
import dev.tusk.nodes.RangeFunction;
import dev.tusk.nodes.RangeSubselect;
import dev.tusk.nodes.RangeVar;
import dev.tusk.nodes.RawStmt;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.parser.Parser;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.adt.TypeRegistry;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The FROM clause (PostgreSQL's parse_clause.c transformFromClause and parse_relation.c): tables through the
 * catalog and search_path, views expanded from their stored text, subqueries, CTE references, functions,
 * and joins with ON/USING/NATURAL (USING columns merged, FULL JOIN's as COALESCE).
 */
final class FromAnalyzer {
    private final Analyzer a;

    FromAnalyzer(Analyzer a) {
        this.a = a;
    }

    /** A processed FROM item: its join tree and the namespace entries it contributes. */
    record Item(JoinTree tree, List<NsItem> namespace, NsItem unit) {
    }

    /** Processes the whole FROM list into {@code ps}; the namespace becomes visible only at the end. */
    List<JoinTree> transform(List<FromItem> items, ParseState ps) {
        List<JoinTree> trees = new ArrayList<>();
        List<NsItem> ns = new ArrayList<>();
        int mark = ps.lateralNs.size();
        try {
            for (FromItem fi : items) {
                Item it = item(fi, ps);
                trees.add(it.tree());
                ns.addAll(it.namespace());
                ps.lateralNs.addAll(it.namespace());
            }
        } finally {
            ps.lateralNs.subList(mark, ps.lateralNs.size()).clear();
        }
        checkDuplicates(ns, ps);
        ps.namespace.addAll(ns);
        return trees;
    }

    private static void checkDuplicates(List<NsItem> ns, ParseState ps) {
        Set<String> seen = new HashSet<>();
        for (NsItem n : ns) {
            if (n.relVisible() && n.refname() != null && !seen.add(n.refname())) {
                throw AnalyzeErrors.at(SqlState.DUPLICATE_ALIAS, "table name \"" + n.refname()
                        + "\" specified more than once", -1);
            }
        }
    }

    Item item(FromItem fi, ParseState ps) {
        return switch (fi) {
            case RangeVar rv -> rangeVar(rv, ps);
            case RangeSubselect rs -> subselect(rs, ps);
            case RangeFunction rf -> function(rf, ps);
            case JoinExpr j -> new JoinAnalyzer(a, this).join(j, ps);
        };
    }

    private Item rangeVar(RangeVar rv, ParseState ps) {
        if (rv.schemaname() == null) {
            ParseState.CteLookup cte = ps.findCte(rv.relname());
            if (cte != null) {
                return cteRef(rv, cte, ps);
            }
        }
        List<String> qn = new ArrayList<>();
        if (rv.catalogname() != null) {
            qn.add(rv.catalogname());
        }
        if (rv.schemaname() != null) {
            qn.add(rv.schemaname());
        }
        qn.add(rv.relname());
        RelationDesc rel;
        try {
            rel = a.ctx().catalog().resolveRelation(qn, a.ctx().searchPath());
        } catch (TuskException e) {
            throw AnalyzeErrors.withPosition(e, rv.location());
        }
        a.relationOids().add(rel.oid());
        String refname = rv.alias() != null ? rv.alias().aliasname() : rel.name();
        return switch (rel.relkind()) {
            case RelationDesc.KIND_VIEW -> view(rv, rel, refname, ps);
            case RelationDesc.KIND_TABLE, RelationDesc.KIND_SEQUENCE -> table(rv, rel, refname, ps);
            default -> throw AnalyzeErrors.at(SqlState.WRONG_OBJECT_TYPE, "\"" + rel.name() + "\" is "
                    + (rel.relkind() == RelationDesc.KIND_INDEX ? "an index" : "not a table"), rv.location());
        };
    }

    /** A table entry and its namespace item (columns by attnum, dropped ones nameless). */
    Item table(RangeVar rv, RelationDesc rel, String refname, ParseState ps) {
        List<String> names = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<Integer> typmods = new ArrayList<>();
        for (ColumnDesc c : rel.columns()) {
            names.add(c.dropped() ? null : c.name());
            types.add(c.typeOid());
            typmods.add(c.typmod());
        }
        names = applyColumnAliases(rv.alias(), names, refname, rv.location());
        Rte.Relation rte = new Rte.Relation(rel, refname, names, types, typmods);
        int rt = ps.addRte(rte);
        NsItem item = new NsItem(rt, refname, rv.alias() == null ? rel.namespaceName() : null, true, true,
                names, vars(rt, names, types, typmods), rel.oid());
        return new Item(new JoinTree.Ref(rt), List.of(item), item);
    }

    static List<TypedExpr> vars(int rt, List<String> names, List<Integer> types, List<Integer> typmods) {
        List<TypedExpr> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            out.add(new TypedExpr.Var(0, rt, i + 1, types.get(i), typmods.get(i), -1));
        }
        return out;
    }

    /** Alias column names replace the first live columns (42P10 when there are too many). */
    private static List<String> applyColumnAliases(Alias alias, List<String> names, String refname, int loc) {
        if (alias == null || alias.colnames().isEmpty()) {
            return names;
        }
        List<String> out = new ArrayList<>(names);
        int k = 0;
        for (int i = 0; i < out.size() && k < alias.colnames().size(); i++) {
            if (out.get(i) != null) {
                out.set(i, alias.colnames().get(k++));
            }
        }
        if (k < alias.colnames().size()) {
            long live = names.stream().filter(n -> n != null).count();
            throw AnalyzeErrors.at(SqlState.INVALID_COLUMN_REFERENCE, "table \"" + refname + "\" has " + live
                    + " columns available but " + alias.colnames().size() + " columns specified", loc);
        }
        return out;
    }

    private Item view(RangeVar rv, RelationDesc rel, String refname, ParseState ps) {
        List<RawStmt> stmts = Parser.parse(rel.viewDefinition());
        if (stmts.size() != 1 || !(stmts.get(0).stmt() instanceof SelectStmt sel)) {
            throw new TuskException(SqlState.INTERNAL_ERROR, "invalid definition of view \"" + rel.name() + "\"");
        }
        Query q = a.analyzeSubquery(sel, null);
        List<String> names = new ArrayList<>();
        for (ColumnDesc c : rel.liveColumns()) {
            names.add(c.name());
        }
        return subqueryItem(q, refname, names, rv.alias(), rv.location(), ps, false);
    }

    private Item subselect(RangeSubselect rs, ParseState ps) {
        Query q;
        if (rs.lateral()) {
            ExprKind saved = ps.exprKind;
            ps.exprKind = ExprKind.FROM_SUBSELECT;
            try {
                q = withLateral(ps, () -> a.analyzeSubquery(rs.subquery(), ps));
            } finally {
                ps.exprKind = saved;
            }
        } else {
            q = a.analyzeSubquery(rs.subquery(), ps);
        }
        String refname = rs.alias() == null ? "unnamed_subquery" : rs.alias().aliasname();
        List<String> names = q.resultTargets().stream().map(TargetEntry::name).toList();
        return subqueryItem(q, refname, names, rs.alias(), -1, ps, rs.lateral());
    }

    private Item subqueryItem(Query q, String refname, List<String> names, Alias alias, int loc, ParseState ps,
            boolean lateral) {
        List<TargetEntry> cols = q.resultTargets();
        List<Integer> types = cols.stream().map(t -> t.expr().type()).toList();
        List<Integer> typmods = cols.stream().map(t -> t.expr().typmod()).toList();
        List<String> n = applyColumnAliases(alias, names, refname, loc);
        int rt = ps.addRte(new Rte.Subquery(q, refname, n, types, typmods, lateral));
        NsItem item = new NsItem(rt, refname, null, true, true, n, vars(rt, n, types, typmods), 0);
        return new Item(new JoinTree.Ref(rt), List.of(item), item);
    }

    private Item cteRef(RangeVar rv, ParseState.CteLookup l, ParseState ps) {
        CteDef cte = l.cte();
        String refname = rv.alias() != null ? rv.alias().aliasname() : cte.name();
        List<String> names = applyColumnAliases(rv.alias(), cte.columnNames(), refname, rv.location());
        int rt = ps.addRte(new Rte.CteRef(cte, l.levelsUp(), refname, names, cte.columnTypes(), cte.columnTypmods(),
                l.self()));
        NsItem item = new NsItem(rt, refname, null, true, true, names,
                vars(rt, names, cte.columnTypes(), cte.columnTypmods()), 0);
        return new Item(new JoinTree.Ref(rt), List.of(item), item);
    }

    private Item function(RangeFunction rf, ParseState ps) {
        if (rf.functions().size() != 1) {
            throw AnalyzeErrors.unsupported("ROWS FROM", -1);
        }
        ExprKind saved = ps.exprKind;
        ps.exprKind = ExprKind.FROM_FUNCTION;
        TypedExpr call;
        try {
            // a function in FROM is implicitly LATERAL
            call = withLateral(ps, () -> a.exprs().transform(rf.functions().get(0), ps));
        } finally {
            ps.exprKind = saved;
        }
        call = a.coercion().resolveUnknown(call);
        String fname = rf.functions().get(0) instanceof FuncCall fc ? fc.simpleName() : "?column?";
        String refname = rf.alias() != null ? rf.alias().aliasname() : fname;
        List<String> aliasCols = rf.alias() != null ? rf.alias().colnames() : List.of();
        List<String> names = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<Integer> typmods = new ArrayList<>();
        boolean composite = false;
        ProcOutParams.Out out = call instanceof TypedExpr.Func fn ? outParams(fn) : null;
        if (!rf.coldeflist().isEmpty()) {
            if (call.type() != TypeOids.RECORD) {
                throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR,
                        "a column definition list is only allowed for functions returning \"record\"",
                        rf.coldeflist().get(0).location());
            }
            if (out != null) {
                throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR,
                        "a column definition list is redundant for a function with OUT parameters",
                        rf.coldeflist().get(0).location());
            }
            for (ColumnDef cd : rf.coldeflist()) {
                TypeResolver.Resolved r = TypeResolver.resolve(cd.typeName(), a);
                names.add(cd.colname());
                types.add(r.oid());
                typmods.add(r.typmod());
            }
            composite = true;
        } else if (out != null) {
            names.addAll(out.names());
            types.addAll(out.types());
            for (int i = 0; i < out.types().size(); i++) {
                typmods.add(-1);
            }
            composite = true;
        } else if (call.type() == TypeOids.RECORD) {
            throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR,
                    "a column definition list is required for functions returning \"record\"", -1);
        } else {
            names.add(rf.alias() != null ? rf.alias().aliasname() : fname);
            types.add(call.type());
            typmods.add(call.typmod());
        }
        int available = names.size() + (rf.ordinality() ? 1 : 0);
        if (aliasCols.size() > available) {
            throw AnalyzeErrors.at(SqlState.INVALID_COLUMN_REFERENCE, "table \"" + refname + "\" has " + available
                    + " columns available but " + aliasCols.size() + " columns specified", -1);
        }
        if (rf.ordinality()) {
            names.add("ordinality");
            types.add(TypeOids.INT8);
            typmods.add(-1);
        }
        if (!rf.coldeflist().isEmpty()) {
            // column names come from the definition list; alias column names may only cover ordinality
            aliasCols = List.of();
        }
        for (int i = 0; i < aliasCols.size(); i++) {
            names.set(i, aliasCols.get(i));
        }
        int rt = ps.addRte(new Rte.Function(call, composite, rf.ordinality(), refname, names, types, typmods));
        NsItem item = new NsItem(rt, refname, null, true, true, names, vars(rt, names, types, typmods), 0);
        return new Item(new JoinTree.Ref(rt), List.of(item), item);
    }

    /** Runs {@code body} with the FROM items to the left visible (a LATERAL item's analysis). */
    private static <T> T withLateral(ParseState ps, java.util.function.Supplier<T> body) {
        List<NsItem> saved = new ArrayList<>(ps.namespace);
        ps.namespace.addAll(ps.lateralNs);
        try {
            return body.get();
        } finally {
            ps.namespace.clear();
            ps.namespace.addAll(saved);
        }
    }

    /**
     * The OUT columns of a function returning record (pg_proc's proallargtypes/proargmodes/proargnames), with
     * polymorphic OUT types resolved from the actual argument types; null when it has none.
     */
    static ProcOutParams.Out outParams(TypedExpr.Func fn) {
        ProcOutParams.Out out = ProcOutParams.of(fn.function().oid());
        if (out == null) {
            return null;
        }
        int elem = 0;
        for (TypedExpr arg : fn.args()) {
            int e = TypeRegistry.builtin().elementOf(arg.type());
            if (e != 0) {
                elem = e;
                break;
            }
        }
        List<Integer> types = new ArrayList<>();
        for (int t : out.types()) {
            if (t == TypeOids.ANYELEMENT || t == TypeOids.ANYCOMPATIBLE) {
                types.add(elem != 0 ? elem : TypeOids.TEXT);
            } else if (t == TypeOids.ANYARRAY || t == TypeOids.ANYCOMPATIBLEARRAY) {
                int arr = elem != 0 ? TypeRegistry.builtin().arrayOf(elem) : 0;
                types.add(arr != 0 ? arr : TypeOids.TEXT_ARRAY);
            } else {
                types.add(t);
            }
        }
        return new ProcOutParams.Out(out.names(), types);
    }
}
