package dev.tusk.commands;

import dev.tusk.catalog.Catalog;
import dev.tusk.catalog.ColumnDesc;
import dev.tusk.catalog.ConstraintDesc;
import dev.tusk.catalog.IndexDesc;
import dev.tusk.catalog.NamespaceDesc;
import dev.tusk.catalog.NewColumn;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.catalog.RoleDesc;
import dev.tusk.executor.CompiledExpr;
import dev.tusk.executor.ExecContext;
import dev.tusk.executor.ExpressionCompiler;
import dev.tusk.nodes.AlterTableCmd;
import dev.tusk.nodes.AlterTableStmt;
import dev.tusk.nodes.ColumnDef;
import dev.tusk.nodes.Constraint;
import dev.tusk.nodes.DropBehavior;
import dev.tusk.nodes.ObjectType;
import dev.tusk.nodes.RenameStmt;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;

/** ALTER TABLE subcommands and ALTER ... RENAME (PostgreSQL's tablecmds.c ATExecCmd and RenameRelation). */
public final class AlterTableCommands {
    private AlterTableCommands() {
    }

    public static String alter(CommandContext ctx, AlterTableStmt stmt) {
        String tag = "ALTER " + DropCommands.word(stmt.objtype() == null ? ObjectType.TABLE : stmt.objtype())
                .toUpperCase(java.util.Locale.ROOT);
        RelationDesc rel = ctx.catalog().lookupRelation(Constraints.qualified(stmt.relation()), ctx.searchPath());
        if (rel == null) {
            if (stmt.missingOk()) {
                ctx.notice(CommandErrors.notice(SqlState.SUCCESSFUL_COMPLETION,
                        "relation \"" + stmt.relation().relname() + "\" does not exist, skipping"));
                return tag;
            }
            throw CommandErrors.relationDoesNotExist(stmt.relation().relname());
        }
        for (AlterTableCmd cmd : stmt.cmds()) {
            RelationDesc cur = ctx.catalog().relation(rel.oid());
            apply(ctx, cur, cmd);
        }
        return tag;
    }

    private static void apply(CommandContext ctx, RelationDesc rel, AlterTableCmd cmd) {
        switch (cmd) {
            case AlterTableCmd.AddColumn a -> addColumn(ctx, rel, a.def(), a.ifNotExists());
            case AlterTableCmd.DropColumn d -> {
                ColumnDesc c = rel.column(d.name());
                if (c == null) {
                    if (d.missingOk()) {
                        ctx.notice(CommandErrors.notice(SqlState.SUCCESSFUL_COMPLETION, "column \"" + d.name()
                                + "\" of relation \"" + rel.name() + "\" does not exist, skipping"));
                        return;
                    }
                    throw CommandErrors.columnDoesNotExist(d.name(), rel.name());
                }
                ctx.notices(ctx.writer().dropColumn(rel.oid(), c.attnum(), d.behavior() == DropBehavior.CASCADE));
            }
            case AlterTableCmd.ColumnDefault d -> {
                ColumnDesc c = column(rel, d.column());
                if (d.def() == null) {
                    ctx.writer().setDefault(rel.oid(), c.attnum(), null);
                } else {
                    String text = ExpressionCompiler.analyze(d.def(), rel.name(), rel.columns(),
                            ExpressionCompiler.Use.COLUMN_DEFAULT, c.name(), c.typeOid(), c.typmod(),
                            ctx.planning(new int[0])).deparse();
                    ctx.writer().setDefault(rel.oid(), c.attnum(), text);
                    DefaultDependencies.record(ctx, rel.oid(), c.attnum(), text);
                }
            }
            case AlterTableCmd.SetNotNull s -> {
                ColumnDesc c = column(rel, s.column());
                if (!c.notNull()) {
                    checkNoNulls(ctx, rel, c);
                    ctx.writer().setNotNull(rel.oid(), c.attnum(), true);
                }
            }
            case AlterTableCmd.DropNotNull s -> {
                ColumnDesc c = column(rel, s.column());
                IndexDesc pk = rel.primaryKey();
                if (pk != null && pk.keyAttnums().contains(c.attnum())) {
                    throw new TuskException(SqlState.INVALID_TABLE_DEFINITION,
                            "column \"" + c.name() + "\" is in a primary key");
                }
                if (c.isIdentity()) {
                    throw new TuskException(SqlState.SYNTAX_ERROR, "column \"" + c.name() + "\" of relation \""
                            + rel.name() + "\" is an identity column");
                }
                ctx.writer().setNotNull(rel.oid(), c.attnum(), false);
            }
            case AlterTableCmd.AlterColumnType t -> alterType(ctx, rel, t);
            case AlterTableCmd.AddConstraint a -> addConstraint(ctx, rel, a.constraint());
            case AlterTableCmd.DropConstraint d -> {
                ConstraintDesc found = null;
                for (ConstraintDesc c : rel.constraints()) {
                    if (c.name().equals(d.name())) {
                        found = c;
                    }
                }
                if (found == null) {
                    if (d.missingOk()) {
                        ctx.notice(CommandErrors.notice(SqlState.SUCCESSFUL_COMPLETION, "constraint \"" + d.name()
                                + "\" of relation \"" + rel.name() + "\" does not exist, skipping"));
                        return;
                    }
                    throw new TuskException(SqlState.UNDEFINED_OBJECT, "constraint \"" + d.name()
                            + "\" of relation \"" + rel.name() + "\" does not exist");
                }
                ctx.notices(ctx.writer().dropConstraint(found.oid(), d.behavior() == DropBehavior.CASCADE));
            }
            case AlterTableCmd.ChangeOwner o -> {
            }
            case AlterTableCmd.Other o -> {
            }
            // SET STATISTICS / STORAGE / COMPRESSION / (attribute options): Tusk has no planner statistics
            // targets, TOAST strategies or compression, so only the column's existence is checked.
            case AlterTableCmd.ColumnOption o -> column(rel, o.column());
            default -> throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED,
                    "this form of ALTER TABLE is not supported");
        }
    }

    private static ColumnDesc column(RelationDesc rel, String name) {
        ColumnDesc c = rel.column(name);
        if (c == null) {
            throw CommandErrors.columnDoesNotExist(name, rel.name());
        }
        return c;
    }

    /** Existing rows must not be null in a column becoming NOT NULL. */
    static void checkNoNulls(CommandContext ctx, RelationDesc rel, ColumnDesc c) {
        Constraints.forEachRow(ctx, rel, row -> {
            if (row[c.attnum() - 1] == null) {
                throw new TuskException(SqlState.NOT_NULL_VIOLATION, "column \"" + c.name() + "\" of relation \""
                        + rel.name() + "\" contains null values");
            }
        });
    }

    private static void addConstraint(CommandContext ctx, RelationDesc rel, Constraint c) {
        switch (c.contype()) {
            case CHECK -> Constraints.addCheck(ctx, rel, c.conname(), null, c.rawExpr(), !c.skipValidation());
            case PRIMARY -> Constraints.addIndexConstraint(ctx, rel, c.conname(), c.keys(), true, c.nullsNotDistinct());
            case UNIQUE -> Constraints.addIndexConstraint(ctx, rel, c.conname(), c.keys(), false, c.nullsNotDistinct());
            case FOREIGN -> Constraints.addForeignKey(ctx, rel, c, c.fkAttrs(), !c.skipValidation());
            default -> throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED,
                    "this constraint type is not supported in ALTER TABLE");
        }
    }

    private static void addColumn(CommandContext ctx, RelationDesc rel, ColumnDef def, boolean ifNotExists) {
        if (rel.column(def.colname()) != null) {
            if (ifNotExists) {
                ctx.notice(CommandErrors.notice(SqlState.DUPLICATE_COLUMN, "column \"" + def.colname()
                        + "\" of relation \"" + rel.name() + "\" already exists, skipping"));
                return;
            }
            throw new TuskException(SqlState.DUPLICATE_COLUMN, "column \"" + def.colname() + "\" of relation \""
                    + rel.name() + "\" already exists");
        }
        List<TableCommands.Pending> pending = new ArrayList<>();
        TableCommands.ColumnSpec s = TableCommands.columnSpec(ctx, def, rel.name(), pending);
        int attnum = rel.columns().size() + 1;
        int seqOid = 0;
        String defaultText = null;
        if (s.type.serialKind() != null || s.identity != '\0') {
            String seqName = ctx.writer().chooseRelationName(rel.name(), s.name, "seq", rel.namespaceOid());
            int typeOid = s.type.type().oid();
            var p = dev.tusk.access.sequence.SequenceParams.resolve(1L, 1L, Sequences.defaultMax(typeOid, 1), 1L, 1L,
                    false);
            RelationDesc seq = Sequences.create(ctx, seqName, rel.namespaceOid(), typeOid, p, rel.persistence());
            seqOid = seq.oid();
            if (s.identity == '\0') {
                defaultText = "nextval('" + TableCommands.regclassText(ctx, seq) + "'::regclass)";
            }
        } else if (s.rawDefault != null) {
            List<ColumnDesc> cols = new ArrayList<>(rel.columns());
            cols.add(new ColumnDesc(attnum, s.name, s.type.type().oid(), s.type.typmod(), false, null, '\0', '\0',
                    false, 0));
            defaultText = ExpressionCompiler.analyze(s.rawDefault, rel.name(), cols,
                    ExpressionCompiler.Use.COLUMN_DEFAULT, s.name, s.type.type().oid(), s.type.typmod(),
                    ctx.planning(new int[0])).deparse();
        }
        NewColumn nc = new NewColumn(s.name, s.type.type().oid(), s.type.typmod(), s.notNull, defaultText, s.identity,
                '\0', -1);
        boolean hasRows = hasRows(ctx, rel);
        if (hasRows && (defaultText != null || s.identity != '\0')) {
            String text = defaultText;
            int finalSeq = seqOid;
            TableRewrite.rewrite(ctx, rel, c -> c.writer().addColumn(rel.oid(), nc), row -> {
                row[attnum - 1] = evaluateDefault(ctx, rel, nc, text, finalSeq);
                return row;
            });
        } else {
            if (hasRows && s.notNull) {
                throw new TuskException(SqlState.NOT_NULL_VIOLATION, "column \"" + s.name + "\" of relation \""
                        + rel.name() + "\" contains null values");
            }
            ctx.writer().addColumn(rel.oid(), nc);
        }
        if (seqOid != 0) {
            ctx.writer().setSequenceOwner(seqOid, rel.oid(), attnum);
        }
        DefaultDependencies.record(ctx, rel.oid(), attnum, defaultText);
        TableCommands.addPending(ctx, ctx.catalog().relation(rel.oid()), pending);
    }

    private static Object evaluateDefault(CommandContext ctx, RelationDesc rel, NewColumn nc, String text,
            int seqOid) {
        ExecContext ec = ctx.exec(null, new Object[0]);
        String expr = text;
        if (expr == null && seqOid != 0) {
            expr = "nextval(" + seqOid + "::regclass)";
        }
        CompiledExpr e = ExpressionCompiler.analyzeText(expr, rel.name(), rel.columns(),
                ExpressionCompiler.Use.COLUMN_DEFAULT, nc.name(), nc.typeOid(), nc.typmod(), ctx.planning(new int[0]))
                .compile();
        return e.evaluate(null, ec);
    }

    private static boolean hasRows(CommandContext ctx, RelationDesc rel) {
        boolean[] any = {false};
        try {
            Constraints.forEachRow(ctx, rel, r -> {
                any[0] = true;
                throw new StopScan();
            });
        } catch (StopScan e) {
            return true;
        }
        return any[0];
    }

    private static final class StopScan extends RuntimeException {
        StopScan() {
            super(null, null, false, false);
        }
    }

    private static void alterType(CommandContext ctx, RelationDesc rel, AlterTableCmd.AlterColumnType t) {
        ColumnDesc c = column(rel, t.column());
        if (t.using() != null) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "ALTER COLUMN TYPE ... USING is not supported");
        }
        TypeResolver.Resolved nt;
        try {
            nt = TypeResolver.resolve(ctx.catalog(), t.typeName(), ctx.searchPath(), false);
        } catch (TuskException e) {
            // ALTER TABLE reports type errors without a cursor position, as PostgreSQL does.
            throw new TuskException(e.severity(), e.sqlState(), e.getMessage(), e.detail(), e.hint(), 0, e);
        }
        int oldType = c.typeOid();
        int newType = nt.type().oid();
        dev.tusk.utils.adt.Casts casts = dev.tusk.utils.adt.Casts.builtin();
        dev.tusk.utils.adt.Casts.CastPath path = oldType == newType ? null
                : casts.find(oldType, newType, dev.tusk.utils.adt.CoercionContext.ASSIGNMENT);
        if (oldType != newType && path == null) {
            String tn = dev.tusk.utils.adt.TypeNames.format(newType);
            throw new TuskException(SqlState.DATATYPE_MISMATCH, "column \"" + c.name()
                    + "\" cannot be cast automatically to type " + tn)
                    .withHint("You might need to specify \"USING " + c.name() + "::"
                            + dev.tusk.utils.adt.TypeNames.format(newType, nt.typmod()) + "\".");
        }
        var fc = ctx.functions();
        TableRewrite.rewrite(ctx, rel, x -> x.writer().setColumnType(rel.oid(), c.attnum(), newType, nt.typmod()),
                row -> {
                    Object v = row[c.attnum() - 1];
                    if (v != null) {
                        row[c.attnum() - 1] = path == null
                                ? dev.tusk.utils.adt.Casts.applyTypmod(v, newType, nt.typmod(), false)
                                : casts.apply(path, v, nt.typmod(), false, fc);
                    }
                    return row;
                });
    }

    /** ALTER TABLE/VIEW/INDEX/SEQUENCE/SCHEMA/DATABASE/ROLE ... RENAME [COLUMN|CONSTRAINT] ... TO ... */
    public static String rename(CommandContext ctx, RenameStmt stmt) {
        Catalog cat = ctx.catalog();
        switch (stmt.renameType()) {
            case TABLE, VIEW, INDEX, SEQUENCE, MATVIEW -> {
                RelationDesc rel = lookup(ctx, stmt);
                if (rel == null) {
                    return "ALTER " + DropCommands.word(stmt.renameType()).toUpperCase(java.util.Locale.ROOT);
                }
                if (cat.relation(rel.namespaceOid(), stmt.newname()) != null) {
                    throw CommandErrors.relationExists(stmt.newname());
                }
                ctx.writer().renameRelation(rel.oid(), stmt.newname());
                return "ALTER " + DropCommands.word(stmt.renameType()).toUpperCase(java.util.Locale.ROOT);
            }
            case COLUMN -> {
                RelationDesc rel = lookup(ctx, stmt);
                if (rel == null) {
                    return "ALTER TABLE";
                }
                ColumnDesc c = rel.column(stmt.subname());
                if (c == null) {
                    throw new TuskException(SqlState.UNDEFINED_COLUMN, "column \"" + stmt.subname()
                            + "\" does not exist");
                }
                if (rel.column(stmt.newname()) != null) {
                    throw new TuskException(SqlState.DUPLICATE_COLUMN, "column \"" + stmt.newname()
                            + "\" of relation \"" + rel.name() + "\" already exists");
                }
                ctx.writer().renameColumn(rel.oid(), c.attnum(), stmt.newname());
                return "ALTER " + DropCommands.word(stmt.relationType() == null ? ObjectType.TABLE
                        : stmt.relationType()).toUpperCase(java.util.Locale.ROOT);
            }
            case TABCONSTRAINT -> {
                RelationDesc rel = lookup(ctx, stmt);
                if (rel == null) {
                    return "ALTER TABLE";
                }
                for (ConstraintDesc c : rel.constraints()) {
                    if (c.name().equals(stmt.subname())) {
                        ctx.writer().renameConstraint(c.oid(), stmt.newname());
                        return "ALTER TABLE";
                    }
                }
                throw new TuskException(SqlState.UNDEFINED_OBJECT, "constraint \"" + stmt.subname()
                        + "\" for table \"" + rel.name() + "\" does not exist");
            }
            case SCHEMA -> {
                NamespaceDesc ns = cat.namespace(stmt.subname() != null ? stmt.subname() : stmt.object().get(0));
                if (ns == null) {
                    throw CommandErrors.schemaDoesNotExist(stmt.subname());
                }
                if (cat.namespace(stmt.newname()) != null) {
                    throw new TuskException(SqlState.DUPLICATE_SCHEMA, "schema \"" + stmt.newname()
                            + "\" already exists");
                }
                ctx.writer().renameNamespace(ns.oid(), stmt.newname());
                return "ALTER SCHEMA";
            }
            case DATABASE -> {
                return DatabaseCommands.rename(ctx, stmt.subname() != null ? stmt.subname() : stmt.object().get(0),
                        stmt.newname());
            }
            case ROLE -> {
                String old = stmt.subname() != null ? stmt.subname() : stmt.object().get(0);
                RoleDesc r = cat.role(old);
                if (r == null) {
                    throw new TuskException(SqlState.UNDEFINED_OBJECT, "role \"" + old + "\" does not exist");
                }
                if (cat.role(stmt.newname()) != null) {
                    throw new TuskException(SqlState.DUPLICATE_OBJECT, "role \"" + stmt.newname()
                            + "\" already exists");
                }
                ctx.writer().alterRole(new RoleDesc(r.oid(), stmt.newname(), r.superuser(), r.inherit(),
                        r.createRole(), r.createDb(), r.canLogin(), r.replication(), r.bypassRls(), r.connLimit(),
                        r.password() != null && r.password().startsWith("md5") ? null : r.password(),
                        r.validUntil()));
                if (r.password() != null && r.password().startsWith("md5")) {
                    ctx.notice(CommandErrors.notice(SqlState.SUCCESSFUL_COMPLETION,
                            "MD5 password cleared because of role rename"));
                }
                return "ALTER ROLE";
            }
            default -> throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "this RENAME is not supported");
        }
    }

    private static RelationDesc lookup(CommandContext ctx, RenameStmt stmt) {
        RelationDesc rel = ctx.catalog().lookupRelation(Constraints.qualified(stmt.relation()), ctx.searchPath());
        if (rel == null) {
            if (stmt.missingOk()) {
                ctx.notice(CommandErrors.notice(SqlState.SUCCESSFUL_COMPLETION,
                        "relation \"" + stmt.relation().relname() + "\" does not exist, skipping"));
                return null;
            }
            throw CommandErrors.relationDoesNotExist(stmt.relation().relname());
        }
        return rel;
    }
}
