package dev.tusk.parser.analyze;

import dev.tusk.catalog.ColumnDesc;
import dev.tusk.executor.AnalyzedExpression;
import dev.tusk.nodes.DeleteStmt;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.InsertStmt;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.nodes.UpdateStmt;
import dev.tusk.optimizer.PlanningContext;
import dev.tusk.utils.adt.SessionFormats;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.SqlState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parse analysis of one statement (PostgreSQL's analyze.c parse_analyze): raw tree in, analyzed {@link Query} /
 * {@link DmlQuery} out. One instance per statement; it collects the parameter types and the OIDs of the
 * relations read.
 */
public final class Analyzer {
    private final PlanningContext ctx;
    private final ParamTypes params;
    private final Coercion coercion;
    private final ExprAnalyzer exprs;
    private final Set<Integer> relationOids = new HashSet<>();

    public Analyzer(PlanningContext ctx) {
        this.ctx = ctx;
        this.params = new ParamTypes(ctx.declaredParamTypes());
        this.coercion = new Coercion(this);
        this.exprs = new ExprAnalyzer(this);
    }

    public PlanningContext ctx() {
        return ctx;
    }

    SessionFormats formats() {
        return ctx.functions().formats();
    }

    ParamTypes params() {
        return params;
    }

    Coercion coercion() {
        return coercion;
    }

    ExprAnalyzer exprs() {
        return exprs;
    }

    /** OIDs of the relations (tables and views) the statement reads. */
    public Set<Integer> relationOids() {
        return relationOids;
    }

    /** The final parameter types (42P18 for any still undetermined); call after analysis. */
    public int[] finishParamTypes() {
        return params.finish();
    }

    /** A top-level SELECT/VALUES/set operation. */
    public Query analyzeSelect(SelectStmt s) {
        return new SelectAnalyzer(this).transform(s, new ParseState(null));
    }

    /** A subquery one level below {@code parent} (null: a new top level, e.g. a view body). */
    Query analyzeSubquery(SelectStmt s, ParseState parent) {
        return new SelectAnalyzer(this).transform(s, new ParseState(parent));
    }

    /** A set-operation leaf: like a subquery, but unknown-type outputs stay unknown. */
    Query analyzeSetOpLeaf(SelectStmt s, ParseState parent) {
        ParseState ps = new ParseState(parent);
        ps.keepUnknownOutputs = !s.isSetOperation();
        return new SelectAnalyzer(this).transform(s, ps);
    }

    public DmlQuery analyzeInsert(InsertStmt s) {
        return new DmlAnalyzer(this).insert(s);
    }

    public DmlQuery analyzeUpdate(UpdateStmt s) {
        return new DmlAnalyzer(this).update(s);
    }

    public DmlQuery analyzeDelete(DeleteStmt s) {
        return new DmlAnalyzer(this).delete(s);
    }

    /** CREATE VIEW: the columns and the definition text. */
    public ViewDefinition analyzeView(SelectStmt s, List<String> aliases) {
        Query q = analyzeSelect(s);
        finishParamTypes();
        List<TargetEntry> cols = q.resultTargets();
        if (aliases.size() > cols.size()) {
            throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR, "CREATE VIEW specifies more column names than columns",
                    -1);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            names.add(i < aliases.size() ? aliases.get(i) : cols.get(i).name());
        }
        return new ViewDefinition(names, cols.stream().map(t -> t.expr().type()).toList(),
                cols.stream().map(t -> t.expr().typmod()).toList(), Deparser.viewDefinition(q));
    }

    /**
     * An expression over one relation's columns (CHECK, DEFAULT, generated column): see
     * {@link dev.tusk.executor.ExpressionCompiler#analyze}.
     */
    public AnalyzedExpression analyzeColumnExpression(Expr raw, String relationName, List<ColumnDesc> columns,
            String use, String usePlural, String columnName, int targetType, int targetTypmod) {
        ExprKind kind = switch (use) {
            case "COLUMN_DEFAULT" -> ExprKind.COLUMN_DEFAULT;
            case "CHECK_CONSTRAINT" -> ExprKind.CHECK_CONSTRAINT;
            default -> ExprKind.GENERATED_COLUMN;
        };
        ParseState ps = new ParseState(null);
        List<String> names = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<Integer> typmods = new ArrayList<>();
        for (ColumnDesc c : columns) {
            names.add(c.dropped() ? null : c.name());
            types.add(c.typeOid());
            typmods.add(c.typmod());
        }
        ps.addRte(new Rte.Values(List.of(), relationName, names, types, typmods));
        if (kind != ExprKind.COLUMN_DEFAULT) {
            ps.namespace.add(new NsItem(0, relationName, null, true, true, names,
                    FromAnalyzer.vars(0, names, types, typmods), 0));
        }
        ps.exprKind = kind;
        TypedExpr e;
        try {
            e = exprs.transform(raw, ps);
        } catch (dev.tusk.utils.error.TuskException ex) {
            if (kind == ExprKind.COLUMN_DEFAULT && ex.sqlState() == SqlState.UNDEFINED_COLUMN) {
                throw AnalyzeErrors.at(SqlState.FEATURE_NOT_SUPPORTED,
                        "cannot use column reference in DEFAULT expression", raw.location());
            }
            throw ex;
        }
        if (kind == ExprKind.CHECK_CONSTRAINT) {
            e = coercion.toBoolean(e, "CHECK", raw.location());
        } else if (targetType != 0) {
            e = coercion.assign(e, targetType, targetTypmod, columnName,
                    kind == ExprKind.COLUMN_DEFAULT ? "default expression" : "generation expression",
                    raw.location());
        } else {
            e = coercion.resolveUnknown(e);
        }
        if (e.type() == TypeOids.UNKNOWN) {
            e = coercion.resolveUnknown(e);
        }
        return new AnalyzedExpression(e, names);
    }
}
