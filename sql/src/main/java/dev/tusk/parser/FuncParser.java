package dev.tusk.parser;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.AExpr;
import dev.tusk.nodes.ArrayExpr;
import dev.tusk.nodes.CaseExpr;
import dev.tusk.nodes.CaseWhen;
import dev.tusk.nodes.CoalesceExpr;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.FuncCall;
import dev.tusk.nodes.MinMaxExpr;
import dev.tusk.nodes.NamedArgExpr;
import dev.tusk.nodes.RowExpr;
import dev.tusk.nodes.SQLValueFunction;
import dev.tusk.nodes.SetToDefault;
import dev.tusk.nodes.SortBy;
import dev.tusk.nodes.SubLink;
import dev.tusk.nodes.TypeCast;
import dev.tusk.nodes.TypeName;
import dev.tusk.nodes.WindowDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Function calls (func_application with aggregate decorations, FILTER, OVER) and the keyword-led expression
 * forms of gram.y: CASE, CAST, EXISTS, ARRAY, ROW, the SQL-standard value functions, the SQL-syntax functions
 * (EXTRACT, SUBSTRING, POSITION, TRIM, OVERLAY, ...), COALESCE/GREATEST/LEAST/NULLIF and typed literals whose type
 * is a keyword ({@code int '1'}, {@code timestamp with time zone '...'}, {@code interval '1' day}).
 */
final class FuncParser extends GrammarBase {

    FuncParser(Grammar g) {
        super(g);
    }

    /** The expression a keyword introduces, or null when the keyword is just a name here. */
    Expr keywordExpr(Token t, boolean b) {
        int loc = t.start();
        Token n1 = peek(1);
        switch (t.keyword()) {
            case "true", "false" -> {
                next();
                return AConst.ofBool(t.isKeyword("true"), loc);
            }
            case "null" -> {
                next();
                return AConst.ofNull(loc);
            }
            case "default" -> {
                if (b) {
                    return null;
                }
                next();
                return new SetToDefault(loc);
            }
            case "case" -> {
                return caseExpr();
            }
            case "cast" -> {
                next();
                expectPunct("(");
                Expr arg = g.expr.aExpr();
                expectKw("as");
                TypeName tn = g.types.typename();
                expectPunct(")");
                return new TypeCast(arg, tn, loc);
            }
            case "exists" -> {
                if (!n1.isPunct("(")) {
                    return null;
                }
                next();
                return new SubLink(SubLink.Type.EXISTS, null, List.of(), g.select.selectWithParens(), loc);
            }
            case "array" -> {
                next();
                if (isPunct("[")) {
                    return arrayBrackets(loc);
                }
                if (isPunct("(")) {
                    return new SubLink(SubLink.Type.ARRAY, null, List.of(), g.select.selectWithParens(), loc);
                }
                throw syntaxError();
            }
            case "row" -> {
                if (!n1.isPunct("(")) {
                    return null;
                }
                next();
                next();
                List<Expr> args = isPunct(")") ? List.of() : g.expr.exprList();
                expectPunct(")");
                return new RowExpr(args, true, loc);
            }
            case "current_date" -> {
                next();
                return new SQLValueFunction(SQLValueFunction.Op.CURRENT_DATE, -1, loc);
            }
            case "current_time", "current_timestamp", "localtime", "localtimestamp" -> {
                next();
                int p = -1;
                if (isPunct("(")) {
                    next();
                    p = iconst();
                    expectPunct(")");
                }
                SQLValueFunction.Op op = switch (t.keyword()) {
                    case "current_time" -> p < 0 ? SQLValueFunction.Op.CURRENT_TIME : SQLValueFunction.Op.CURRENT_TIME_N;
                    case "current_timestamp" -> p < 0 ? SQLValueFunction.Op.CURRENT_TIMESTAMP
                            : SQLValueFunction.Op.CURRENT_TIMESTAMP_N;
                    case "localtime" -> p < 0 ? SQLValueFunction.Op.LOCALTIME : SQLValueFunction.Op.LOCALTIME_N;
                    default -> p < 0 ? SQLValueFunction.Op.LOCALTIMESTAMP : SQLValueFunction.Op.LOCALTIMESTAMP_N;
                };
                return new SQLValueFunction(op, p, loc);
            }
            case "current_role", "current_user", "user", "session_user", "current_catalog", "current_schema" -> {
                if (t.isKeyword("current_schema") && n1.isPunct("(")) {
                    return null;
                }
                next();
                SQLValueFunction.Op op = switch (t.keyword()) {
                    case "current_role" -> SQLValueFunction.Op.CURRENT_ROLE;
                    case "current_user" -> SQLValueFunction.Op.CURRENT_USER;
                    case "user" -> SQLValueFunction.Op.USER;
                    case "session_user" -> SQLValueFunction.Op.SESSION_USER;
                    case "current_catalog" -> SQLValueFunction.Op.CURRENT_CATALOG;
                    default -> SQLValueFunction.Op.CURRENT_SCHEMA;
                };
                return new SQLValueFunction(op, -1, loc);
            }
            case "coalesce", "greatest", "least" -> {
                if (!n1.isPunct("(")) {
                    return null;
                }
                next();
                List<Expr> args = g.expr.parenExprList();
                return switch (t.keyword()) {
                    case "coalesce" -> new CoalesceExpr(args, loc);
                    case "greatest" -> new MinMaxExpr(MinMaxExpr.Op.GREATEST, args, loc);
                    default -> new MinMaxExpr(MinMaxExpr.Op.LEAST, args, loc);
                };
            }
            case "nullif" -> {
                if (!n1.isPunct("(")) {
                    return null;
                }
                next();
                next();
                Expr a = g.expr.aExpr();
                expectPunct(",");
                Expr c = g.expr.aExpr();
                expectPunct(")");
                return new AExpr(AExpr.Kind.NULLIF, List.of("="), a, c, loc);
            }
            case "extract" -> {
                return n1.isPunct("(") ? extract(loc) : null;
            }
            case "substring" -> {
                return n1.isPunct("(") ? substring(loc) : null;
            }
            case "position" -> {
                return n1.isPunct("(") ? position(loc) : null;
            }
            case "trim" -> {
                return n1.isPunct("(") ? trim(loc) : null;
            }
            case "overlay" -> {
                return n1.isPunct("(") ? overlay(loc) : null;
            }
            case "normalize" -> {
                if (!n1.isPunct("(")) {
                    return null;
                }
                next();
                next();
                List<Expr> args = new ArrayList<>();
                args.add(g.expr.aExpr());
                if (acceptPunct(",")) {
                    Token f = next();
                    if (!(f.isKeyword("nfc") || f.isKeyword("nfd") || f.isKeyword("nfkc") || f.isKeyword("nfkd"))) {
                        throw syntaxErrorAt(f);
                    }
                    args.add(AConst.ofString(f.keyword().toUpperCase(), f.start()));
                }
                expectPunct(")");
                return sqlSyntax("normalize", args, loc);
            }
            case "collation" -> {
                if (!n1.isKeyword("for")) {
                    return null;
                }
                next();
                next();
                expectPunct("(");
                Expr a = g.expr.aExpr();
                expectPunct(")");
                return sqlSyntax("pg_collation_for", List.of(a), loc);
            }
            case "grouping" -> {
                if (!n1.isPunct("(")) {
                    return null;
                }
                next();
                return FuncCall.of(List.of("grouping"), g.expr.parenExprList(), loc);
            }
            default -> {
                return typedLiteral(t);
            }
        }
    }

    private static FuncCall sqlSyntax(String name, List<Expr> args, int loc) {
        return new FuncCall(List.of("pg_catalog", name), args, List.of(), null, null, false, false, false, false,
                FuncCall.Form.SQL_SYNTAX, loc);
    }

    /** ConstTypename Sconst and ConstInterval forms; null when the keyword is not a type here. */
    private Expr typedLiteral(Token t) {
        if (!g.types.startsConstTypename(0)) {
            return null;
        }
        int mark = ts.mark();
        TypeName tn;
        try {
            tn = g.types.constTypename();
        } catch (dev.tusk.utils.error.TuskException e) {
            ts.reset(mark);
            if (isColId(t)) {
                return null;
            }
            throw e;
        }
        if (peek().kind() != TokenKind.SCONST) {
            if (ts.mark() == mark + 1 && isColId(t)) {
                // a single col_name keyword not followed by a string is a column name (e.g. "time")
                ts.reset(mark);
                return null;
            }
            throw syntaxError();
        }
        Token s = next();
        if (t.isKeyword("interval") && tn.typmods().isEmpty()) {
            // INTERVAL 'x' opt_interval: the fields follow the string
            tn = g.types.intervalFieldsAfterLiteral(tn);
        }
        return new TypeCast(AConst.ofString(s.value(), s.start()), tn, -1);
    }

    private Expr caseExpr() {
        Token c = next();
        Expr arg = null;
        if (!isKw("when")) {
            arg = g.expr.aExpr();
        }
        List<CaseWhen> whens = new ArrayList<>();
        do {
            Token w = expectKw("when");
            Expr cond = g.expr.aExpr();
            expectKw("then");
            Expr res = g.expr.aExpr();
            whens.add(new CaseWhen(cond, res, w.start()));
        } while (isKw("when"));
        Expr def = null;
        if (acceptKw("else")) {
            def = g.expr.aExpr();
        }
        expectKw("end");
        return new CaseExpr(arg, whens, def, c.start());
    }

    /** '[' expr_list | array_expr_list | empty ']' after ARRAY (location of ARRAY) or nested (location of '['). */
    private Expr arrayBrackets(int location) {
        expectPunct("[");
        List<Expr> elems = new ArrayList<>();
        if (isPunct("[")) {
            do {
                elems.add(arrayBrackets(peek().start()));
            } while (acceptPunct(","));
        } else if (!isPunct("]")) {
            elems.addAll(g.expr.exprList());
        }
        expectPunct("]");
        return new ArrayExpr(elems, location);
    }

    private Expr extract(int loc) {
        next();
        expectPunct("(");
        Token f = peek();
        String field;
        if (f.kind() == TokenKind.SCONST) {
            field = next().value();
        } else if (f.kind() == TokenKind.IDENT && (f.keyword() == null || f.isKeyword("year") || f.isKeyword("month")
                || f.isKeyword("day") || f.isKeyword("hour") || f.isKeyword("minute") || f.isKeyword("second"))) {
            field = next().value();
        } else {
            throw syntaxError();
        }
        expectKw("from");
        Expr src = g.expr.aExpr();
        expectPunct(")");
        return sqlSyntax("extract", List.of(AConst.ofString(field, f.start()), src), loc);
    }

    private Expr substring(int loc) {
        next();
        expectPunct("(");
        if (isPunct(")")) {
            next();
            return FuncCall.of(List.of("pg_catalog", "substring"), List.of(), loc);
        }
        Expr a = g.expr.aExpr();
        if (acceptKw("from")) {
            Expr from = g.expr.aExpr();
            if (acceptKw("for")) {
                Expr len = g.expr.aExpr();
                expectPunct(")");
                return sqlSyntax("substring", List.of(a, from, len), loc);
            }
            expectPunct(")");
            return sqlSyntax("substring", List.of(a, from), loc);
        }
        if (acceptKw("for")) {
            Expr len = g.expr.aExpr();
            if (acceptKw("from")) {
                Expr from = g.expr.aExpr();
                expectPunct(")");
                return sqlSyntax("substring", List.of(a, from, len), loc);
            }
            expectPunct(")");
            return sqlSyntax("substring", List.of(a, AConst.ofInt(1, -1), len), loc);
        }
        if (acceptKw("similar")) {
            Expr pat = g.expr.aExpr();
            expectKw("escape");
            Expr esc = g.expr.aExpr();
            expectPunct(")");
            return sqlSyntax("substring", List.of(a, pat, esc), loc);
        }
        List<Expr> args = new ArrayList<>();
        args.add(a);
        while (acceptPunct(",")) {
            args.add(g.expr.aExpr());
        }
        expectPunct(")");
        return FuncCall.of(List.of("pg_catalog", "substring"), args, loc);
    }

    private Expr position(int loc) {
        next();
        expectPunct("(");
        Expr needle = g.expr.bExpr();
        expectKw("in");
        Expr haystack = g.expr.bExpr();
        expectPunct(")");
        return sqlSyntax("position", List.of(haystack, needle), loc);
    }

    private Expr trim(int loc) {
        next();
        expectPunct("(");
        String fn = "btrim";
        if (acceptKw("both")) {
            fn = "btrim";
        } else if (acceptKw("leading")) {
            fn = "ltrim";
        } else if (acceptKw("trailing")) {
            fn = "rtrim";
        }
        List<Expr> args;
        if (acceptKw("from")) {
            args = g.expr.exprList();
        } else {
            Expr first = g.expr.aExpr();
            if (acceptKw("from")) {
                args = new ArrayList<>(g.expr.exprList());
                args.add(first);
            } else {
                args = new ArrayList<>();
                args.add(first);
                while (acceptPunct(",")) {
                    args.add(g.expr.aExpr());
                }
            }
        }
        expectPunct(")");
        return sqlSyntax(fn, args, loc);
    }

    private Expr overlay(int loc) {
        next();
        expectPunct("(");
        if (isPunct(")")) {
            next();
            return FuncCall.of(List.of("pg_catalog", "overlay"), List.of(), loc);
        }
        Expr a = g.expr.aExpr();
        if (acceptKw("placing")) {
            Expr b = g.expr.aExpr();
            expectKw("from");
            Expr c = g.expr.aExpr();
            if (acceptKw("for")) {
                Expr d = g.expr.aExpr();
                expectPunct(")");
                return sqlSyntax("overlay", List.of(a, b, c, d), loc);
            }
            expectPunct(")");
            return sqlSyntax("overlay", List.of(a, b, c), loc);
        }
        List<Expr> args = new ArrayList<>();
        args.add(a);
        while (acceptPunct(",")) {
            args.add(g.expr.aExpr());
        }
        expectPunct(")");
        return FuncCall.of(List.of("pg_catalog", "overlay"), args, loc);
    }

    // ---- ordinary function calls ----

    /** func_application within_group_clause filter_clause over_clause, the name already consumed; at '('. */
    Expr functionCall(List<String> name, int loc) {
        FuncCall f = funcApplication(name, loc);
        List<SortBy> order = f.aggOrder();
        boolean withinGroup = false;
        if (isKw("within")) {
            Token w = next();
            expectKw("group");
            expectPunct("(");
            expectKw("order");
            expectKw("by");
            List<SortBy> wg = g.select.sortByList();
            expectPunct(")");
            if (!order.isEmpty()) {
                throw errorAt("cannot use multiple ORDER BY clauses with WITHIN GROUP", w.start());
            }
            if (f.aggDistinct()) {
                throw errorAt("cannot use DISTINCT with WITHIN GROUP", w.start());
            }
            if (f.funcVariadic()) {
                throw errorAt("cannot use VARIADIC with WITHIN GROUP", w.start());
            }
            order = wg;
            withinGroup = true;
        }
        Expr filter = null;
        if (isKw("filter") && isPunct(1, "(")) {
            next();
            next();
            expectKw("where");
            filter = g.expr.aExpr();
            expectPunct(")");
        }
        WindowDef over = null;
        if (isKw("over")) {
            next();
            if (isPunct("(")) {
                over = windowSpecification(null);
            } else {
                Token n = peek();
                over = new WindowDef(null, colId(), List.of(), List.of(), WindowDef.FRAMEOPTION_DEFAULTS, null, null,
                        n.start());
            }
        }
        if (!withinGroup && filter == null && over == null && order.isEmpty() && !f.aggStar() && !f.aggDistinct()
                && peek().kind() == TokenKind.SCONST && !f.funcVariadic()) {
            // func_name '(' args ')' Sconst: a typed literal with type modifiers, e.g. mytype(3) 'x'
            Token s = next();
            return new TypeCast(AConst.ofString(s.value(), s.start()),
                    new TypeName(name, f.args(), List.of(), false, false, loc), -1);
        }
        return new FuncCall(f.funcname(), f.args(), order, filter, over, withinGroup, f.aggStar(), f.aggDistinct(),
                f.funcVariadic(), FuncCall.Form.NORMAL, loc);
    }

    /** func_application: name '(' [ '*' | [ALL|DISTINCT] args [ORDER BY ...] | VARIADIC ...] ')'. */
    FuncCall funcApplication(List<String> name, int loc) {
        expectPunct("(");
        if (isOp("*")) {
            next();
            expectPunct(")");
            return new FuncCall(name, List.of(), List.of(), null, null, false, true, false, false,
                    FuncCall.Form.NORMAL, loc);
        }
        if (acceptPunct(")")) {
            return FuncCall.of(name, List.of(), loc);
        }
        boolean distinct = false;
        if (acceptKw("distinct")) {
            distinct = true;
        } else {
            acceptKw("all");
        }
        List<Expr> args = new ArrayList<>();
        boolean variadic = false;
        while (true) {
            if (!distinct && acceptKw("variadic")) {
                variadic = true;
                args.add(funcArgExpr());
                break;
            }
            args.add(funcArgExpr());
            if (!acceptPunct(",")) {
                break;
            }
        }
        List<SortBy> order = List.of();
        if (isKw("order") && isKw(1, "by")) {
            next();
            next();
            order = g.select.sortByList();
        }
        expectPunct(")");
        return new FuncCall(name, args, order, null, null, false, false, distinct, variadic, FuncCall.Form.NORMAL,
                loc);
    }

    /** func_arg_expr: a_expr | param_name := a_expr | param_name => a_expr. */
    private Expr funcArgExpr() {
        Token t = peek();
        if (isTypeFunctionName(t) && (peek(1).isPunct(":=") || peek(1).isPunct("=>"))) {
            next();
            next();
            Expr arg = g.expr.aExpr();
            return new NamedArgExpr(arg, t.value(), t.start());
        }
        return g.expr.aExpr();
    }

    /** window_specification: '(' [existing name] [PARTITION BY ...] [ORDER BY ...] [frame] ')'. */
    WindowDef windowSpecification(String name) {
        Token open = expectPunct("(");
        String ref = null;
        if (isColId(peek()) && !(isKw("partition") && isKw(1, "by")) && !isKw("range") && !isKw("rows")
                && !isKw("groups")) {
            ref = next().value();
        }
        List<Expr> partition = List.of();
        if (isKw("partition") && isKw(1, "by")) {
            next();
            next();
            partition = g.expr.exprList();
        }
        List<SortBy> order = List.of();
        if (isKw("order") && isKw(1, "by")) {
            next();
            next();
            order = g.select.sortByList();
        }
        int options = WindowDef.FRAMEOPTION_DEFAULTS;
        Expr start = null;
        Expr end = null;
        if (isKw("range") || isKw("rows") || isKw("groups")) {
            Token mode = next();
            options = WindowDef.FRAMEOPTION_NONDEFAULT | switch (mode.keyword()) {
                case "range" -> WindowDef.FRAMEOPTION_RANGE;
                case "rows" -> WindowDef.FRAMEOPTION_ROWS;
                default -> WindowDef.FRAMEOPTION_GROUPS;
            };
            Object[] bound = new Object[2];
            if (acceptKw("between")) {
                options |= WindowDef.FRAMEOPTION_BETWEEN;
                Token sTok = peek();
                int s = frameBound(bound, 0);
                expectKw("and");
                Token eTok = peek();
                int e = frameBound(bound, 1);
                if ((s & FB_UNBOUNDED_FOLLOWING) != 0) {
                    throw errorAt(dev.tusk.utils.error.SqlState.WINDOWING_ERROR,
                            "frame start cannot be UNBOUNDED FOLLOWING", sTok.start());
                }
                if ((e & FB_UNBOUNDED_PRECEDING) != 0) {
                    throw errorAt(dev.tusk.utils.error.SqlState.WINDOWING_ERROR,
                            "frame end cannot be UNBOUNDED PRECEDING", eTok.start());
                }
                options |= startBits(s) | endBits(e);
            } else {
                Token sTok = peek();
                int s = frameBound(bound, 0);
                if ((s & FB_UNBOUNDED_FOLLOWING) != 0) {
                    throw errorAt(dev.tusk.utils.error.SqlState.WINDOWING_ERROR,
                            "frame start cannot be UNBOUNDED FOLLOWING", sTok.start());
                }
                if ((s & FB_OFFSET_FOLLOWING) != 0) {
                    throw errorAt(dev.tusk.utils.error.SqlState.WINDOWING_ERROR,
                            "frame starting from following row cannot end with current row", sTok.start());
                }
                options |= startBits(s) | WindowDef.FRAMEOPTION_END_CURRENT_ROW;
            }
            start = (Expr) bound[0];
            end = (Expr) bound[1];
            if (acceptKw("exclude")) {
                if (acceptKws("current", "row")) {
                    options |= WindowDef.FRAMEOPTION_EXCLUDE_CURRENT_ROW;
                } else if (acceptKw("group")) {
                    options |= WindowDef.FRAMEOPTION_EXCLUDE_GROUP;
                } else if (acceptKw("ties")) {
                    options |= WindowDef.FRAMEOPTION_EXCLUDE_TIES;
                } else {
                    expectKw("no");
                    expectKw("others");
                }
            }
        }
        expectPunct(")");
        return new WindowDef(name, ref, partition, order, options, start, end, open.start());
    }

    private static final int FB_UNBOUNDED_PRECEDING = 1;
    private static final int FB_UNBOUNDED_FOLLOWING = 2;
    private static final int FB_CURRENT_ROW = 4;
    private static final int FB_OFFSET_PRECEDING = 8;
    private static final int FB_OFFSET_FOLLOWING = 16;

    private int frameBound(Object[] bound, int slot) {
        if (acceptKws("unbounded", "preceding")) {
            return FB_UNBOUNDED_PRECEDING;
        }
        if (acceptKws("unbounded", "following")) {
            return FB_UNBOUNDED_FOLLOWING;
        }
        if (acceptKws("current", "row")) {
            return FB_CURRENT_ROW;
        }
        Expr e = g.expr.aExpr();
        bound[slot] = e;
        if (acceptKw("preceding")) {
            return FB_OFFSET_PRECEDING;
        }
        expectKw("following");
        return FB_OFFSET_FOLLOWING;
    }

    private static int startBits(int fb) {
        return switch (fb) {
            case FB_UNBOUNDED_PRECEDING -> WindowDef.FRAMEOPTION_START_UNBOUNDED_PRECEDING;
            case FB_UNBOUNDED_FOLLOWING -> WindowDef.FRAMEOPTION_START_UNBOUNDED_FOLLOWING;
            case FB_CURRENT_ROW -> WindowDef.FRAMEOPTION_START_CURRENT_ROW;
            case FB_OFFSET_PRECEDING -> WindowDef.FRAMEOPTION_START_OFFSET_PRECEDING;
            default -> WindowDef.FRAMEOPTION_START_OFFSET_FOLLOWING;
        };
    }

    private static int endBits(int fb) {
        return switch (fb) {
            case FB_UNBOUNDED_PRECEDING -> WindowDef.FRAMEOPTION_END_UNBOUNDED_PRECEDING;
            case FB_UNBOUNDED_FOLLOWING -> WindowDef.FRAMEOPTION_END_UNBOUNDED_FOLLOWING;
            case FB_CURRENT_ROW -> WindowDef.FRAMEOPTION_END_CURRENT_ROW;
            case FB_OFFSET_PRECEDING -> WindowDef.FRAMEOPTION_END_OFFSET_PRECEDING;
            default -> WindowDef.FRAMEOPTION_END_OFFSET_FOLLOWING;
        };
    }
}
