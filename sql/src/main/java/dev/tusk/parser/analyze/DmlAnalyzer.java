package dev.tusk.parser.analyze;

import dev.tusk.catalog.ColumnDesc;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.executor.ExpressionCompiler;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.FromItem;
import dev.tusk.nodes.InsertStmt;
import dev.tusk.nodes.RangeVar;
import dev.tusk.nodes.ResTarget;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.nodes.SetToDefault;
import dev.tusk.nodes.UpdateStmt;
import dev.tusk.nodes.DeleteStmt;
import dev.tusk.nodes.WithClause;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.FunctionMatch;
import dev.tusk.utils.fmgr.FunctionRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * INSERT, UPDATE and DELETE analysis (PostgreSQL's analyze.c transformInsertStmt/UpdateStmt/DeleteStmt and
 * rewriteHandler.c's default filling): target column lists, DEFAULT and omitted columns (column defaults,
 * identity sequences), assignment coercion to the column types, RETURNING.
 */
final class DmlAnalyzer {
    private final Analyzer a;

    DmlAnalyzer(Analyzer a) {
        this.a = a;
    }

    private RelationDesc target(RangeVar rv, String verb) {
        List<String> qn = new ArrayList<>();
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
        if (!rel.isTable()) {
            throw AnalyzeErrors.at(SqlState.WRONG_OBJECT_TYPE, "cannot " + verb + " " + kindName(rel) + " \""
                    + rel.name() + "\"", rv.location());
        }
        a.relationOids().add(rel.oid());
        return rel;
    }

    private static String kindName(RelationDesc rel) {
        return switch (rel.relkind()) {
            case RelationDesc.KIND_VIEW -> "view";
            case RelationDesc.KIND_SEQUENCE -> "sequence";
            case RelationDesc.KIND_INDEX -> "index";
            default -> "relation";
        };
    }

    private List<CteDef> ctes(WithClause w, ParseState ps) {
        return new SelectAnalyzer(a).withClause(w, ps);
    }

    DmlQuery insert(InsertStmt s) {
        RelationDesc rel = target(s.relation(), "insert into");
        ParseState ps = new ParseState(null);
        List<CteDef> ctes = ctes(s.withClause(), ps);
        List<ColumnDesc> cols = insertColumns(rel, s.cols());
        boolean overrideSystem = s.override() == InsertStmt.Overriding.SYSTEM_VALUE;
        SelectStmt src = s.selectStmt();
        List<TypedExpr> row = new ArrayList<>();
        for (int i = 0; i < rel.columns().size(); i++) {
            row.add(null);
        }
        List<Rte> rtable;
        List<JoinTree> from = List.of();
        if (src == null) {
            rtable = List.of();
        } else if (src.isValues() && src.sortClause().isEmpty() && src.limitCount() == null
                && src.withClause() == null) {
            List<List<TypedExpr>> rows = new ArrayList<>();
            if (s.cols().isEmpty() && !src.valuesLists().isEmpty()
                    && src.valuesLists().get(0).size() < cols.size()) {
                // transformInsertRow: without a column list, fewer values fill the leading columns
                cols = cols.subList(0, src.valuesLists().get(0).size());
            }
            for (List<Expr> r : src.valuesLists()) {
                if (r.size() != src.valuesLists().get(0).size()) {
                    throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR, "VALUES lists must all be the same length",
                            r.isEmpty() ? -1 : r.get(0).location());
                }
                checkCount(r, cols, s);
                List<TypedExpr> out = new ArrayList<>();
                for (int i = 0; i < cols.size(); i++) {
                    out.add(insertValue(rel, cols.get(i), r.get(i), overrideSystem, ps));
                }
                rows.add(out);
            }
            if (rows.size() == 1) {
                for (int i = 0; i < cols.size(); i++) {
                    row.set(cols.get(i).attnum() - 1, rows.get(0).get(i));
                }
                rtable = List.of();
            } else {
                List<String> names = cols.stream().map(ColumnDesc::name).toList();
                List<Integer> types = cols.stream().map(ColumnDesc::typeOid).toList();
                List<Integer> typmods = cols.stream().map(ColumnDesc::typmod).toList();
                int rt = ps.addRte(new Rte.Values(rows, "*VALUES*", names, types, typmods));
                for (int i = 0; i < cols.size(); i++) {
                    row.set(cols.get(i).attnum() - 1,
                            new TypedExpr.Var(0, rt, i + 1, types.get(i), typmods.get(i), -1));
                }
                rtable = List.copyOf(ps.rtable);
                from = List.of(new JoinTree.Ref(rt));
            }
        } else {
            Query q = a.analyzeSubquery(src, ps);
            List<TargetEntry> out = q.resultTargets();
            if (out.size() > cols.size()) {
                throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR, "INSERT has more expressions than target columns",
                        -1);
            }
            if (out.size() < cols.size() && s.cols().isEmpty()) {
                cols = cols.subList(0, out.size());
            }
            if (out.size() < cols.size()) {
                throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR, "INSERT has more target columns than expressions",
                        -1);
            }
            List<String> names = out.stream().map(TargetEntry::name).toList();
            List<Integer> types = out.stream().map(t -> t.expr().type()).toList();
            List<Integer> typmods = out.stream().map(t -> t.expr().typmod()).toList();
            int rt = ps.addRte(new Rte.Subquery(q, "*SELECT*", names, types, typmods, false));
            for (int i = 0; i < cols.size(); i++) {
                ColumnDesc c = cols.get(i);
                checkIdentity(c, overrideSystem, -1);
                TypedExpr v = new TypedExpr.Var(0, rt, i + 1, types.get(i), typmods.get(i), -1);
                row.set(c.attnum() - 1, a.coercion().assign(v, c.typeOid(), c.typmod(), c.name(), "expression",
                        -1));
            }
            rtable = List.copyOf(ps.rtable);
            from = List.of(new JoinTree.Ref(rt));
        }
        List<TargetEntry> targets = new ArrayList<>();
        for (ColumnDesc c : rel.columns()) {
            TypedExpr e = row.get(c.attnum() - 1);
            if (e == null) {
                e = c.dropped() ? new TypedExpr.Const(TypeOids.INT4, -1, null, -1) : defaultValue(rel, c);
            }
            targets.add(new TargetEntry(e, c.name(), false, 0, 0));
        }
        Query source = new Query(rtable, from, null, targets, List.of(), null, false, List.of(), false, List.of(),
                null, null, null, ctes);
        List<TargetEntry> returning = List.of();
        if (!s.returningList().isEmpty()) {
            ParseState rps = new ParseState(null);
            FromAnalyzer.Item it = new FromAnalyzer(a).table(s.relation(), rel,
                    s.relation().alias() != null ? s.relation().alias().aliasname() : rel.name(), rps);
            rps.namespace.addAll(it.namespace());
            returning = new TargetListAnalyzer(a).transform(s.returningList(), rps, ExprKind.RETURNING);
        }
        OnConflictSpec oc = s.onConflictClause() == null ? null : onConflict(s, rel);
        return new DmlQuery(DmlQuery.Kind.INSERT, rel, 0, source, List.of(), returning, oc);
    }

    private static void checkCount(List<Expr> r, List<ColumnDesc> cols, InsertStmt s) {
        if (r.size() > cols.size()) {
            throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR, "INSERT has more expressions than target columns",
                    r.get(cols.size()).location());
        }
        if (r.size() < cols.size()) {
            int loc = s.cols().size() > r.size() ? s.cols().get(r.size()).location() : -1;
            throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR, "INSERT has more target columns than expressions", loc);
        }
    }

    private List<ColumnDesc> insertColumns(RelationDesc rel, List<ResTarget> names) {
        if (names.isEmpty()) {
            return rel.liveColumns();
        }
        List<ColumnDesc> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ResTarget t : names) {
            ColumnDesc c = rel.column(t.name());
            if (c == null) {
                throw AnalyzeErrors.at(SqlState.UNDEFINED_COLUMN, "column \"" + t.name() + "\" of relation \""
                        + rel.name() + "\" does not exist", t.location());
            }
            if (!t.indirection().isEmpty()) {
                throw AnalyzeErrors.unsupported("assignment to a subscript or field", t.location());
            }
            if (!seen.add(c.name())) {
                throw AnalyzeErrors.at(SqlState.DUPLICATE_COLUMN, "column \"" + c.name()
                        + "\" specified more than once", t.location());
            }
            out.add(c);
        }
        return out;
    }

    private TypedExpr insertValue(RelationDesc rel, ColumnDesc c, Expr e, boolean overrideSystem, ParseState ps) {
        if (e instanceof SetToDefault) {
            return defaultValue(rel, c);
        }
        checkIdentity(c, overrideSystem, e.location());
        ps.exprKind = ExprKind.INSERT_VALUES;
        try {
            return a.coercion().assign(a.exprs().transform(e, ps), c.typeOid(), c.typmod(), c.name(), "expression",
                    e.location());
        } finally {
            ps.exprKind = ExprKind.NONE;
        }
    }

    private static void checkIdentity(ColumnDesc c, boolean overrideSystem, int loc) {
        if (c.identity() == 'a' && !overrideSystem) {
            throw new TuskException(Severity.ERROR, SqlState.GENERATED_ALWAYS, "cannot insert a non-DEFAULT value "
                    + "into column \"" + c.name() + "\"", "Column \"" + c.name() + "\" is an identity column defined "
                    + "as GENERATED ALWAYS.", "Use OVERRIDING SYSTEM VALUE to override.", loc < 0 ? 0 : loc + 1, null);
        }
        if (c.generated() == 's') {
            throw new TuskException(Severity.ERROR, SqlState.GENERATED_ALWAYS, "cannot insert a non-DEFAULT value "
                    + "into column \"" + c.name() + "\"", "Column \"" + c.name() + "\" is a generated column.", null,
                    loc < 0 ? 0 : loc + 1, null);
        }
    }

    /** The value of an omitted or DEFAULT column: identity sequence, stored default, or NULL. */
    TypedExpr defaultValue(RelationDesc rel, ColumnDesc c) {
        if (c.isIdentity() && c.defaultExpr() == null) {
            RelationDesc seq = a.ctx().catalog().relation(rel.namespaceOid(), rel.name() + "_" + c.name() + "_seq");
            if (seq == null) {
                throw new TuskException(SqlState.INTERNAL_ERROR, "no identity sequence for column \"" + c.name()
                        + "\" of table \"" + rel.name() + "\"");
            }
            TypedExpr arg = new TypedExpr.Const(TypeOids.REGCLASS, -1, seq.oid(), -1);
            FunctionMatch m = FunctionRegistry.builtin().resolve("nextval", new int[] {TypeOids.REGCLASS});
            if (m == null) {
                throw FunctionRegistry.noSuchFunction("nextval", new int[] {TypeOids.REGCLASS}, 0);
            }
            TypedExpr call = new TypedExpr.Func(m.function(), List.of(arg), new int[] {TypeOids.REGCLASS},
                    m.returnType(), -1, TypedExpr.Form.CALL, -1);
            return a.coercion().assign(call, c.typeOid(), c.typmod(), c.name(), "default expression", -1);
        }
        if (c.defaultExpr() != null && c.generated() != 's') {
            Expr raw = ExpressionCompiler.parseExpression(c.defaultExpr());
            return a.analyzeColumnExpression(raw, rel.name(), rel.columns(), "COLUMN_DEFAULT", "DEFAULT expressions",
                    c.name(), c.typeOid(), c.typmod()).expr();
        }
        return new TypedExpr.Const(c.typeOid(), c.typmod(), null, -1);
    }

    DmlQuery update(UpdateStmt s) {
        RelationDesc rel = target(s.relation(), "update");
        ParseState ps = new ParseState(null);
        List<CteDef> ctes = ctes(s.withClause(), ps);
        List<JoinTree> from = targetAndFrom(s.relation(), rel, s.fromClause(), ps);
        TypedExpr[] newValues = new TypedExpr[rel.columns().size()];
        List<Integer> updated = new ArrayList<>();
        for (ResTarget t : s.targetList()) {
            ColumnDesc c = rel.column(t.name());
            if (c == null) {
                throw AnalyzeErrors.at(SqlState.UNDEFINED_COLUMN, "column \"" + t.name() + "\" of relation \""
                        + rel.name() + "\" does not exist", t.location());
            }
            if (!t.indirection().isEmpty()) {
                throw AnalyzeErrors.unsupported("assignment to a subscript or field", t.location());
            }
            if (newValues[c.attnum() - 1] != null) {
                throw AnalyzeErrors.at(SqlState.DUPLICATE_COLUMN, "multiple assignments to same column \""
                        + c.name() + "\"", t.location());
            }
            TypedExpr v;
            if (t.val() instanceof SetToDefault) {
                v = defaultValue(rel, c);
            } else {
                if (c.identity() == 'a') {
                    throw new TuskException(Severity.ERROR, SqlState.GENERATED_ALWAYS, "column \"" + c.name()
                            + "\" can only be updated to DEFAULT", "Column \"" + c.name()
                            + "\" is an identity column defined as GENERATED ALWAYS.", null, t.location() + 1, null);
                }
                ps.exprKind = ExprKind.UPDATE_SET;
                try {
                    v = a.coercion().assign(a.exprs().transform(t.val(), ps), c.typeOid(), c.typmod(), c.name(),
                            "expression", t.val().location());
                } finally {
                    ps.exprKind = ExprKind.NONE;
                }
            }
            newValues[c.attnum() - 1] = v;
            updated.add(c.attnum());
        }
        TypedExpr where = where(s.whereClause(), ps);
        List<TargetEntry> targets = new ArrayList<>();
        for (ColumnDesc c : rel.columns()) {
            TypedExpr e = newValues[c.attnum() - 1];
            if (e == null) {
                e = c.dropped() ? new TypedExpr.Const(TypeOids.INT4, -1, null, -1)
                        : new TypedExpr.Var(0, 0, c.attnum(), c.typeOid(), c.typmod(), -1);
            }
            targets.add(new TargetEntry(e, c.name(), false, 0, 0));
        }
        Query q = new Query(List.copyOf(ps.rtable), from, where, targets, List.of(), null, false, List.of(), false,
                List.of(), null, null, null, ctes);
        return new DmlQuery(DmlQuery.Kind.UPDATE, rel, 0, q, updated, returning(s.returningList(), ps));
    }

    DmlQuery delete(DeleteStmt s) {
        RelationDesc rel = target(s.relation(), "delete from");
        ParseState ps = new ParseState(null);
        List<CteDef> ctes = ctes(s.withClause(), ps);
        List<JoinTree> from = targetAndFrom(s.relation(), rel, s.usingClause(), ps);
        TypedExpr where = where(s.whereClause(), ps);
        Query q = new Query(List.copyOf(ps.rtable), from, where, List.of(), List.of(), null, false, List.of(), false,
                List.of(), null, null, null, ctes);
        return new DmlQuery(DmlQuery.Kind.DELETE, rel, 0, q, List.of(), returning(s.returningList(), ps));
    }

    private List<JoinTree> targetAndFrom(RangeVar rv, RelationDesc rel, List<FromItem> items, ParseState ps) {
        FromAnalyzer fa = new FromAnalyzer(a);
        String refname = rv.alias() != null ? rv.alias().aliasname() : rel.name();
        FromAnalyzer.Item target = fa.table(rv, rel, refname, ps);
        List<JoinTree> from = new ArrayList<>();
        from.add(target.tree());
        from.addAll(fa.transform(items, ps));
        ps.namespace.addAll(0, target.namespace());
        return from;
    }

    private TypedExpr where(Expr w, ParseState ps) {
        if (w == null) {
            return null;
        }
        ps.exprKind = ExprKind.WHERE;
        try {
            return a.coercion().toBoolean(a.exprs().transform(w, ps), "WHERE", w.location());
        } finally {
            ps.exprKind = ExprKind.NONE;
        }
    }

    private List<TargetEntry> returning(List<ResTarget> list, ParseState ps) {
        return list.isEmpty() ? List.of() : new TargetListAnalyzer(a).transform(list, ps, ExprKind.RETURNING);
    }

    /** transformOnConflictClause: arbiter inference and the DO UPDATE SET/WHERE over (existing, excluded). */
    private OnConflictSpec onConflict(InsertStmt s, RelationDesc rel) {
        dev.tusk.nodes.OnConflictClause oc = s.onConflictClause();
        List<dev.tusk.catalog.IndexDesc> arbiters = new ArrayList<>();
        dev.tusk.nodes.InferClause inf = oc.infer();
        if (inf == null) {
            if (oc.action() == dev.tusk.nodes.OnConflictClause.Action.UPDATE) {
                throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR,
                        "ON CONFLICT DO UPDATE requires inference specification or constraint name", oc.location());
            }
        } else if (inf.conname() != null) {
            for (dev.tusk.catalog.IndexDesc ix : rel.indexes()) {
                if (ix.name().equals(inf.conname()) && ix.unique()) {
                    arbiters.add(ix);
                }
            }
            if (arbiters.isEmpty()) {
                throw AnalyzeErrors.at(SqlState.UNDEFINED_OBJECT, "constraint \"" + inf.conname()
                        + "\" for table \"" + rel.name() + "\" does not exist", -1);
            }
        } else {
            Set<Integer> cols = new HashSet<>();
            for (dev.tusk.nodes.IndexElem e : inf.indexElems()) {
                ColumnDesc c = e.name() == null ? null : rel.column(e.name());
                if (c == null) {
                    throw AnalyzeErrors.unsupported("ON CONFLICT inference on expressions", inf.location());
                }
                cols.add(c.attnum());
            }
            for (dev.tusk.catalog.IndexDesc ix : rel.indexes()) {
                if (ix.unique() && new HashSet<>(ix.keyAttnums()).equals(cols)) {
                    arbiters.add(ix);
                }
            }
            if (arbiters.isEmpty()) {
                throw AnalyzeErrors.at(SqlState.INVALID_COLUMN_REFERENCE,
                        "there is no unique or exclusion constraint matching the ON CONFLICT specification", -1);
            }
        }
        if (oc.action() == dev.tusk.nodes.OnConflictClause.Action.NOTHING) {
            return new OnConflictSpec(oc.action(), arbiters, List.of(), null, List.of());
        }
        ParseState ps = new ParseState(null);
        FromAnalyzer fa = new FromAnalyzer(a);
        String refname = s.relation().alias() != null ? s.relation().alias().aliasname() : rel.name();
        ps.namespace.addAll(fa.table(s.relation(), rel, refname, ps).namespace());
        ps.namespace.addAll(fa.table(s.relation(), rel, "excluded", ps).namespace());
        TypedExpr[] values = new TypedExpr[rel.columns().size()];
        List<Integer> updated = new ArrayList<>();
        for (ResTarget t : oc.targetList()) {
            ColumnDesc c = rel.column(t.name());
            if (c == null) {
                throw AnalyzeErrors.at(SqlState.UNDEFINED_COLUMN, "column \"" + t.name() + "\" of relation \""
                        + rel.name() + "\" does not exist", t.location());
            }
            if (values[c.attnum() - 1] != null) {
                throw AnalyzeErrors.at(SqlState.DUPLICATE_COLUMN, "multiple assignments to same column \""
                        + c.name() + "\"", t.location());
            }
            TypedExpr v;
            if (t.val() instanceof SetToDefault) {
                v = defaultValue(rel, c);
            } else {
                ps.exprKind = ExprKind.UPDATE_SET;
                try {
                    v = a.coercion().assign(a.exprs().transform(t.val(), ps), c.typeOid(), c.typmod(), c.name(),
                            "expression", t.val().location());
                } finally {
                    ps.exprKind = ExprKind.NONE;
                }
            }
            values[c.attnum() - 1] = v;
            updated.add(c.attnum());
        }
        TypedExpr where = where(oc.whereClause(), ps);
        return new OnConflictSpec(oc.action(), arbiters, java.util.Arrays.asList(values), where, updated);
    }
}
