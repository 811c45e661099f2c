package dev.tusk.parser;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.DropBehavior;
import dev.tusk.nodes.RangeVar;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What every grammar class shares: the token cursor, the other grammar classes, and the small productions of
 * PostgreSQL's gram.y used everywhere (ColId, ColLabel, any_name, qualified_name, Sconst, Iconst...).
 */
abstract class GrammarBase {
    protected final Grammar g;
    protected final TokenStream ts;

    GrammarBase(Grammar g) {
        this.g = g;
        this.ts = g.tokens();
    }

    // ---- token tests ----

    protected Token peek() {
        return ts.peek();
    }

    protected Token peek(int k) {
        return ts.peek(k);
    }

    protected Token next() {
        return ts.next();
    }

    protected boolean isKw(String kw) {
        return ts.peek().isKeyword(kw);
    }

    protected boolean isKw(int k, String kw) {
        return ts.peek(k).isKeyword(kw);
    }

    protected boolean acceptKw(String kw) {
        if (isKw(kw)) {
            ts.next();
            return true;
        }
        return false;
    }

    /** Accepts the whole keyword sequence or nothing. */
    protected boolean acceptKws(String... kws) {
        for (int i = 0; i < kws.length; i++) {
            if (!isKw(i, kws[i])) {
                return false;
            }
        }
        for (int i = 0; i < kws.length; i++) {
            ts.next();
        }
        return true;
    }

    protected Token expectKw(String kw) {
        if (!isKw(kw)) {
            throw syntaxError();
        }
        return ts.next();
    }

    protected boolean isPunct(String p) {
        return ts.peek().isPunct(p);
    }

    protected boolean isPunct(int k, String p) {
        return ts.peek(k).isPunct(p);
    }

    protected boolean acceptPunct(String p) {
        if (isPunct(p)) {
            ts.next();
            return true;
        }
        return false;
    }

    protected Token expectPunct(String p) {
        if (!isPunct(p)) {
            throw syntaxError();
        }
        return ts.next();
    }

    protected boolean isOp(String op) {
        return ts.peek().isOp(op);
    }

    protected boolean isEnd() {
        Token t = ts.peek();
        return t.kind() == TokenKind.EOF || t.isPunct(";");
    }

    // ---- errors ----

    /** syntax error at or near the current token. */
    protected TuskException syntaxError() {
        return ParserErrors.syntaxError(ts.source(), ts.peek());
    }

    protected TuskException syntaxErrorAt(Token t) {
        return ParserErrors.syntaxError(ts.source(), t);
    }

    /** An error with PostgreSQL's wording at a location (0-based), SQLSTATE 42601 unless given. */
    protected TuskException errorAt(String message, int location) {
        return ParserErrors.at(SqlState.SYNTAX_ERROR, message, ts.source(), location);
    }

    protected TuskException errorAt(SqlState state, String message, int location) {
        return ParserErrors.at(state, message, ts.source(), location);
    }

    /**
     * Tries {@code first}; if it fails with a syntax error, backtracks and tries {@code second}. When both fail,
     * the error that got further into the input wins, approximating where an LR parser detects the error.
     */
    protected <T> T attempt(Supplier<T> first, Supplier<T> second) {
        int mark = ts.mark();
        TuskException e1;
        try {
            return first.get();
        } catch (TuskException e) {
            if (e.sqlState() != SqlState.SYNTAX_ERROR) {
                throw e;
            }
            e1 = e;
        }
        ts.reset(mark);
        try {
            return second.get();
        } catch (TuskException e2) {
            if (e2.sqlState() != SqlState.SYNTAX_ERROR) {
                throw e2;
            }
            throw e1.position() > e2.position() ? e1 : e2;
        }
    }

    // ---- name productions ----

    /** PostgreSQL's ColId: IDENT, unreserved or col_name keyword. */
    protected static boolean isColId(Token t) {
        if (t.kind() != TokenKind.IDENT) {
            return false;
        }
        Keywords.Category c = t.category();
        return c == null || c == Keywords.Category.UNRESERVED || c == Keywords.Category.COL_NAME;
    }

    /** PostgreSQL's type_function_name: IDENT, unreserved or type_func_name keyword. */
    protected static boolean isTypeFunctionName(Token t) {
        if (t.kind() != TokenKind.IDENT) {
            return false;
        }
        Keywords.Category c = t.category();
        return c == null || c == Keywords.Category.UNRESERVED || c == Keywords.Category.TYPE_FUNC_NAME;
    }

    /** PostgreSQL's NonReservedWord: any identifier or non-reserved keyword. */
    protected static boolean isNonReservedWord(Token t) {
        return t.kind() == TokenKind.IDENT && t.category() != Keywords.Category.RESERVED;
    }

    /** PostgreSQL's ColLabel: any identifier or keyword. */
    protected static boolean isColLabel(Token t) {
        return t.kind() == TokenKind.IDENT;
    }

    /** PostgreSQL's BareColLabel: an identifier or a keyword marked as usable as a bare label. */
    protected static boolean isBareColLabel(Token t) {
        if (t.kind() != TokenKind.IDENT) {
            return false;
        }
        return t.keyword() == null || Keywords.lookup(t.keyword()).bareLabel();
    }

    protected String colId() {
        if (!isColId(peek())) {
            throw syntaxError();
        }
        return next().value();
    }

    protected String colLabel() {
        if (!isColLabel(peek())) {
            throw syntaxError();
        }
        return next().value();
    }

    protected String nonReservedWord() {
        if (!isNonReservedWord(peek())) {
            throw syntaxError();
        }
        return next().value();
    }

    protected String typeFunctionName() {
        if (!isTypeFunctionName(peek())) {
            throw syntaxError();
        }
        return next().value();
    }

    /** NonReservedWord_or_Sconst. */
    protected String nonReservedWordOrSconst() {
        if (peek().kind() == TokenKind.SCONST) {
            return next().value();
        }
        return nonReservedWord();
    }

    /** any_name: ColId attrs, where attrs are '.' ColLabel. */
    protected List<String> anyName() {
        List<String> names = new ArrayList<>();
        names.add(colId());
        while (isPunct(".")) {
            next();
            names.add(colLabel());
        }
        return names;
    }

    protected List<List<String>> anyNameList() {
        List<List<String>> list = new ArrayList<>();
        do {
            list.add(anyName());
        } while (acceptPunct(","));
        return list;
    }

    /** name_list: ColId, ... */
    protected List<String> nameList() {
        List<String> list = new ArrayList<>();
        do {
            list.add(colId());
        } while (acceptPunct(","));
        return list;
    }

    /** '(' name_list ')' */
    protected List<String> parenNameList() {
        expectPunct("(");
        List<String> l = nameList();
        expectPunct(")");
        return l;
    }

    /** opt_column_list: ['(' columnList ')'] */
    protected List<String> optColumnList() {
        return isPunct("(") ? parenNameList() : List.of();
    }

    /** qualified_name: ColId [indirection], turned into a RangeVar like PostgreSQL's makeRangeVarFromQualifiedName. */
    protected RangeVar qualifiedName() {
        Token first = peek();
        List<String> names = anyName();
        if (isPunct("[")) {
            // gram.y reads ColId indirection and rejects subscripts afterwards (check_qualified_name)
            g.expr.indirection(false);
            throw syntaxError();
        }
        return rangeVarFromNames(names, first.start());
    }

    protected RangeVar rangeVarFromNames(List<String> names, int location) {
        return switch (names.size()) {
            case 1 -> new RangeVar(null, null, names.get(0), true, 'p', null, location);
            case 2 -> new RangeVar(null, names.get(0), names.get(1), true, 'p', null, location);
            case 3 -> new RangeVar(names.get(0), names.get(1), names.get(2), true, 'p', null, location);
            default -> throw errorAt("improper qualified name (too many dotted names): " + String.join(".", names),
                    location);
        };
    }

    protected List<RangeVar> qualifiedNameList() {
        List<RangeVar> l = new ArrayList<>();
        do {
            l.add(qualifiedName());
        } while (acceptPunct(","));
        return l;
    }

    // ---- constants ----

    protected String sconst() {
        if (peek().kind() != TokenKind.SCONST) {
            throw syntaxError();
        }
        return next().value();
    }

    protected int iconst() {
        if (peek().kind() != TokenKind.ICONST) {
            throw syntaxError();
        }
        return Integer.parseInt(next().value());
    }

    /** SignedIconst: Iconst | '+' Iconst | '-' Iconst. */
    protected int signedIconst() {
        if (isOp("+") && peek(1).kind() == TokenKind.ICONST) {
            next();
            return iconst();
        }
        if (isOp("-") && peek(1).kind() == TokenKind.ICONST) {
            next();
            return -iconst();
        }
        return iconst();
    }

    /** NumericOnly: FCONST | '+' FCONST | '-' FCONST | SignedIconst, as an AConst. */
    protected AConst numericOnly() {
        Token start = peek();
        boolean neg = false;
        if ((isOp("+") || isOp("-"))
                && (peek(1).kind() == TokenKind.ICONST || peek(1).kind() == TokenKind.FCONST)) {
            neg = isOp("-");
            next();
        }
        Token t = peek();
        if (t.kind() != TokenKind.ICONST && t.kind() != TokenKind.FCONST) {
            throw syntaxError();
        }
        next();
        return Literals.number(neg ? "-" + t.value() : t.value(), start.start());
    }

    /** opt_drop_behavior. */
    protected DropBehavior optDropBehavior() {
        if (acceptKw("cascade")) {
            return DropBehavior.CASCADE;
        }
        acceptKw("restrict");
        return DropBehavior.RESTRICT;
    }

    /** IF EXISTS. */
    protected boolean optIfExists() {
        return acceptKws("if", "exists");
    }

    /** IF NOT EXISTS. */
    protected boolean optIfNotExists() {
        if (isKw("if") && isKw(1, "not")) {
            next();
            next();
            expectKw("exists");
            return true;
        }
        return false;
    }
}
