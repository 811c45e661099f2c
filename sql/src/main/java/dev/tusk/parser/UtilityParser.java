package dev.tusk.parser;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.CallStmt;
import dev.tusk.nodes.CheckPointStmt;
import dev.tusk.nodes.CopyStmt;
import dev.tusk.nodes.DeallocateStmt;
import dev.tusk.nodes.DefElem;
import dev.tusk.nodes.DiscardStmt;
import dev.tusk.nodes.DoStmt;
import dev.tusk.nodes.ExecuteStmt;
import dev.tusk.nodes.ExplainStmt;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.FuncCall;
import dev.tusk.nodes.ListenStmt;
import dev.tusk.nodes.LockStmt;
import dev.tusk.nodes.Node;
import dev.tusk.nodes.NodeList;
import dev.tusk.nodes.NotifyStmt;
import dev.tusk.nodes.PrepareStmt;
import dev.tusk.nodes.RangeVar;
import dev.tusk.nodes.Stmt;
import dev.tusk.nodes.TypeName;
import dev.tusk.nodes.UnlistenStmt;
import dev.tusk.nodes.VacuumRelation;
import dev.tusk.nodes.VacuumStmt;
import dev.tusk.utils.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * Utility statements: COPY, EXPLAIN, PREPARE/EXECUTE/DEALLOCATE, CHECKPOINT, DISCARD, LISTEN/UNLISTEN/NOTIFY,
 * VACUUM/ANALYZE, LOCK, DO, CALL. Transactions and SET/SHOW/RESET are in {@link SessionStmtParser}.
 */
final class UtilityParser extends GrammarBase {
    private final SessionStmtParser session;

    UtilityParser(Grammar g) {
        super(g);
        this.session = new SessionStmtParser(g);
    }

    Stmt transaction() {
        return session.transaction();
    }

    Stmt set() {
        return session.set();
    }

    Stmt reset() {
        return session.reset();
    }

    Stmt show() {
        return session.show();
    }

    // ---- COPY ----

    Stmt copy() {
        expectKw("copy");
        List<DefElem> options = new ArrayList<>();
        if (isKw("binary")) {
            Token b = next();
            options.add(DefElem.of("format", AConst.ofString("binary", b.start()), b.start()));
        }
        RangeVar rel = null;
        Stmt query = null;
        List<String> cols = List.of();
        if (isPunct("(")) {
            next();
            query = g.stmts.preparableStmt();
            expectPunct(")");
        } else {
            rel = qualifiedName();
            cols = optColumnList();
        }
        boolean isFrom;
        if (acceptKw("from")) {
            isFrom = true;
            if (query != null) {
                throw syntaxErrorAt(ts.previous());
            }
        } else {
            expectKw("to");
            isFrom = false;
        }
        boolean program = acceptKw("program");
        String filename;
        Token f = peek();
        if (acceptKw("stdin") || acceptKw("stdout")) {
            filename = null;
        } else {
            filename = sconst();
        }
        if (program && filename == null) {
            throw errorAt(SqlState.SYNTAX_ERROR, "STDIN/STDOUT not allowed with PROGRAM", f.start());
        }
        if ((isKw("using") && isKw(1, "delimiters")) || isKw("delimiters")) {
            acceptKw("using");
            Token d = next();
            options.add(DefElem.of("delimiter", AConst.ofString(sconst(), d.start()), d.start()));
        }
        acceptKw("with");
        if (isPunct("(")) {
            next();
            do {
                options.add(genericOption());
            } while (acceptPunct(","));
            expectPunct(")");
        } else {
            oldCopyOptions(options);
        }
        Expr where = null;
        if (acceptKw("where")) {
            where = g.expr.aExpr();
            if (!isFrom) {
                throw errorAt(SqlState.FEATURE_NOT_SUPPORTED, "WHERE clause not allowed with COPY TO",
                        where.location());
            }
        }
        return new CopyStmt(rel, query, cols, isFrom, program, filename, options, where);
    }

    /** copy_generic_opt_elem: ColLabel [ boolean_or_string | NumericOnly | '*' | '(' list ')' ]. */
    private DefElem genericOption() {
        Token n = peek();
        String name = colLabel();
        Node arg = null;
        if (isOp("*")) {
            Token s = next();
            arg = AConst.ofString("*", s.start());
        } else if (isPunct("(")) {
            next();
            List<Node> items = new ArrayList<>();
            do {
                Token i = peek();
                items.add(AConst.ofString(booleanOrString(), i.start()));
            } while (acceptPunct(","));
            expectPunct(")");
            arg = new NodeList(items);
        } else if (!isPunct(",") && !isPunct(")")) {
            arg = defArg(false);
        }
        return DefElem.of(name, arg, n.start());
    }

    /** The old COPY option keywords (BINARY, CSV, HEADER, DELIMITER [AS] 'x', NULL [AS] 'x', ...). */
    private void oldCopyOptions(List<DefElem> options) {
        while (true) {
            Token t = peek();
            int loc = t.start();
            String kw = t.keyword() == null ? "" : t.keyword();
            switch (kw) {
                case "binary" -> {
                    next();
                    options.add(DefElem.of("format", AConst.ofString("binary", loc), loc));
                }
                case "freeze" -> {
                    next();
                    options.add(DefElem.of("freeze", AConst.ofBool(true, loc), loc));
                }
                case "csv" -> {
                    next();
                    options.add(DefElem.of("format", AConst.ofString("csv", loc), loc));
                }
                case "header" -> {
                    next();
                    options.add(DefElem.of("header", AConst.ofBool(true, loc), loc));
                }
                case "delimiter", "null", "quote", "escape", "encoding" -> {
                    next();
                    acceptKw("as");
                    Token s = peek();
                    options.add(DefElem.of(kw, AConst.ofString(sconst(), s.start()), loc));
                }
                case "force" -> {
                    next();
                    String name;
                    if (acceptKw("quote")) {
                        name = "force_quote";
                    } else if (acceptKws("not", "null")) {
                        name = "force_not_null";
                    } else {
                        expectKw("null");
                        name = "force_null";
                    }
                    Node arg;
                    if (isOp("*") && name.equals("force_quote")) {
                        Token s = next();
                        arg = AConst.ofString("*", s.start());
                    } else {
                        List<Node> cols = new ArrayList<>();
                        do {
                            Token c = peek();
                            cols.add(AConst.ofString(colId(), c.start()));
                        } while (acceptPunct(","));
                        arg = new NodeList(cols);
                    }
                    options.add(DefElem.of(name, arg, loc));
                }
                default -> {
                    return;
                }
            }
        }
    }

    /** opt_boolean_or_string: TRUE/FALSE/ON as text, NonReservedWord_or_Sconst. */
    String booleanOrString() {
        Token t = peek();
        if (t.isKeyword("true") || t.isKeyword("false") || t.isKeyword("on")) {
            next();
            return t.keyword();
        }
        return nonReservedWordOrSconst();
    }

    /**
     * A generic option value (PostgreSQL's def_arg / copy_generic_opt_arg / utility_option_arg): a number, a
     * string, or a word (keywords such as on/true/csv as strings); TRUE/FALSE/ON/OFF stay strings like
     * PostgreSQL's opt_boolean_or_string.
     */
    Node defArg() {
        return defArg(true);
    }

    /**
     * As {@link #defArg()}; with {@code reservedWords} false only non-reserved words (and TRUE/FALSE/ON) are taken,
     * as in PostgreSQL's opt_boolean_or_string for EXPLAIN/COPY/VACUUM options.
     */
    Node defArg(boolean reservedWords) {
        Token t = peek();
        if (!reservedWords && t.kind() == TokenKind.IDENT && !isNonReservedWord(t) && !t.isKeyword("true")
                && !t.isKeyword("false") && !t.isKeyword("on")) {
            throw syntaxError();
        }
        if (t.kind() == TokenKind.ICONST || t.kind() == TokenKind.FCONST || isOp("+") || isOp("-")) {
            return numericOnly();
        }
        if (t.kind() == TokenKind.SCONST) {
            next();
            return AConst.ofString(t.value(), t.start());
        }
        if (t.kind() == TokenKind.IDENT) {
            next();
            return AConst.ofString(t.value(), t.start());
        }
        throw syntaxError();
    }

    /**
     * A parenthesized {@code utility_option_list} (EXPLAIN, VACUUM, ANALYZE): {@code name [arg]} items separated
     * by commas, appended to {@code options}.
     */
    private void utilityOptionList(List<DefElem> options) {
        expectPunct("(");
        do {
            Token n = peek();
            String name = colLabel();
            Node arg = null;
            if (!isPunct(",") && !isPunct(")")) {
                arg = defArg(false);
            }
            options.add(DefElem.of(name, arg, n.start()));
        } while (acceptPunct(","));
        expectPunct(")");
    }

    // ---- EXPLAIN ----

    Stmt explain() {
        expectKw("explain");
        List<DefElem> options = new ArrayList<>();
        if (isPunct("(")) {
            utilityOptionList(options);
        } else {
            if (isKw("analyze") || isKw("analyse")) {
                Token a = next();
                options.add(DefElem.of("analyze", null, a.start()));
            }
            if (isKw("verbose")) {
                Token v = next();
                options.add(DefElem.of("verbose", null, v.start()));
            }
        }
        return new ExplainStmt(explainableStmt(), options);
    }

    private Stmt explainableStmt() {
        Token t = peek();
        if (t.isKeyword("execute")) {
            return execute();
        }
        if (t.isKeyword("create") || t.isKeyword("declare") || t.isKeyword("refresh") || t.isKeyword("merge")) {
            return g.stmts.statement();
        }
        return g.stmts.preparableStmt();
    }

    // ---- PREPARE / EXECUTE / DEALLOCATE ----

    Stmt prepare() {
        expectKw("prepare");
        String name = colId();
        List<TypeName> types = new ArrayList<>();
        if (acceptPunct("(")) {
            do {
                types.add(g.types.typename());
            } while (acceptPunct(","));
            expectPunct(")");
        }
        expectKw("as");
        return new PrepareStmt(name, types, g.stmts.preparableStmt());
    }

    Stmt execute() {
        expectKw("execute");
        String name = colId();
        List<Expr> params = List.of();
        if (isPunct("(")) {
            params = g.expr.parenExprList();
        }
        return new ExecuteStmt(name, params);
    }

    Stmt deallocate() {
        expectKw("deallocate");
        acceptKw("prepare");
        if (acceptKw("all")) {
            return new DeallocateStmt(null);
        }
        return new DeallocateStmt(colId());
    }

    // ---- small ones ----

    Stmt checkpoint() {
        expectKw("checkpoint");
        return new CheckPointStmt();
    }

    Stmt discard() {
        expectKw("discard");
        if (acceptKw("all")) {
            return new DiscardStmt(DiscardStmt.Target.ALL);
        }
        if (acceptKw("plans")) {
            return new DiscardStmt(DiscardStmt.Target.PLANS);
        }
        if (acceptKw("sequences")) {
            return new DiscardStmt(DiscardStmt.Target.SEQUENCES);
        }
        if (acceptKw("temp") || acceptKw("temporary")) {
            return new DiscardStmt(DiscardStmt.Target.TEMP);
        }
        throw syntaxError();
    }

    Stmt listenNotify() {
        Token t = next();
        switch (t.keyword()) {
            case "listen" -> {
                return new ListenStmt(colId());
            }
            case "unlisten" -> {
                if (isOp("*")) {
                    next();
                    return new UnlistenStmt(null);
                }
                return new UnlistenStmt(colId());
            }
            default -> {
                String ch = colId();
                String payload = null;
                if (acceptPunct(",")) {
                    payload = sconst();
                }
                return new NotifyStmt(ch, payload);
            }
        }
    }

    Stmt vacuum() {
        Token t = next();
        boolean vacuum = t.isKeyword("vacuum");
        List<DefElem> options = new ArrayList<>();
        if (isPunct("(")) {
            utilityOptionList(options);
        } else {
            String[] order = vacuum ? new String[] {"full", "freeze", "verbose", "analyze"} : new String[] {"verbose"};
            for (String o : order) {
                if (isKw(o) || (o.equals("analyze") && isKw("analyse"))) {
                    Token n = next();
                    options.add(DefElem.of(o, null, n.start()));
                }
            }
        }
        List<VacuumRelation> rels = new ArrayList<>();
        if (isColId(peek())) {
            do {
                RangeVar rv = qualifiedName();
                rels.add(new VacuumRelation(rv, optColumnList()));
            } while (acceptPunct(","));
        }
        return new VacuumStmt(options, rels, vacuum);
    }

    Stmt lock() {
        expectKw("lock");
        acceptKw("table");
        List<RangeVar> rels = g.from.relationExprList();
        String mode = "ACCESS EXCLUSIVE";
        if (acceptKw("in")) {
            StringBuilder sb = new StringBuilder();
            while (!isKw("mode")) {
                Token w = next();
                if (w.kind() != TokenKind.IDENT) {
                    throw syntaxErrorAt(w);
                }
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(w.value().toUpperCase());
            }
            next();
            mode = sb.toString();
        }
        boolean nowait = acceptKw("nowait");
        return new LockStmt(rels, mode, nowait);
    }

    Stmt doStmt() {
        expectKw("do");
        String code = null;
        String lang = null;
        while (true) {
            if (peek().kind() == TokenKind.SCONST && code == null) {
                code = next().value();
            } else if (lang == null && acceptKw("language")) {
                lang = nonReservedWordOrSconst();
            } else {
                break;
            }
        }
        if (code == null) {
            throw syntaxError();
        }
        return new DoStmt(code, lang);
    }

    Stmt call() {
        expectKw("call");
        Token t = peek();
        List<String> name = anyName();
        FuncCall f = g.func.funcApplication(name, t.start());
        return new CallStmt(f);
    }
}
