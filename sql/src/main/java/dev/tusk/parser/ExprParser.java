package dev.tusk.parser;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.AExpr;
import dev.tusk.nodes.AIndices;
import dev.tusk.nodes.AIndirection;
import dev.tusk.nodes.BoolExpr;
import dev.tusk.nodes.BooleanTest;
import dev.tusk.nodes.CollateClause;
import dev.tusk.nodes.ColumnRef;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.ExprList;
import dev.tusk.nodes.FuncCall;
import dev.tusk.nodes.IndirectionItem;
import dev.tusk.nodes.NullTest;
import dev.tusk.nodes.ParamRef;
import dev.tusk.nodes.RowExpr;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.nodes.SetToDefault;
import dev.tusk.nodes.SubLink;
import dev.tusk.nodes.TypeCast;
import dev.tusk.nodes.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Value expressions by precedence climbing over PostgreSQL's precedence table (gram.y's %left/%right/%nonassoc
 * list): OR &lt; AND &lt; NOT &lt; IS/ISNULL/NOTNULL &lt; comparison &lt; BETWEEN/IN/LIKE/ILIKE/SIMILAR &lt; ESCAPE
 * &lt; other operators &lt; + - &lt; * / % &lt; ^ &lt; AT TIME ZONE &lt; COLLATE &lt; unary minus &lt; [ ] &lt; ::.
 * Non-associative levels reject a second operator of the same level right after the first, as bison does
 * ({@code a &lt; b &lt; c} fails at the second &lt;). {@code b_expr} (the restricted form used by DEFAULT and
 * BETWEEN's lower bound) is the same climber with the boolean, IS-test and pattern operators switched off.
 */
final class ExprParser extends GrammarBase {
    static final int OR = 1;
    static final int AND = 2;
    static final int NOT = 3;
    static final int IS = 4;
    static final int CMP = 5;
    static final int LIKE = 6;
    static final int ESCAPE = 7;
    static final int OP = 9;
    static final int ADD = 10;
    static final int MUL = 11;
    static final int EXP = 12;
    static final int AT = 13;
    static final int COLLATE = 14;
    static final int UMINUS = 15;
    static final int TYPECAST = 17;

    private static final Set<String> COMPARISON = Set.of("<", ">", "=", "<=", ">=", "<>");
    private static final Set<String> IS_FOLLOWERS = Set.of("not", "null", "true", "false", "unknown", "distinct",
            "document", "normalized", "nfc", "nfd", "nfkc", "nfkd");
    private static final Set<String> RESERVED_EXPR_STARTERS = Set.of("array", "case", "cast", "current_catalog",
            "current_date", "current_role", "current_time", "current_timestamp", "current_user", "default", "false",
            "localtime", "localtimestamp", "not", "null", "session_user", "true", "user", "unique");

    ExprParser(Grammar g) {
        super(g);
    }

    /** a_expr. */
    Expr aExpr() {
        return expr(0, false, false);
    }

    /** a_expr as a select-list item that may be followed by a bare column label. */
    Expr aExprBeforeLabel() {
        return expr(0, false, true);
    }

    /** b_expr. */
    Expr bExpr() {
        return expr(0, true, false);
    }

    /** expr_list. */
    List<Expr> exprList() {
        List<Expr> l = new ArrayList<>();
        do {
            l.add(aExpr());
        } while (acceptPunct(","));
        return l;
    }

    /** '(' expr_list ')'. */
    List<Expr> parenExprList() {
        expectPunct("(");
        List<Expr> l = exprList();
        expectPunct(")");
        return l;
    }

    /** Whether {@code t} can begin an a_expr. */
    static boolean canStartExpr(Token t) {
        switch (t.kind()) {
            case ICONST, FCONST, SCONST, BCONST, XCONST, PARAM -> {
                return true;
            }
            case OP -> {
                return isPrefixOperator(t);
            }
            case PUNCT -> {
                return t.value().equals("(");
            }
            case IDENT -> {
                return t.category() != Keywords.Category.RESERVED || RESERVED_EXPR_STARTERS.contains(t.keyword());
            }
            default -> {
                return false;
            }
        }
    }

    /** Operators that may be prefix operators: + and -, and gram.y's Op class (not the other MathOp characters). */
    static boolean isPrefixOperator(Token t) {
        return t.kind() == TokenKind.OP && switch (t.value()) {
            case "*", "/", "%", "^", "<", ">", "=", "<=", ">=", "<>" -> false;
            default -> true;
        };
    }

    /** True if the current token starts, after any number of '(', a SELECT/VALUES/WITH/TABLE. */
    boolean looksLikeSelect() {
        int k = 0;
        while (peek(k).isPunct("(")) {
            k++;
        }
        Token t = peek(k);
        return k > 0 && (t.isKeyword("select") || t.isKeyword("values") || t.isKeyword("with")
                || t.isKeyword("table"));
    }

    // ---- the climber ----

    private Expr expr(int min, boolean b, boolean label) {
        Expr left = prefix(b);
        int lastNonassoc = -1;
        while (true) {
            Token t = peek();
            if (label && min == 0 && t.keyword() != null && isBareColLabel(t) && !continuesAsOperator(t)) {
                break;
            }
            int lvl = infixLevel(t, b);
            if (lvl < 0 || lvl < min) {
                break;
            }
            if (lvl == lastNonassoc) {
                throw syntaxError();
            }
            boolean nonassoc = lvl == IS || lvl == CMP || lvl == LIKE;
            boolean postfix = false;
            if (t.kind() == TokenKind.OP || t.isKeyword("operator")) {
                left = binaryOperator(left, lvl, b);
            } else if (t.isPunct("::")) {
                next();
                TypeName tn = g.types.typename();
                left = new TypeCast(left, tn, t.start());
                postfix = true;
            } else {
                switch (t.keyword()) {
                    case "or", "and" -> {
                        next();
                        Expr right = expr(lvl + 1, false, false);
                        left = makeBool(t.keyword().equals("or") ? BoolExpr.BoolOp.OR : BoolExpr.BoolOp.AND, left,
                                right, t.start());
                    }
                    case "is" -> {
                        Expr r = isClause(left, b);
                        postfix = !(r instanceof AExpr);
                        left = r;
                    }
                    case "isnull", "notnull" -> {
                        next();
                        left = new NullTest(left, t.keyword().equals("isnull"), t.start());
                        postfix = true;
                    }
                    case "not" -> left = notPattern(left);
                    case "between", "in", "like", "ilike", "similar" -> left = pattern(left, false, t);
                    case "at" -> {
                        next();
                        expectKw("time");
                        expectKw("zone");
                        Expr zone = expr(AT + 1, false, false);
                        left = new FuncCall(List.of("pg_catalog", "timezone"), List.of(zone, left), List.of(), null,
                                null, false, false, false, false, FuncCall.Form.SQL_SYNTAX, t.start());
                    }
                    case "collate" -> {
                        next();
                        left = new CollateClause(left, anyName(), t.start());
                        postfix = true;
                    }
                    default -> throw syntaxError();
                }
            }
            lastNonassoc = nonassoc && !postfix ? lvl : -1;
        }
        return left;
    }

    /** The precedence level of {@code t} as an infix/postfix operator, -1 if it is none. */
    private int infixLevel(Token t, boolean b) {
        switch (t.kind()) {
            case OP -> {
                String v = t.value();
                if (COMPARISON.contains(v)) {
                    return CMP;
                }
                return switch (v) {
                    case "+", "-" -> ADD;
                    case "*", "/", "%" -> MUL;
                    case "^" -> EXP;
                    default -> OP;
                };
            }
            case PUNCT -> {
                return t.value().equals("::") ? TYPECAST : -1;
            }
            case IDENT -> {
                if (t.keyword() == null) {
                    return -1;
                }
                return switch (t.keyword()) {
                    case "or" -> b ? -1 : OR;
                    case "and" -> b ? -1 : AND;
                    case "is" -> IS;
                    case "isnull", "notnull" -> b ? -1 : IS;
                    case "not" -> !b && isPatternKeyword(peek(1)) && (!peek(1).isKeyword("similar")
                            || peek(2).isKeyword("to")) ? LIKE : -1;
                    case "similar" -> !b && peek(1).isKeyword("to") ? LIKE : -1;
                    case "between", "in", "like", "ilike" -> b ? -1 : LIKE;
                    case "at" -> !b && peek(1).isKeyword("time") ? AT : -1;
                    case "collate" -> b ? -1 : COLLATE;
                    case "operator" -> peek(1).isPunct("(") ? OP : -1;
                    default -> -1;
                };
            }
            default -> {
                return -1;
            }
        }
    }

    private static boolean isPatternKeyword(Token t) {
        return t.isKeyword("between") || t.isKeyword("in") || t.isKeyword("like") || t.isKeyword("ilike")
                || t.isKeyword("similar");
    }

    /** For a bare-label keyword after a select-list expression: does the next token make it an operator? */
    private boolean continuesAsOperator(Token t) {
        Token n = peek(1);
        return switch (t.keyword()) {
            case "and", "or" -> canStartExpr(n);
            case "is" -> n.keyword() != null && IS_FOLLOWERS.contains(n.keyword());
            case "not" -> isPatternKeyword(n);
            case "like", "ilike" -> canStartExpr(n) || n.isKeyword("any") || n.isKeyword("all")
                    || n.isKeyword("some");
            case "similar" -> n.isKeyword("to");
            case "between" -> canStartExpr(n) || n.isKeyword("symmetric") || n.isKeyword("asymmetric");
            case "in" -> n.isPunct("(");
            case "collate" -> isColId(n);
            case "at" -> n.isKeyword("time");
            case "operator" -> n.isPunct("(");
            default -> false;
        };
    }

    private static Expr makeBool(BoolExpr.BoolOp op, Expr l, Expr r, int location) {
        // PostgreSQL's makeAndExpr/makeOrExpr flatten a left operand of the same kind
        if (l instanceof BoolExpr be && be.op() == op) {
            List<Expr> args = new ArrayList<>(be.args());
            args.add(r);
            return new BoolExpr(op, args, be.location());
        }
        return new BoolExpr(op, List.of(l, r), location);
    }

    /** A binary operator (math, comparison, any other Op or OPERATOR(...)), including op ANY/ALL (...). */
    private Expr binaryOperator(Expr left, int lvl, boolean b) {
        Token opTok = peek();
        List<String> name = qualOp();
        if (isKw("any") || isKw("some") || isKw("all")) {
            return subqueryOp(left, name, opTok.start());
        }
        Expr right = expr(lvl + 1, b, false);
        return new AExpr(AExpr.Kind.OP, name, left, right, opTok.start());
    }

    /** qual_Op / all_Op: an operator token or OPERATOR(schema.op). */
    List<String> qualOp() {
        Token t = peek();
        if (t.kind() == TokenKind.OP) {
            next();
            return List.of(t.value());
        }
        expectKw("operator");
        expectPunct("(");
        List<String> name = new ArrayList<>();
        while (isColId(peek()) && isPunct(1, ".")) {
            name.add(next().value());
            next();
        }
        Token op = peek();
        if (op.kind() != TokenKind.OP) {
            throw syntaxError();
        }
        next();
        name.add(op.value());
        expectPunct(")");
        return name;
    }

    /** lexpr op ANY|SOME|ALL (subquery | array expr). */
    private Expr subqueryOp(Expr left, List<String> name, int location) {
        boolean all = next().isKeyword("all");
        java.util.function.Supplier<Expr> array = () -> {
            expectPunct("(");
            Expr arr = aExpr();
            expectPunct(")");
            return new AExpr(all ? AExpr.Kind.OP_ALL : AExpr.Kind.OP_ANY, name, left, arr, location);
        };
        if (looksLikeSelect()) {
            return attempt(() -> new SubLink(all ? SubLink.Type.ALL : SubLink.Type.ANY, left, name,
                    g.select.selectWithParens(), location), array);
        }
        return array.get();
    }

    /** IS [NOT] NULL/TRUE/FALSE/UNKNOWN/DISTINCT FROM/DOCUMENT/NORMALIZED. */
    private Expr isClause(Expr left, boolean b) {
        Token is = next();
        boolean not = acceptKw("not");
        Token t = peek();
        if (t.isKeyword("distinct")) {
            next();
            expectKw("from");
            Expr right = expr(IS + 1, b, false);
            return new AExpr(not ? AExpr.Kind.NOT_DISTINCT : AExpr.Kind.DISTINCT, List.of("="), left, right,
                    is.start());
        }
        if (t.isKeyword("document")) {
            next();
            Expr f = FuncCall.of(List.of("pg_catalog", "xml_is_well_formed_document"), List.of(left), is.start());
            return not ? new BoolExpr(BoolExpr.BoolOp.NOT, List.of(f), is.start()) : f;
        }
        if (b) {
            throw syntaxError();
        }
        switch (t.keyword() == null ? "" : t.keyword()) {
            case "null" -> {
                next();
                return new NullTest(left, !not, is.start());
            }
            case "true" -> {
                next();
                return new BooleanTest(left, not ? BooleanTest.TestType.IS_NOT_TRUE : BooleanTest.TestType.IS_TRUE,
                        is.start());
            }
            case "false" -> {
                next();
                return new BooleanTest(left, not ? BooleanTest.TestType.IS_NOT_FALSE
                        : BooleanTest.TestType.IS_FALSE, is.start());
            }
            case "unknown" -> {
                next();
                return new BooleanTest(left, not ? BooleanTest.TestType.IS_NOT_UNKNOWN
                        : BooleanTest.TestType.IS_UNKNOWN, is.start());
            }
            case "normalized", "nfc", "nfd", "nfkc", "nfkd" -> {
                List<Expr> args = new ArrayList<>();
                args.add(left);
                if (!t.isKeyword("normalized")) {
                    args.add(AConst.ofString(t.keyword().toUpperCase(), t.start()));
                    next();
                }
                expectKw("normalized");
                Expr f = new FuncCall(List.of("pg_catalog", "is_normalized"), args, List.of(), null, null, false,
                        false, false, false, FuncCall.Form.SQL_SYNTAX, is.start());
                return not ? new BoolExpr(BoolExpr.BoolOp.NOT, List.of(f), is.start()) : f;
            }
            default -> throw syntaxError();
        }
    }

    private Expr notPattern(Expr left) {
        Token not = next();
        return pattern(left, true, not);
    }

    /** [NOT] BETWEEN / IN / LIKE / ILIKE / SIMILAR TO. {@code opTok} is the first token (NOT or the keyword). */
    private Expr pattern(Expr left, boolean not, Token opTok) {
        Token kw = next();
        int loc = opTok.start();
        switch (kw.keyword()) {
            case "between" -> {
                boolean sym = false;
                if (acceptKw("symmetric")) {
                    sym = true;
                } else {
                    acceptKw("asymmetric");
                }
                Expr lo = bExpr();
                expectKw("and");
                Expr hi = expr(LIKE + 1, false, false);
                AExpr.Kind k = sym ? (not ? AExpr.Kind.NOT_BETWEEN_SYM : AExpr.Kind.BETWEEN_SYM)
                        : (not ? AExpr.Kind.NOT_BETWEEN : AExpr.Kind.BETWEEN);
                String name = (not ? "NOT BETWEEN" : "BETWEEN") + (sym ? " SYMMETRIC" : "");
                return new AExpr(k, List.of(name), left, new ExprList(List.of(lo, hi), lo.location()), loc);
            }
            case "in" -> {
                return inClause(left, not, kw.start(), loc);
            }
            case "like", "ilike" -> {
                boolean ilike = kw.isKeyword("ilike");
                String op = (not ? "!" : "") + (ilike ? "~~*" : "~~");
                if (isKw("any") || isKw("some") || isKw("all")) {
                    return subqueryOp(left, List.of(op), loc);
                }
                Expr pat = expr(ESCAPE, false, false);
                if (acceptKw("escape")) {
                    Expr e = expr(ESCAPE, false, false);
                    pat = new FuncCall(List.of("pg_catalog", "like_escape"), List.of(pat, e), List.of(), null, null,
                            false, false, false, false, FuncCall.Form.NORMAL, loc);
                }
                return new AExpr(ilike ? AExpr.Kind.ILIKE : AExpr.Kind.LIKE, List.of(op), left, pat, loc);
            }
            case "similar" -> {
                expectKw("to");
                Expr pat = expr(ESCAPE, false, false);
                List<Expr> args = new ArrayList<>();
                args.add(pat);
                if (acceptKw("escape")) {
                    args.add(expr(ESCAPE, false, false));
                }
                Expr f = new FuncCall(List.of("pg_catalog", "similar_to_escape"), args, List.of(), null, null, false,
                        false, false, false, FuncCall.Form.NORMAL, loc);
                return new AExpr(AExpr.Kind.SIMILAR, List.of(not ? "!~" : "~"), left, f, loc);
            }
            default -> throw syntaxErrorAt(kw);
        }
    }

    /** x [NOT] IN (subquery) | (expr_list). */
    private Expr inClause(Expr left, boolean not, int inLoc, int opLoc) {
        java.util.function.Supplier<Expr> list = () -> {
            Token open = expectPunct("(");
            List<Expr> items = exprList();
            expectPunct(")");
            return new AExpr(AExpr.Kind.IN, List.of(not ? "<>" : "="), left, new ExprList(items, open.start()),
                    opLoc);
        };
        if (looksLikeSelect()) {
            return attempt(() -> {
                SelectStmt sub = g.select.selectWithParens();
                Expr link = new SubLink(SubLink.Type.ANY, left, List.of(), sub, inLoc);
                return not ? new BoolExpr(BoolExpr.BoolOp.NOT, List.of(link), opLoc) : link;
            }, list);
        }
        return list.get();
    }

    // ---- prefix forms and primaries ----

    private Expr prefix(boolean b) {
        Token t = peek();
        if (t.isKeyword("not") && !b) {
            next();
            Expr arg = expr(NOT, false, false);
            return new BoolExpr(BoolExpr.BoolOp.NOT, List.of(arg), t.start());
        }
        if (t.isOp("-")) {
            next();
            return Literals.negate(expr(UMINUS + 1, b, false), t.start());
        }
        if (t.isOp("+")) {
            next();
            return AExpr.op("+", null, expr(UMINUS + 1, b, false), t.start());
        }
        if (isPrefixOperator(t) || (t.isKeyword("operator") && peek(1).isPunct("("))) {
            List<String> name = qualOp();
            Expr arg = expr(OP + 1, b, false);
            return new AExpr(AExpr.Kind.OP, name, null, arg, t.start());
        }
        return cExpr(b);
    }

    /** c_expr: the operands. */
    Expr cExpr(boolean b) {
        Token t = peek();
        switch (t.kind()) {
            case ICONST -> {
                next();
                return AConst.ofInt(Integer.parseInt(t.value()), t.start());
            }
            case FCONST -> {
                next();
                return Literals.number(t.value(), t.start());
            }
            case SCONST -> {
                next();
                return AConst.ofString(t.value(), t.start());
            }
            case BCONST, XCONST -> {
                next();
                return new AConst(new AConst.Literal.BitStr(t.value()), t.start());
            }
            case PARAM -> {
                next();
                Expr p = new ParamRef(Integer.parseInt(t.value()), t.start());
                return withIndirection(p, t.start());
            }
            case PUNCT -> {
                if (t.isPunct("(")) {
                    return parenthesized();
                }
                throw syntaxError();
            }
            case IDENT -> {
                return identifierExpr(b);
            }
            default -> throw syntaxError();
        }
    }

    /** '(' ... ')' : a scalar subquery, a parenthesized expression or an implicit row. */
    private Expr parenthesized() {
        Token open = peek();
        if (looksLikeSelect()) {
            return attempt(() -> {
                SelectStmt sub = g.select.selectWithParens();
                Expr link = new SubLink(SubLink.Type.EXPR, null, List.of(), sub, open.start());
                return withIndirection(link, open.start());
            }, this::parenExpr);
        }
        return parenExpr();
    }

    private Expr parenExpr() {
        Token open = expectPunct("(");
        Expr e = aExpr();
        if (acceptPunct(",")) {
            List<Expr> items = new ArrayList<>();
            items.add(e);
            items.addAll(exprList());
            expectPunct(")");
            return new RowExpr(items, false, open.start());
        }
        expectPunct(")");
        return withIndirection(e, open.start());
    }

    /** opt_indirection after a parenthesized expression, parameter or subquery. */
    Expr withIndirection(Expr e, int location) {
        List<IndirectionItem> ind = indirection(false);
        return ind.isEmpty() ? e : new AIndirection(e, ind, location);
    }

    /** Subscripts and .field / .* steps. */
    List<IndirectionItem> indirection(boolean allowStar) {
        List<IndirectionItem> items = new ArrayList<>();
        while (true) {
            if (isPunct("[")) {
                next();
                Expr lo = null;
                Expr hi = null;
                boolean slice = false;
                if (!isPunct(":")) {
                    lo = aExpr();
                }
                if (acceptPunct(":")) {
                    slice = true;
                    if (!isPunct("]")) {
                        hi = aExpr();
                    }
                }
                expectPunct("]");
                items.add(slice ? new AIndices(true, lo, hi) : new AIndices(false, null, lo));
            } else if (isPunct(".")) {
                next();
                if (isOp("*")) {
                    next();
                    items.add(new IndirectionItem.Star());
                } else {
                    items.add(new IndirectionItem.Field(colLabel()));
                }
            } else {
                return items;
            }
        }
    }

    /** Expressions that start with an identifier or keyword. */
    private Expr identifierExpr(boolean b) {
        Token t = peek();
        String kw = t.keyword();
        if (kw != null) {
            Expr special = g.func.keywordExpr(t, b);
            if (special != null) {
                return special;
            }
        }
        Token n1 = peek(1);
        if (n1.isPunct("(")) {
            if (!isTypeFunctionName(t)) {
                if (isColId(t)) {
                    // a col_name keyword cannot name a function
                    next();
                    throw syntaxError();
                }
                throw syntaxError();
            }
            next();
            return g.func.functionCall(List.of(t.value()), t.start());
        }
        if (n1.kind() == TokenKind.SCONST && isTypeFunctionName(t)) {
            next();
            Token s = next();
            return new TypeCast(AConst.ofString(s.value(), s.start()), TypeName.of(List.of(t.value()), t.start()),
                    -1);
        }
        if (!isColId(t)) {
            if (isTypeFunctionName(t)) {
                // a type_func_name keyword (LEFT, JOIN, IS, ...) can only start a call or a typed literal here
                next();
            }
            throw syntaxError();
        }
        next();
        List<String> names = new ArrayList<>();
        names.add(t.value());
        while (isPunct(".")) {
            Token after = peek(1);
            if (after.isOp("*")) {
                next();
                next();
                return new ColumnRef(names, true, t.start());
            }
            if (!isColLabel(after)) {
                next();
                throw syntaxError();
            }
            next();
            names.add(next().value());
        }
        if (names.size() > 1 && isPunct("(")) {
            return g.func.functionCall(names, t.start());
        }
        if (names.size() > 1 && peek().kind() == TokenKind.SCONST) {
            Token s = next();
            return new TypeCast(AConst.ofString(s.value(), s.start()), TypeName.of(names, t.start()), -1);
        }
        Expr ref = new ColumnRef(names, false, t.start());
        if (isPunct("[")) {
            List<IndirectionItem> ind = indirection(true);
            // trailing .* after subscripts stays in the indirection, as PostgreSQL's A_Indirection
            return new AIndirection(ref, ind, t.start());
        }
        return ref;
    }

    /** DEFAULT in a_expr (only meaningful inside INSERT VALUES and UPDATE SET). */
    Expr setToDefault(Token t) {
        next();
        return new SetToDefault(t.start());
    }
}
