package dev.tusk.commands;

import dev.tusk.access.sequence.SequenceParams;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.catalog.SequenceDesc;
import dev.tusk.nodes.AConst;
import dev.tusk.nodes.AlterSeqStmt;
import dev.tusk.nodes.CreateSeqStmt;
import dev.tusk.nodes.DefElem;
import dev.tusk.nodes.Node;
import dev.tusk.nodes.TypeName;
import dev.tusk.utils.adt.TypeNames;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.List;

/** CREATE SEQUENCE and ALTER SEQUENCE (PostgreSQL's DefineSequence, AlterSequence, init_params). */
public final class SequenceCommands {
    private SequenceCommands() {
    }

    /** The options of a CREATE/ALTER SEQUENCE; null = not given (min/max: NO MINVALUE is {@code noMin}). */
    static final class Options {
        Long increment;
        Long min;
        Long max;
        Long start;
        Long cache;
        Boolean cycle;
        Long restart;
        boolean restartDefault;
        boolean noMin;
        boolean noMax;
        Integer type;
        List<String> ownedBy;
    }

    public static String create(CommandContext ctx, CreateSeqStmt stmt) {
        int ns = TableCommands.namespaceFor(ctx, stmt.sequence());
        String name = stmt.sequence().relname();
        if (ctx.catalog().relation(ns, name) != null) {
            if (stmt.ifNotExists()) {
                ctx.notice(CommandErrors.notice(SqlState.DUPLICATE_TABLE,
                        "relation \"" + name + "\" already exists, skipping"));
                return "CREATE SEQUENCE";
            }
            throw CommandErrors.relationExists(name);
        }
        Options o = parse(ctx, stmt.options());
        int type = o.type == null ? TypeOids.INT8 : o.type;
        SequenceParams p = resolve(o, type, null);
        RelationDesc seq = Sequences.create(ctx, name, ns, type, p, TableCommands.persistenceFor(stmt.sequence()));
        if (o.ownedBy != null) {
            setOwnedBy(ctx, seq, o.ownedBy);
        }
        return "CREATE SEQUENCE";
    }

    public static String alter(CommandContext ctx, AlterSeqStmt stmt) {
        RelationDesc seq = ctx.catalog().lookupRelation(Constraints.qualified(stmt.sequence()), ctx.searchPath());
        if (seq == null) {
            if (stmt.missingOk()) {
                ctx.notice(CommandErrors.notice(SqlState.SUCCESSFUL_COMPLETION,
                        "relation \"" + stmt.sequence().relname() + "\" does not exist, skipping"));
                return "ALTER SEQUENCE";
            }
            throw CommandErrors.relationDoesNotExist(stmt.sequence().relname());
        }
        if (seq.relkind() != 'S') {
            throw CommandErrors.wrongObjectType(seq.name(), "a sequence");
        }
        SequenceDesc old = ctx.catalog().sequence(seq.oid());
        Options o = parse(ctx, stmt.options());
        int type = o.type == null ? old.typeOid() : o.type;
        SequenceParams p = resolve(o, type, old);
        ctx.writer().updateSequence(new SequenceDesc(seq.oid(), type, p.start(), p.increment(), p.maxValue(),
                p.minValue(), p.cache(), p.cycle()));
        if (o.restart != null || o.restartDefault) {
            long v = o.restart != null ? o.restart : p.start();
            Sequences.am(ctx.storage()).setval(seq.locator(), p, seq.name(), v, false, null, ctx.transaction());
        }
        if (o.ownedBy != null) {
            setOwnedBy(ctx, seq, o.ownedBy);
        }
        return "ALTER SEQUENCE";
    }

    private static void setOwnedBy(CommandContext ctx, RelationDesc seq, List<String> ownedBy) {
        if (ownedBy.size() == 1 && ownedBy.get(0).equalsIgnoreCase("none")) {
            ctx.writer().setSequenceOwner(seq.oid(), 0, 0);
            return;
        }
        if (ownedBy.size() < 2) {
            throw new TuskException(SqlState.INVALID_PARAMETER_VALUE, "invalid OWNED BY option")
                    .withHint("Specify OWNED BY table.column or OWNED BY NONE.");
        }
        List<String> tableName = ownedBy.subList(0, ownedBy.size() - 1);
        String column = ownedBy.get(ownedBy.size() - 1);
        RelationDesc t = ctx.catalog().resolveRelation(tableName, ctx.searchPath());
        if (t.namespaceOid() != seq.namespaceOid()) {
            throw new TuskException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "sequence must be in same schema as table it is linked to");
        }
        var col = t.column(column);
        if (col == null) {
            throw new TuskException(SqlState.UNDEFINED_COLUMN,
                    "column \"" + column + "\" of relation \"" + t.name() + "\" does not exist");
        }
        ctx.writer().setSequenceOwner(seq.oid(), t.oid(), col.attnum());
    }

    static SequenceParams resolve(Options o, int type, SequenceDesc old) {
        long inc = o.increment != null ? o.increment : old != null ? old.increment() : 1;
        boolean typeChanged = old != null && old.typeOid() != type;
        long maxV;
        if (o.max != null) {
            maxV = o.max;
        } else if (old == null || o.noMax) {
            maxV = Sequences.defaultMax(type, inc);
        } else if (typeChanged && old.max() == Sequences.defaultMax(old.typeOid(), 1)) {
            // init_params: a maximum that was the old type's limit follows the new type.
            maxV = Sequences.defaultMax(type, 1);
        } else {
            maxV = old.max();
        }
        long minV;
        if (o.min != null) {
            minV = o.min;
        } else if (old == null || o.noMin) {
            minV = Sequences.defaultMin(type, inc);
        } else if (typeChanged && old.min() == Sequences.defaultMin(old.typeOid(), -1)) {
            minV = Sequences.defaultMin(type, -1);
        } else {
            minV = old.min();
        }
        String typeName = TypeNames.format(type);
        long typeMax = Sequences.defaultMax(type, 1);
        long typeMin = Sequences.defaultMin(type, -1);
        if (maxV > typeMax || maxV < typeMin) {
            throw new TuskException(SqlState.INVALID_PARAMETER_VALUE,
                    "MAXVALUE (" + maxV + ") is out of range for sequence data type " + typeName);
        }
        if (minV > typeMax || minV < typeMin) {
            throw new TuskException(SqlState.INVALID_PARAMETER_VALUE,
                    "MINVALUE (" + minV + ") is out of range for sequence data type " + typeName);
        }
        Long start = o.start != null ? o.start : old != null ? (Long) old.start() : null;
        Long cache = o.cache != null ? o.cache : old != null ? (Long) old.cache() : null;
        Boolean cycle = o.cycle != null ? o.cycle : old != null ? (Boolean) old.cycle() : null;
        SequenceParams p = SequenceParams.resolve(inc, minV, maxV, start, cache, cycle);
        if (o.restart != null) {
            if (o.restart < p.minValue()) {
                throw new TuskException(SqlState.INVALID_PARAMETER_VALUE, "RESTART value (" + o.restart
                        + ") cannot be less than MINVALUE (" + p.minValue() + ")");
            }
            if (o.restart > p.maxValue()) {
                throw new TuskException(SqlState.INVALID_PARAMETER_VALUE, "RESTART value (" + o.restart
                        + ") cannot be greater than MAXVALUE (" + p.maxValue() + ")");
            }
        }
        return p;
    }

    static Options parse(CommandContext ctx, List<DefElem> options) {
        Options o = new Options();
        for (DefElem d : options) {
            switch (d.defname()) {
                case "increment" -> o.increment = number(d.arg());
                case "minvalue" -> {
                    if (d.arg() == null) {
                        o.noMin = true;
                    } else {
                        o.min = number(d.arg());
                    }
                }
                case "maxvalue" -> {
                    if (d.arg() == null) {
                        o.noMax = true;
                    } else {
                        o.max = number(d.arg());
                    }
                }
                case "start" -> o.start = number(d.arg());
                case "restart" -> {
                    if (d.arg() == null) {
                        o.restartDefault = true;
                    } else {
                        o.restart = number(d.arg());
                    }
                }
                case "cache" -> o.cache = number(d.arg());
                case "cycle" -> o.cycle = d.arg() == null || truthy(d.arg());
                case "as" -> {
                    TypeName tn = (TypeName) d.arg();
                    int t = TypeResolver.resolve(ctx.catalog(), tn, ctx.searchPath(), false).type().oid();
                    if (t != TypeOids.INT2 && t != TypeOids.INT4 && t != TypeOids.INT8) {
                        throw new TuskException(SqlState.INVALID_PARAMETER_VALUE,
                                "sequence type must be smallint, integer, or bigint");
                    }
                    o.type = t;
                }
                case "owned_by" -> o.ownedBy = names(d.arg());
                default -> {
                }
            }
        }
        return o;
    }

    private static boolean truthy(Node n) {
        return n instanceof AConst c && (c.value() instanceof AConst.Literal.Bool b ? b.value()
                : c.value() instanceof AConst.Literal.Int i && i.value() != 0);
    }

    private static List<String> names(Node n) {
        if (n instanceof dev.tusk.nodes.NameList nl) {
            return nl.names();
        }
        if (n instanceof AConst c && c.value() instanceof AConst.Literal.Str s) {
            return List.of(s.value());
        }
        throw new TuskException(SqlState.SYNTAX_ERROR, "invalid OWNED BY option");
    }

    static long number(Node n) {
        if (n instanceof AConst c) {
            return switch (c.value()) {
                case AConst.Literal.Int i -> i.value();
                case AConst.Literal.BigInt b -> b.value();
                case AConst.Literal.Numeric num -> {
                    try {
                        yield new java.math.BigDecimal(num.text()).longValueExact();
                    } catch (ArithmeticException e) {
                        throw new TuskException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                                "value \"" + num.text() + "\" is out of range for type bigint");
                    }
                }
                case AConst.Literal.Str s -> Long.parseLong(s.value());
                default -> throw new TuskException(SqlState.SYNTAX_ERROR, "invalid sequence option value");
            };
        }
        throw new TuskException(SqlState.SYNTAX_ERROR, "invalid sequence option value");
    }
}
