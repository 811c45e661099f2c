package dev.tusk.commands;

import dev.tusk.access.sequence.SequenceParams;
import dev.tusk.catalog.Catalog;
import dev.tusk.catalog.ColumnDesc;
import dev.tusk.catalog.NamespaceDesc;
import dev.tusk.catalog.NewColumn;
import dev.tusk.catalog.NewRelation;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.executor.ExpressionCompiler;
import dev.tusk.nodes.ColumnDef;
import dev.tusk.nodes.Constraint;
import dev.tusk.nodes.CreateStmt;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.RangeVar;
import dev.tusk.nodes.TableLikeClause;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CREATE TABLE (PostgreSQL's transformCreateStmt + DefineRelation + the constraint steps that follow). */
public final class TableCommands {
    private TableCommands() {
    }

    /** One column being defined. */
    static final class ColumnSpec {
        final String name;
        final TypeResolver.Resolved type;
        final int location;
        boolean notNull;
        boolean explicitNull;
        Expr rawDefault;
        char identity;
        String defaultText;
        int sequenceOid;

        ColumnSpec(String name, TypeResolver.Resolved type, int location) {
            this.name = name;
            this.type = type;
            this.location = location;
        }
    }

    /** A table constraint waiting for the table to exist. */
    record Pending(Constraint constraint, List<String> columns, String columnHint) {}

    public static String create(CommandContext ctx, CreateStmt stmt) {
        Catalog cat = ctx.catalog();
        int ns = namespaceFor(ctx, stmt.relation());
        String name = stmt.relation().relname();
        if (cat.relation(ns, name) != null) {
            if (stmt.ifNotExists()) {
                ctx.notice(CommandErrors.notice(SqlState.DUPLICATE_TABLE,
                        "relation \"" + name + "\" already exists, skipping"));
                return "CREATE TABLE";
            }
            throw CommandErrors.relationExists(name);
        }
        if (!stmt.inhRelations().isEmpty()) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "table inheritance is not supported");
        }
        List<ColumnSpec> cols = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (var elt : stmt.tableElts()) {
            if (elt instanceof ColumnDef cd) {
                if (!seen.add(cd.colname())) {
                    throw new TuskException(SqlState.DUPLICATE_COLUMN,
                            "column \"" + cd.colname() + "\" specified more than once");
                }
                cols.add(columnSpec(ctx, cd, name, pending));
            } else if (elt instanceof TableLikeClause like) {
                for (ColumnSpec s : likeColumns(ctx, like)) {
                    if (!seen.add(s.name)) {
                        throw new TuskException(SqlState.DUPLICATE_COLUMN,
                                "column \"" + s.name + "\" specified more than once");
                    }
                    cols.add(s);
                }
            }
        }
        for (Constraint c : stmt.tableConstraints()) {
            pending.add(new Pending(c, c.contype() == Constraint.ConstrType.FOREIGN ? c.fkAttrs() : c.keys(), null));
        }
        // Key columns of a primary key are NOT NULL.
        for (Pending p : pending) {
            if (p.constraint().contype() == Constraint.ConstrType.PRIMARY) {
                for (String k : p.columns()) {
                    ColumnSpec s = find(cols, k);
                    if (s == null) {
                        throw CommandErrors.columnNamedInKeyDoesNotExist(k);
                    }
                    s.notNull = true;
                }
            }
        }
        RelationDesc rel = createRelation(ctx, name, ns, persistenceFor(stmt.relation()), cols);
        addPending(ctx, rel, pending);
        return "CREATE TABLE";
    }

    /** Creates sequences for serial/identity columns, analyzes defaults, and creates the catalog rows. */
    static RelationDesc createRelation(CommandContext ctx, String name, int ns, char persistence,
            List<ColumnSpec> cols) {
        List<ColumnDesc> descs = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            ColumnSpec s = cols.get(i);
            descs.add(new ColumnDesc(i + 1, s.name, s.type.type().oid(), s.type.typmod(), s.notNull, null, s.identity,
                    '\0', false, 0));
        }
        for (ColumnSpec s : cols) {
            if (s.type.serialKind() != null || s.identity != '\0') {
                String seqName = ctx.writer().chooseRelationName(name, s.name, "seq", ns);
                int typeOid = s.type.type().oid();
                SequenceParams p = SequenceParams.resolve(1L, 1L, Sequences.defaultMax(typeOid, 1), 1L, 1L, false);
                RelationDesc seq = Sequences.create(ctx, seqName, ns, typeOid, p, persistence);
                s.sequenceOid = seq.oid();
                if (s.identity == '\0') {
                    s.defaultText = "nextval('" + regclassText(ctx, seq) + "'::regclass)";
                }
            } else if (s.rawDefault != null) {
                s.defaultText = ExpressionCompiler.analyze(s.rawDefault, name, descs,
                        ExpressionCompiler.Use.COLUMN_DEFAULT, s.name, s.type.type().oid(), s.type.typmod(),
                        ctx.planning(new int[0])).deparse();
            }
        }
        List<NewColumn> newCols = new ArrayList<>();
        for (ColumnSpec s : cols) {
            newCols.add(new NewColumn(s.name, s.type.type().oid(), s.type.typmod(), s.notNull, s.defaultText, s.identity,
                    '\0', -1));
        }
        RelationDesc rel = ctx.writer().createTable(new NewRelation(name, ns, ctx.userOid(),
                persistence == 0 ? 'p' : persistence, newCols));
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).sequenceOid != 0) {
                ctx.writer().setSequenceOwner(cols.get(i).sequenceOid, rel.oid(), i + 1);
            }
            DefaultDependencies.record(ctx, rel.oid(), i + 1, cols.get(i).defaultText);
        }
        return ctx.catalog().relation(rel.oid());
    }

    /** The sequence's name as a regclass literal prints it: qualified when not visible on the search path. */
    static String regclassText(CommandContext ctx, RelationDesc seq) {
        String n = quoteIfNeeded(seq.name());
        Catalog cat = ctx.catalog();
        if (cat.isRelationVisible(seq.oid(), ctx.searchPath())) {
            return n;
        }
        return quoteIfNeeded(seq.namespaceName()) + "." + n;
    }

    static String quoteIfNeeded(String s) {
        boolean plain = !s.isEmpty() && (Character.isLowerCase(s.charAt(0)) || s.charAt(0) == '_');
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = Character.isLowerCase(c) || Character.isDigit(c) || c == '_';
        }
        return plain ? s : '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Adds the table constraints (and column PRIMARY KEY/UNIQUE/CHECK/REFERENCES) in PostgreSQL's order. */
    static void addPending(CommandContext ctx, RelationDesc rel, List<Pending> pending) {
        for (Constraint.ConstrType kind : List.of(Constraint.ConstrType.PRIMARY, Constraint.ConstrType.UNIQUE,
                Constraint.ConstrType.CHECK, Constraint.ConstrType.FOREIGN)) {
            for (Pending p : pending) {
                Constraint c = p.constraint();
                if (c.contype() != kind) {
                    continue;
                }
                RelationDesc cur = ctx.catalog().relation(rel.oid());
                switch (kind) {
                    case PRIMARY -> {
                        try {
                            Constraints.addIndexConstraint(ctx, cur, c.conname(), p.columns(), true,
                                    c.nullsNotDistinct());
                        } catch (TuskException e) {
                            throw e.sqlState() == SqlState.INVALID_TABLE_DEFINITION
                                    ? CommandErrors.withPosition(e, c.location()) : e;
                        }
                    }
                    case UNIQUE -> Constraints.addIndexConstraint(ctx, cur, c.conname(), p.columns(), false,
                            c.nullsNotDistinct());
                    case CHECK -> Constraints.addCheck(ctx, cur, c.conname(), p.columnHint(), c.rawExpr(), false);
                    case FOREIGN -> Constraints.addForeignKey(ctx, cur, c, p.columns(), false);
                    default -> {
                    }
                }
            }
        }
    }

    static ColumnSpec columnSpec(CommandContext ctx, ColumnDef cd, String table, List<Pending> pending) {
        TypeResolver.Resolved type = TypeResolver.resolve(ctx.catalog(), cd.typeName(), ctx.searchPath(), true);
        if (type.type().typtype() == 'p') {
            throw new TuskException(SqlState.INVALID_TABLE_DEFINITION, "column \"" + cd.colname()
                    + "\" has pseudo-type " + dev.tusk.utils.adt.TypeNames.format(type.type().oid()));
        }
        ColumnSpec s = new ColumnSpec(cd.colname(), type, cd.location());
        if (type.serialKind() != null) {
            s.notNull = true;
        }
        for (Constraint c : cd.constraints()) {
            switch (c.contype()) {
                case NOT_NULL -> {
                    if (s.explicitNull) {
                        throw conflictingNull(cd.colname(), table);
                    }
                    s.notNull = true;
                }
                case NULL -> {
                    if (s.notNull && type.serialKind() == null) {
                        throw conflictingNull(cd.colname(), table);
                    }
                    s.explicitNull = true;
                }
                case DEFAULT -> {
                    if (s.rawDefault != null) {
                        throw new TuskException(SqlState.SYNTAX_ERROR, "multiple default values specified for column \""
                                + cd.colname() + "\" of table \"" + table + "\"");
                    }
                    if (s.identity != '\0') {
                        throw bothDefaultAndIdentity(cd.colname(), table);
                    }
                    s.rawDefault = c.rawExpr();
                }
                case IDENTITY -> {
                    if (s.rawDefault != null) {
                        throw bothDefaultAndIdentity(cd.colname(), table);
                    }
                    s.identity = c.generatedWhen() == 'd' ? 'd' : 'a';
                    s.notNull = true;
                }
                case GENERATED -> throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED,
                        "generated columns are not supported");
                case PRIMARY, UNIQUE -> pending.add(new Pending(c, List.of(cd.colname()), cd.colname()));
                case CHECK -> pending.add(new Pending(c, List.of(cd.colname()), cd.colname()));
                case FOREIGN -> pending.add(new Pending(c, List.of(cd.colname()), cd.colname()));
                default -> {
                }
            }
        }
        if (type.serialKind() != null && s.rawDefault != null) {
            throw new TuskException(SqlState.SYNTAX_ERROR, "multiple default values specified for column \""
                    + cd.colname() + "\" of table \"" + table + "\"");
        }
        return s;
    }

    /** LIKE source: the source's columns with their types and NOT NULL (and defaults when INCLUDING DEFAULTS). */
    private static List<ColumnSpec> likeColumns(CommandContext ctx, TableLikeClause like) {
        RelationDesc src = ctx.catalog().resolveRelation(Constraints.qualified(like.relation()), ctx.searchPath());
        List<ColumnSpec> out = new ArrayList<>();
        for (ColumnDesc c : src.liveColumns()) {
            ColumnSpec s = new ColumnSpec(c.name(), new TypeResolver.Resolved(ctx.catalog().type(c.typeOid()),
                    c.typmod(), null), -1);
            s.notNull = c.notNull();
            if ((like.options() & TableLikeClause.DEFAULTS) != 0 && c.defaultExpr() != null
                    && !c.defaultExpr().startsWith("nextval(")) {
                s.rawDefault = ExpressionCompiler.parseExpression(c.defaultExpr());
            }
            out.add(s);
        }
        return out;
    }

    private static TuskException conflictingNull(String col, String table) {
        return new TuskException(SqlState.SYNTAX_ERROR,
                "conflicting NULL/NOT NULL declarations for column \"" + col + "\" of table \"" + table + "\"");
    }

    private static TuskException bothDefaultAndIdentity(String col, String table) {
        return new TuskException(SqlState.SYNTAX_ERROR,
                "both default and identity specified for column \"" + col + "\" of table \"" + table + "\"");
    }

    private static ColumnSpec find(List<ColumnSpec> cols, String name) {
        for (ColumnSpec s : cols) {
            if (s.name.equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** The schema a new relation goes into: the named one, else the first of search_path. */
    static int namespaceFor(CommandContext ctx, RangeVar rv) {
        if (persistenceFor(rv) == 't' && ctx.tempBackendId() > 0) {
            if (rv.schemaname() != null && !rv.schemaname().equals("pg_temp")) {
                NamespaceDesc ns = ctx.catalog().namespace(rv.schemaname());
                if (ns == null || ns.oid() != ctx.catalog().myTempNamespace()) {
                    throw new TuskException(SqlState.INVALID_TABLE_DEFINITION,
                            "cannot create temporary relation in non-temporary schema");
                }
                return ns.oid();
            }
            return tempNamespace(ctx);
        }
        if (rv.schemaname() != null) {
            NamespaceDesc ns = ctx.catalog().namespace(rv.schemaname());
            if (ns == null) {
                throw CommandErrors.schemaDoesNotExist(rv.schemaname());
            }
            return ns.oid();
        }
        return ctx.catalog().creationNamespace(ctx.searchPath());
    }

    /** A relation named pg_temp.x is temporary like CREATE TEMP (RangeVarAdjustRelationPersistence). */
    static char persistenceFor(RangeVar rv) {
        return "pg_temp".equals(rv.schemaname()) ? 't' : rv.relpersistence();
    }

    /** InitTempTableNamespace: the session's pg_temp_N, created on its first temp object. */
    private static int tempNamespace(CommandContext ctx) {
        ctx.useTempNamespace();
        int temp = ctx.catalog().myTempNamespace();
        if (temp != 0) {
            return temp;
        }
        // Owned by the bootstrap superuser, as PostgreSQL's temp namespaces are.
        return ctx.writer().createNamespace(NamespaceDesc.tempNamespaceName(ctx.tempBackendId()), 10);
    }
}
