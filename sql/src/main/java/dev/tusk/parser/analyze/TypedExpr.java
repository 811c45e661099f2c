package dev.tusk.parser.analyze;

import dev.tusk.nodes.BooleanTest;
import dev.tusk.nodes.SQLValueFunction;
import dev.tusk.utils.fmgr.FunctionDef;
import dev.tusk.utils.fmgr.OperatorDef;
import java.util.List;

/**
 * An analyzed expression (PostgreSQL's primnodes.h after parse analysis): names resolved, every node typed
 * ({@link #type()} is a pg_type OID, {@link #typmod()} -1 when none), implicit coercions explicit as
 * {@link Cast} or {@link Func} nodes. Immutable records, compared structurally (GROUP BY matching relies on it).
 * {@code location} fields are 0-based offsets into the query text, -1 when unknown.
 */
public sealed interface TypedExpr {
    int type();

    default int typmod() {
        return -1;
    }

    /** A constant; an undecorated string literal has type unknown (705) and a String value until coerced. */
    record Const(int type, int typmod, Object value, int location) implements TypedExpr {
        public static Const of(int type, Object value) {
            return new Const(type, -1, value, -1);
        }

        public boolean isNull() {
            return value == null;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Const c && c.type == type && c.typmod == typmod
                    && java.util.Objects.equals(c.value, value);
        }

        @Override
        public int hashCode() {
            return type * 31 + java.util.Objects.hashCode(value);
        }
    }

    /**
     * A column of range-table entry {@code rtIndex} (0-based) of the query {@code levelsUp} levels out (0 = this
     * query). {@code attno} is 1-based: for a table, the attnum (so the stored row's index is attno-1); for a
     * subquery, VALUES, function or CTE, the output column number. {@link #CTID_ATTNO} is the system column
     * ctid (type tid).
     */
    record Var(int levelsUp, int rtIndex, int attno, int type, int typmod, int location) implements TypedExpr {
        public static final int CTID_ATTNO = -1;

        public Var withLevelsUp(int n) {
            return new Var(n, rtIndex, attno, type, typmod, location);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Var v && v.levelsUp == levelsUp && v.rtIndex == rtIndex && v.attno == attno;
        }

        @Override
        public int hashCode() {
            return (levelsUp * 31 + rtIndex) * 31 + attno;
        }
    }

    /** $number (1-based). */
    record Param(int number, int type, int location) implements TypedExpr {
        @Override
        public boolean equals(Object o) {
            return o instanceof Param p && p.number == number && p.type == type;
        }

        @Override
        public int hashCode() {
            return number;
        }
    }

    /** How a {@link Func} or {@link Cast} was written (PostgreSQL's CoercionForm), for deparsing. */
    enum Form { CALL, EXPLICIT_CAST, IMPLICIT_CAST }

    /** A function call; {@code argTypes} are the argument types the body receives. */
    record Func(FunctionDef function, List<TypedExpr> args, int[] argTypes, int type, int typmod, Form form,
            int location) implements TypedExpr {
        @Override
        public boolean equals(Object o) {
            return o instanceof Func f && f.function.oid() == function.oid() && f.args.equals(args)
                    && java.util.Arrays.equals(f.argTypes, argTypes) && f.type == type && f.typmod == typmod;
        }

        @Override
        public int hashCode() {
            return function.oid() * 31 + args.hashCode();
        }
    }

    /** An operator application; {@code left} is null for a prefix operator. */
    record Op(OperatorDef operator, TypedExpr left, TypedExpr right, int type, int location) implements TypedExpr {
        @Override
        public boolean equals(Object o) {
            return o instanceof Op p && p.operator.oid() == operator.oid() && java.util.Objects.equals(p.left, left)
                    && p.right.equals(right);
        }

        @Override
        public int hashCode() {
            return operator.oid() * 31 + right.hashCode();
        }
    }

    enum BoolKind { AND, OR, NOT }

    record Bool(BoolKind kind, List<TypedExpr> args) implements TypedExpr {
        @Override
        public int type() {
            return dev.tusk.utils.adt.TypeOids.BOOL;
        }
    }

    record NullTest(TypedExpr arg, boolean isNull) implements TypedExpr {
        @Override
        public int type() {
            return dev.tusk.utils.adt.TypeOids.BOOL;
        }
    }

    record BoolTest(TypedExpr arg, BooleanTest.TestType test) implements TypedExpr {
        @Override
        public int type() {
            return dev.tusk.utils.adt.TypeOids.BOOL;
        }
    }

    /** CASE; with an {@code arg}, each condition compares a {@link CaseTest} (the arg's value) to the WHEN value. */
    record Case(TypedExpr arg, List<When> whens, TypedExpr elseExpr, int type, int typmod) implements TypedExpr {
    }

    record When(TypedExpr condition, TypedExpr result) {
    }

    /** The value of the enclosing simple CASE's argument. */
    record CaseTest(int type, int typmod) implements TypedExpr {
    }

    record Coalesce(List<TypedExpr> args, int type, int typmod) implements TypedExpr {
    }

    /** GREATEST/LEAST, comparing with the type's btree order. */
    record MinMax(boolean greatest, List<TypedExpr> args, int type, int typmod) implements TypedExpr {
    }

    /** NULLIF(l, r): null when {@code eq(l, r)}, else l. */
    record NullIf(OperatorDef eq, TypedExpr left, TypedExpr right, int type) implements TypedExpr {
    }

    /** l IS [NOT] DISTINCT FROM r ({@code not} = IS NOT DISTINCT FROM). */
    record Distinct(OperatorDef eq, TypedExpr left, TypedExpr right, boolean not) implements TypedExpr {
        @Override
        public int type() {
            return dev.tusk.utils.adt.TypeOids.BOOL;
        }
    }

    /** {@code left op ANY/ALL (array)}; IN (list) becomes {@code = ANY (ARRAY[...])} as in PostgreSQL. */
    record ScalarArrayOp(OperatorDef operator, boolean useOr, TypedExpr left, TypedExpr array) implements TypedExpr {
        @Override
        public int type() {
            return dev.tusk.utils.adt.TypeOids.BOOL;
        }
    }

    /** ARRAY[...] of one-dimensional arrays. */
    record ArrayBuild(int elementType, int type, List<TypedExpr> elements) implements TypedExpr {
    }

    /** ROW(...) / (a, b); value is an Object[]. */
    record Row(List<TypedExpr> args) implements TypedExpr {
        @Override
        public int type() {
            return dev.tusk.utils.adt.TypeOids.RECORD;
        }
    }

    /**
     * A type coercion: {@code arg} converted along {@code path} (H3's find_coercion_pathway result) to
     * {@code type}, then {@code typmod} applied; {@code explicit} for CAST/:: (strings truncate instead of 22001).
     */
    record Cast(TypedExpr arg, int type, int typmod, dev.tusk.utils.adt.Casts.CastPath path, boolean explicit,
            Form form, int location) implements TypedExpr {
        @Override
        public boolean equals(Object o) {
            return o instanceof Cast c && c.arg.equals(arg) && c.type == type && c.typmod == typmod
                    && c.explicit == explicit;
        }

        @Override
        public int hashCode() {
            return arg.hashCode() * 31 + type;
        }
    }

    /** The SubLink kinds (PostgreSQL's SubLinkType). */
    enum SubLinkKind { EXISTS, ANY, ALL, EXPR, ARRAY }

    /**
     * A subquery used as a value. For ANY/ALL, {@code testExprs} are the left operands (one per subquery output
     * column) and {@code operators} the comparison per column.
     */
    record SubLink(SubLinkKind kind, Query subquery, List<TypedExpr> testExprs, List<OperatorDef> operators,
            int type, int location) implements TypedExpr {
    }

    /** An aggregate call of this query level (an outer level's aggregate is wrapped in {@link UpperAggref}). */
    record Aggref(FunctionDef aggregate, List<TypedExpr> args, boolean star, boolean distinct, TypedExpr filter,
            List<SortItem> order, int type, int location) implements TypedExpr {
        @Override
        public boolean equals(Object o) {
            return o instanceof Aggref a && a.aggregate.oid() == aggregate.oid() && a.args.equals(args)
                    && a.star == star && a.distinct == distinct && java.util.Objects.equals(a.filter, filter)
                    && a.order.equals(order);
        }

        @Override
        public int hashCode() {
            return aggregate.oid() * 31 + args.hashCode();
        }
    }

    /**
     * A window function call (PostgreSQL's WindowFunc): a built-in window function ({@code aggregate} null) or an
     * aggregate over the window frame. Built by WindowAnalyzer, computed by the executor's WindowAgg.
     */
    record WindowFunc(String name, FunctionDef aggregate, List<TypedExpr> args, boolean star, TypedExpr filter,
            WindowSpec window, int type, int location) implements TypedExpr {
        @Override
        public boolean equals(Object o) {
            return o instanceof WindowFunc w && w.name.equals(name) && w.args.equals(args) && w.star == star
                    && java.util.Objects.equals(w.filter, filter) && w.window.equals(window) && w.type == type;
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + args.hashCode();
        }
    }

    /** CURRENT_DATE, CURRENT_USER, ... */
    record SqlValue(SQLValueFunction.Op op, int type, int typmod) implements TypedExpr {
    }

    /** {@code array[index]} (1-based), null when out of range. */
    record Subscript(TypedExpr array, TypedExpr index, int type) implements TypedExpr {
    }

    /**
     * {@code (arg).field} on a composite value (PostgreSQL's FieldSelect): {@code field} is the 0-based position
     * in the Object[] row value, {@code name} the field name for deparsing.
     */
    record FieldSelect(TypedExpr arg, int field, String name, int type) implements TypedExpr {
    }

    /**
     * An aggregate whose arguments use only columns of a query {@code levelsUp} levels out (PostgreSQL's Aggref
     * with agglevelsup &gt; 0): that query computes it, and here it is an outer reference like a Var.
     * {@code agg}'s Vars are relative to that outer query.
     */
    record UpperAggref(int levelsUp, Aggref agg) implements TypedExpr {
        @Override
        public int type() {
            return agg.type();
        }
    }
}
