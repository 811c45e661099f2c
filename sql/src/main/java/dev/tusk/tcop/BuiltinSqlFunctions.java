package dev.tusk.tcop;

import dev.tusk.catalog.Catalog;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.catalog.SequenceDesc;
import dev.tusk.commands.Sequences;
import dev.tusk.utils.adt.ArrayValue;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.FunctionContext;
import dev.tusk.utils.fmgr.FunctionDef;
import dev.tusk.utils.fmgr.FunctionImpl;
import dev.tusk.utils.fmgr.FunctionRegistry;
import dev.tusk.utils.fmgr.SetFunctionImpl;
import dev.tusk.utils.fmgr.Volatility;
import dev.tusk.utils.misc.GucDef;
import dev.tusk.utils.misc.GucSession;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * SQL functions whose bodies need the session: the sequence functions (sequence.c: nextval, currval, setval,
 * lastval) and the settings functions (guc.c: current_setting, set_config, pg_show_all_settings), with
 * PostgreSQL's OIDs. They reach the session through {@code FunctionContext.service(SessionServices.class)}.
 */
public final class BuiltinSqlFunctions {
    private static volatile boolean registered;

    private BuiltinSqlFunctions() {
    }

    /** Registers the functions into the built-in registry once per process (before initdb fills pg_proc). */
    public static synchronized void registerOnce() {
        if (registered) {
            return;
        }
        FunctionRegistry r = FunctionRegistry.builtin();
        r.register(scalar(1574, "nextval", List.of(TypeOids.REGCLASS), TypeOids.INT8, Volatility.VOLATILE,
                "nextval_oid", (c, t, a) -> nextval(c, (Integer) a[0])));
        r.register(scalar(1575, "currval", List.of(TypeOids.REGCLASS), TypeOids.INT8, Volatility.VOLATILE,
                "currval_oid", (c, t, a) -> currval(c, (Integer) a[0])));
        r.register(scalar(1576, "setval", List.of(TypeOids.REGCLASS, TypeOids.INT8), TypeOids.INT8,
                Volatility.VOLATILE, "setval_oid", (c, t, a) -> setval(c, (Integer) a[0], (Long) a[1], true)));
        r.register(scalar(1765, "setval", List.of(TypeOids.REGCLASS, TypeOids.INT8, TypeOids.BOOL), TypeOids.INT8,
                Volatility.VOLATILE, "setval3_oid",
                (c, t, a) -> setval(c, (Integer) a[0], (Long) a[1], (Boolean) a[2])));
        r.register(scalar(4032, "pg_sequence_last_value", List.of(TypeOids.REGCLASS), TypeOids.INT8,
                Volatility.VOLATILE, "pg_sequence_last_value", (c, t, a) -> sequenceLastValue(c, (Integer) a[0])));
        r.register(scalar(2559, "lastval", List.of(), TypeOids.INT8, Volatility.VOLATILE, "lastval",
                (c, t, a) -> lastval(c)));
        r.register(scalar(2077, "current_setting", List.of(TypeOids.TEXT), TypeOids.TEXT, Volatility.STABLE,
                "show_config_by_name", (c, t, a) -> services(c).gucs().show((String) a[0])));
        r.register(new FunctionDef(3294, "current_setting", FunctionDef.PG_CATALOG,
                List.of(TypeOids.TEXT, TypeOids.BOOL), 0, TypeOids.TEXT, false, true, Volatility.STABLE,
                "show_config_by_name_missing_ok", (c, t, a) -> {
                    GucSession g = services(c).gucs();
                    if (Boolean.TRUE.equals(a[1]) && !g.exists((String) a[0])) {
                        return null;
                    }
                    return g.show((String) a[0]);
                }, null, null));
        r.register(new FunctionDef(2078, "set_config", FunctionDef.PG_CATALOG,
                List.of(TypeOids.TEXT, TypeOids.TEXT, TypeOids.BOOL), 0, TypeOids.TEXT, false, false,
                Volatility.VOLATILE, "set_config_by_name", (c, t, a) -> setConfig(c, a), null, null));
        r.register(new FunctionDef(2084, "pg_show_all_settings", FunctionDef.PG_CATALOG, List.of(), 0,
                TypeOids.RECORD, true, true, Volatility.STABLE, "show_all_settings", null,
                BuiltinSqlFunctions::showAllSettings, null));
        registered = true;
    }

    private static FunctionDef scalar(int oid, String name, List<Integer> args, int ret, Volatility v, String src,
            FunctionImpl impl) {
        return new FunctionDef(oid, name, FunctionDef.PG_CATALOG, args, 0, ret, false, true, v, src, impl, null, null);
    }

    private static SessionServices services(FunctionContext ctx) {
        SessionServices s = ctx.service(SessionServices.class);
        if (s == null) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "this function needs a session");
        }
        return s;
    }

    private record Seq(RelationDesc rel, SequenceDesc desc) {}

    private static Seq sequence(SessionServices s, int oid) {
        Catalog cat = s.currentCatalog();
        RelationDesc rel = cat.relation(oid);
        if (rel == null) {
            throw new TuskException(SqlState.UNDEFINED_TABLE, "could not open relation with OID " + oid);
        }
        if (rel.relkind() != RelationDesc.KIND_SEQUENCE) {
            throw new TuskException(SqlState.WRONG_OBJECT_TYPE, "\"" + rel.name() + "\" is not a sequence");
        }
        return new Seq(rel, cat.sequence(oid));
    }

    private static Object nextval(FunctionContext ctx, int oid) {
        SessionServices s = services(ctx);
        Seq q = sequence(s, oid);
        if (s.currentTransaction().isReadOnly() && q.rel().persistence() != 't') {
            throw new TuskException(SqlState.READ_ONLY_SQL_TRANSACTION,
                    "cannot execute nextval() in a read-only transaction");
        }
        long v = Sequences.am(s.storage()).nextval(q.rel().locator(), Sequences.params(q.desc()), q.rel().name(),
                s.sequences().cache(), s.currentTransaction());
        s.sequences().recordNextval(oid, v);
        return v;
    }

    /** pg_sequence_last_value: the last value handed out, null before the first nextval (what pg_sequences shows). */
    private static Object sequenceLastValue(FunctionContext ctx, int oid) {
        SessionServices s = services(ctx);
        Seq q = sequence(s, oid);
        dev.tusk.access.sequence.SequenceState st = Sequences.am(s.storage()).read(q.rel().locator(), q.rel().name());
        return st.isCalled() ? st.lastValue() : null;
    }

    private static Object currval(FunctionContext ctx, int oid) {
        SessionServices s = services(ctx);
        Seq q = sequence(s, oid);
        Long v = s.sequences().currval(oid);
        if (v == null) {
            throw new TuskException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "currval of sequence \"" + q.rel().name() + "\" is not yet defined in this session");
        }
        return v;
    }

    private static Object lastval(FunctionContext ctx) {
        SessionServices s = services(ctx);
        Integer last = s.sequences().lastUsed();
        if (last == null) {
            throw new TuskException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "lastval is not yet defined in this session");
        }
        if (s.currentCatalog().relation(last) == null) {
            throw new TuskException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "lastval is not yet defined in this session");
        }
        return s.sequences().currval(last);
    }

    private static Object setval(FunctionContext ctx, int oid, long value, boolean isCalled) {
        SessionServices s = services(ctx);
        Seq q = sequence(s, oid);
        if (s.currentTransaction().isReadOnly() && q.rel().persistence() != 't') {
            throw new TuskException(SqlState.READ_ONLY_SQL_TRANSACTION,
                    "cannot execute setval() in a read-only transaction");
        }
        Sequences.am(s.storage()).setval(q.rel().locator(), Sequences.params(q.desc()), q.rel().name(), value,
                isCalled, s.sequences().cache(), s.currentTransaction());
        if (isCalled) {
            s.sequences().recordSetval(oid, value);
        }
        return value;
    }

    private static Object setConfig(FunctionContext ctx, Object[] a) {
        if (a[0] == null) {
            throw new TuskException(SqlState.INVALID_PARAMETER_VALUE, "SET requires parameter name");
        }
        SessionServices s = services(ctx);
        boolean local = Boolean.TRUE.equals(a[2]);
        s.gucs().set((String) a[0], (String) a[1], local, s.superuser());
        return s.gucs().show((String) a[0]);
    }

    private static Iterator<Object> showAllSettings(FunctionContext ctx, int[] argTypes, Object[] args) {
        GucSession g = services(ctx).gucs();
        List<Object> rows = new ArrayList<>();
        for (GucSession.SettingRow r : g.all()) {
            GucDef d = r.def();
            rows.add(new Object[] {d.name(), r.setting(), d.unit().isEmpty() ? null : d.unit(), d.category(),
                d.shortDesc(), d.extraDesc().isEmpty() ? null : d.extraDesc(), d.context().displayName(),
                d.type().displayName(), r.source(), empty(d.minVal()), empty(d.maxVal()),
                d.enumVals().isEmpty() ? null : new ArrayValue(TypeOids.TEXT, new ArrayList<Object>(d.enumVals())),
                d.bootVal(), r.resetVal(), null, null, Boolean.FALSE});
        }
        return rows.iterator();
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
