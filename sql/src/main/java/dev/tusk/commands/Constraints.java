package dev.tusk.commands;

import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapScan;
import dev.tusk.access.heap.HeapTuple;
import dev.tusk.access.nbtree.IndexKeyDesc;
import dev.tusk.catalog.Catalog;
import dev.tusk.catalog.ColumnDesc;
import dev.tusk.catalog.IndexDesc;
import dev.tusk.catalog.NewConstraint;
import dev.tusk.catalog.NewIndex;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.executor.AnalyzedExpression;
import dev.tusk.executor.CompiledExpr;
import dev.tusk.executor.ExecContext;
import dev.tusk.executor.ExpressionCompiler;
import dev.tusk.executor.StorageCarriers;
import dev.tusk.nodes.Constraint;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.RangeVar;
import dev.tusk.utils.adt.TypeIo;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * Adding table constraints to an existing relation (PostgreSQL's index_create via DefineIndex for PRIMARY KEY
 * and UNIQUE, AddRelationNewConstraints for CHECK, ATAddForeignKeyConstraint), checking the rows already there.
 * CREATE TABLE uses the same code on its still-empty table.
 */
public final class Constraints {
    private Constraints() {
    }

    static List<Integer> attnums(RelationDesc rel, List<String> columns) {
        List<Integer> out = new ArrayList<>();
        for (String c : columns) {
            ColumnDesc col = rel.column(c);
            if (col == null) {
                throw CommandErrors.columnNamedInKeyDoesNotExist(c);
            }
            out.add(col.attnum());
        }
        return out;
    }

    /** PRIMARY KEY / UNIQUE: the unique index (named as the constraint) and the pg_constraint row. */
    static void addIndexConstraint(CommandContext ctx, RelationDesc rel, String conname, List<String> columns,
            boolean primary, boolean nullsNotDistinct) {
        List<Integer> keys = attnums(rel, columns);
        if (primary) {
            if (rel.primaryKey() != null) {
                throw new TuskException(SqlState.INVALID_TABLE_DEFINITION,
                        "multiple primary keys for table \"" + rel.name() + "\" are not allowed");
            }
            for (Integer a : keys) {
                ColumnDesc c = rel.column(a);
                if (!c.notNull()) {
                    AlterTableCommands.checkNoNulls(ctx, rel, c);
                    ctx.writer().setNotNull(rel.oid(), a, true);
                }
            }
        }
        String name = conname != null ? conname
                : ctx.writer().chooseRelationName(rel.name(), primary ? null : String.join("_", columns),
                        primary ? "pkey" : "key", rel.namespaceOid());
        if (conname != null && ctx.catalog().relation(rel.namespaceOid(), conname) != null) {
            throw CommandErrors.relationExists(conname);
        }
        List<IndexKeyDesc.ColumnOrder> orders = Collections.nCopies(keys.size(), IndexKeyDesc.ColumnOrder.ASC);
        RelationDesc fresh = ctx.catalog().relation(rel.oid());
        IndexDesc idx = IndexBuilder.build(ctx, fresh,
                new NewIndex(name, rel.oid(), keys, orders, true, primary, nullsNotDistinct));
        ctx.writer().addConstraint(rel.oid(), primary ? NewConstraint.primaryKey(name, keys, idx.oid())
                : NewConstraint.unique(name, keys, idx.oid()));
    }

    /** The analyzed CHECK expression of {@code rel}. */
    static AnalyzedExpression analyzeCheck(CommandContext ctx, String relName, List<ColumnDesc> columns, Expr raw) {
        return ExpressionCompiler.analyze(raw, relName, columns, ExpressionCompiler.Use.CHECK_CONSTRAINT, null,
                TypeOids.BOOL, -1, ctx.planning(new int[0]));
    }

    /**
     * The name PostgreSQL gives an unnamed CHECK (AddRelationNewConstraints): table_column_check when the
     * expression refers to exactly one column, else table_check.
     */
    static String checkName(CommandContext ctx, RelationDesc rel, String columnHint, Expr raw) {
        List<String> refs = RawColumns.referenced(raw);
        String col = refs.size() == 1 ? refs.get(0) : null;
        return ctx.writer().chooseConstraintName(rel.name(), col, "check", rel.namespaceOid());
    }

    /** AddRelationNewConstraints for one CHECK; existing rows are checked ({@code validate}). */
    static void addCheck(CommandContext ctx, RelationDesc rel, String conname, String columnHint, Expr raw,
            boolean validate) {
        AnalyzedExpression e = analyzeCheck(ctx, rel.name(), rel.columns(), raw);
        String name = conname != null ? conname : checkName(ctx, rel, columnHint, raw);
        List<Integer> cols = new ArrayList<>();
        for (String c : RawColumns.referenced(raw)) {
            ColumnDesc d = rel.column(c);
            if (d != null) {
                cols.add(d.attnum());
            }
        }
        if (validate) {
            CompiledExpr compiled = e.compile();
            ExecContext ec = ctx.exec(null, new Object[0]);
            forEachRow(ctx, rel, row -> {
                if (!compiled.check(row, ec)) {
                    throw new TuskException(SqlState.CHECK_VIOLATION, "check constraint \"" + name
                            + "\" of relation \"" + rel.name() + "\" is violated by some row");
                }
            });
        }
        ctx.writer().addConstraint(rel.oid(), NewConstraint.check(name, e.deparse(), cols));
    }

    /** ATAddForeignKeyConstraint: resolves the referenced key, checks existing rows, adds the constraint. */
    static void addForeignKey(CommandContext ctx, RelationDesc rel, Constraint c, List<String> fkColumns,
            boolean validate) {
        Catalog cat = ctx.catalog();
        RangeVar pk = c.pktable();
        RelationDesc ref = (pk.schemaname() == null && pk.relname().equals(rel.name()))
                ? cat.relation(rel.oid()) : cat.resolveRelation(qualified(pk), ctx.searchPath());
        if (!ref.isTable()) {
            throw new TuskException(SqlState.WRONG_OBJECT_TYPE,
                    "referenced relation \"" + ref.name() + "\" is not a table");
        }
        List<Integer> fkAttnums = attnums(rel, fkColumns);
        List<Integer> refAttnums;
        IndexDesc refIndex = null;
        if (c.pkAttrs().isEmpty()) {
            refIndex = ref.primaryKey();
            if (refIndex == null) {
                throw new TuskException(SqlState.UNDEFINED_OBJECT,
                        "there is no primary key for referenced table \"" + ref.name() + "\"");
            }
            refAttnums = refIndex.keyAttnums();
        } else {
            refAttnums = attnums(ref, c.pkAttrs());
        }
        if (refAttnums.size() != fkAttnums.size()) {
            throw new TuskException(SqlState.INVALID_FOREIGN_KEY,
                    "number of referencing and referenced columns for foreign key disagree");
        }
        if (refIndex == null) {
            for (IndexDesc i : ref.indexes()) {
                if (i.unique() && i.keyAttnums().size() == refAttnums.size()
                        && new HashSet<>(i.keyAttnums()).equals(new HashSet<>(refAttnums))) {
                    refIndex = i;
                    break;
                }
            }
            if (refIndex == null) {
                throw new TuskException(SqlState.INVALID_FOREIGN_KEY,
                        "there is no unique constraint matching given keys for referenced table \"" + ref.name()
                                + "\"");
            }
        }
        String name = c.conname() != null ? c.conname()
                : ctx.writer().chooseConstraintName(rel.name(), String.join("_", fkColumns), "fkey",
                        rel.namespaceOid());
        for (int i = 0; i < fkAttnums.size(); i++) {
            ColumnDesc fc = rel.column(fkAttnums.get(i));
            ColumnDesc pc = ref.column(refAttnums.get(i));
            if (!comparable(cat, fc.typeOid(), pc.typeOid())) {
                throw new TuskException(SqlState.DATATYPE_MISMATCH, "foreign key constraint \"" + name
                        + "\" cannot be implemented").withDetail("Key columns \"" + fc.name() + "\" and \""
                        + pc.name() + "\" are of incompatible types: " + dev.tusk.utils.adt.TypeNames.format(fc.typeOid())
                        + " and " + dev.tusk.utils.adt.TypeNames.format(pc.typeOid()) + ".");
            }
        }
        if (validate) {
            validateForeignKey(ctx, rel, ref, name, fkAttnums, refAttnums);
        }
        ctx.writer().addConstraint(rel.oid(), NewConstraint.foreignKey(name, fkAttnums, ref.oid(), refAttnums,
                refIndex.oid(), c.fkUpdAction().code(), c.fkDelAction().code(), c.fkMatchtype().code()));
    }

    /** Whether an equality between the two key types exists (same type, or one converts implicitly). */
    private static boolean comparable(Catalog cat, int a, int b) {
        if (a == b) {
            return true;
        }
        dev.tusk.utils.adt.Casts casts = dev.tusk.utils.adt.Casts.builtin();
        var implicit = dev.tusk.utils.adt.CoercionContext.IMPLICIT;
        return casts.find(a, b, implicit) != null || casts.find(b, a, implicit) != null;
    }

    private static void validateForeignKey(CommandContext ctx, RelationDesc rel, RelationDesc ref, String name,
            List<Integer> fkAttnums, List<Integer> refAttnums) {
        java.util.Set<List<Object>> keys = new HashSet<>();
        forEachRow(ctx, ref, row -> {
            List<Object> k = new ArrayList<>();
            for (Integer a : refAttnums) {
                k.add(normal(row[a - 1]));
            }
            keys.add(k);
        });
        forEachRow(ctx, rel, row -> {
            List<Object> k = new ArrayList<>();
            boolean anyNull = false;
            for (Integer a : fkAttnums) {
                anyNull |= row[a - 1] == null;
                k.add(normal(row[a - 1]));
            }
            if (!anyNull && !keys.contains(k)) {
                List<String> cols = new ArrayList<>();
                List<String> vals = new ArrayList<>();
                for (Integer a : fkAttnums) {
                    ColumnDesc cd = rel.column(a);
                    cols.add(cd.name());
                    vals.add(TypeIo.textOut(cd.typeOid(), row[a - 1], ctx.functions().formats()));
                }
                throw new TuskException(SqlState.FOREIGN_KEY_VIOLATION, "insert or update on table \"" + rel.name()
                        + "\" violates foreign key constraint \"" + name + "\"")
                        .withDetail("Key (" + String.join(", ", cols) + ")=(" + String.join(", ", vals)
                                + ") is not present in table \"" + ref.name() + "\".");
            }
        });
    }

    private static Object normal(Object v) {
        if (v instanceof Number n && !(v instanceof java.math.BigDecimal) && !(v instanceof Double)
                && !(v instanceof Float)) {
            return n.longValue();
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros();
        }
        return v;
    }

    /** Every row the current snapshot sees, as SQL carriers. */
    static void forEachRow(CommandContext ctx, RelationDesc rel, java.util.function.Consumer<Object[]> action) {
        HeapAm heap = new HeapAm(ctx.storage().buffers(), ctx.storage().smgr(), ctx.storage().transactions());
        try (HeapScan scan = heap.scan(rel.heapRelation(), ctx.transaction().currentSnapshot())) {
            while (scan.hasNext()) {
                HeapTuple t = scan.next();
                action.accept(sqlRow(rel, t.values()));
            }
        }
    }

    static Object[] sqlRow(RelationDesc rel, Object[] stored) {
        Object[] out = new Object[rel.columns().size()];
        for (ColumnDesc c : rel.columns()) {
            int i = c.attnum() - 1;
            out[i] = c.dropped() || i >= stored.length ? null : StorageCarriers.fromStorage(c.typeOid(), stored[i]);
        }
        return out;
    }

    static List<String> qualified(RangeVar rv) {
        List<String> out = new ArrayList<>();
        if (rv.catalogname() != null) {
            out.add(rv.catalogname());
        }
        if (rv.schemaname() != null) {
            out.add(rv.schemaname());
        }
        out.add(rv.relname());
        return out;
    }
}
