package dev.tusk.parser;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.DefElem;
import dev.tusk.nodes.Node;
import dev.tusk.nodes.Stmt;
import dev.tusk.nodes.TransactionStmt;
import dev.tusk.nodes.TypeCast;
import dev.tusk.nodes.TypeName;
import dev.tusk.nodes.VariableSetStmt;
import dev.tusk.nodes.VariableShowStmt;
import java.util.ArrayList;
import java.util.List;

/** Transaction control and session settings (gram.y's TransactionStmt, VariableSetStmt, VariableShowStmt,
 * VariableResetStmt). */
final class SessionStmtParser extends GrammarBase {

    SessionStmtParser(Grammar g) {
        super(g);
    }

    Stmt transaction() {
        Token t = next();
        switch (t.keyword()) {
            case "begin" -> {
                optTransaction();
                return new TransactionStmt(TransactionStmt.Kind.BEGIN, transactionModes(false), null, null, false);
            }
            case "start" -> {
                expectKw("transaction");
                return new TransactionStmt(TransactionStmt.Kind.START, transactionModes(false), null, null, false);
            }
            case "commit", "end" -> {
                if (t.isKeyword("commit") && acceptKw("prepared")) {
                    return new TransactionStmt(TransactionStmt.Kind.COMMIT_PREPARED, List.of(), null, sconst(), false);
                }
                optTransaction();
                return new TransactionStmt(TransactionStmt.Kind.COMMIT, List.of(), null, null, optChain());
            }
            case "rollback", "abort" -> {
                if (t.isKeyword("rollback") && acceptKw("prepared")) {
                    return new TransactionStmt(TransactionStmt.Kind.ROLLBACK_PREPARED, List.of(), null, sconst(),
                            false);
                }
                optTransaction();
                if (t.isKeyword("rollback") && acceptKw("to")) {
                    optSavepointKeyword();
                    return new TransactionStmt(TransactionStmt.Kind.ROLLBACK_TO, List.of(), colId(), null, false);
                }
                return new TransactionStmt(TransactionStmt.Kind.ROLLBACK, List.of(), null, null, optChain());
            }
            case "savepoint" -> {
                return new TransactionStmt(TransactionStmt.Kind.SAVEPOINT, List.of(), colId(), null, false);
            }
            case "release" -> {
                optSavepointKeyword();
                return new TransactionStmt(TransactionStmt.Kind.RELEASE, List.of(), colId(), null, false);
            }
            case "prepare" -> {
                expectKw("transaction");
                return new TransactionStmt(TransactionStmt.Kind.PREPARE, List.of(), null, sconst(), false);
            }
            default -> throw syntaxErrorAt(t);
        }
    }

    /** The optional SAVEPOINT keyword, unless it is itself the savepoint's name ("RELEASE SAVEPOINT"). */
    private void optSavepointKeyword() {
        if (isKw("savepoint") && isColId(peek(1))) {
            next();
        }
    }

    private void optTransaction() {
        if (!acceptKw("work")) {
            acceptKw("transaction");
        }
    }

    private boolean optChain() {
        if (acceptKw("and")) {
            boolean no = acceptKw("no");
            expectKw("chain");
            return !no;
        }
        return false;
    }

    /** transaction_mode_list (items separated by commas or just spaces); required for SET TRANSACTION. */
    List<DefElem> transactionModes(boolean required) {
        List<DefElem> modes = new ArrayList<>();
        while (true) {
            Token t = peek();
            int loc = t.start();
            if (acceptKw("isolation")) {
                expectKw("level");
                String level;
                if (acceptKw("read")) {
                    if (acceptKw("uncommitted")) {
                        level = "read uncommitted";
                    } else {
                        expectKw("committed");
                        level = "read committed";
                    }
                } else if (acceptKw("repeatable")) {
                    expectKw("read");
                    level = "repeatable read";
                } else {
                    expectKw("serializable");
                    level = "serializable";
                }
                modes.add(DefElem.of("transaction_isolation", AConst.ofString(level, loc), loc));
            } else if (acceptKw("read")) {
                boolean only = acceptKw("only");
                if (!only) {
                    expectKw("write");
                }
                modes.add(DefElem.of("transaction_read_only", AConst.ofBool(only, loc), loc));
            } else if (acceptKw("deferrable")) {
                modes.add(DefElem.of("transaction_deferrable", AConst.ofBool(true, loc), loc));
            } else if (acceptKws("not", "deferrable")) {
                modes.add(DefElem.of("transaction_deferrable", AConst.ofBool(false, loc), loc));
            } else {
                if (!modes.isEmpty() && ts.previous().isPunct(",")) {
                    throw syntaxError();
                }
                break;
            }
            if (!acceptPunct(",") && isEnd()) {
                break;
            }
        }
        if (required && modes.isEmpty()) {
            throw syntaxError();
        }
        return modes;
    }

    // ---- SET ----

    Stmt set() {
        expectKw("set");
        boolean local = false;
        if (acceptKw("local")) {
            local = true;
        } else if (isKw("session") && !isKw(1, "characteristics") && !isKw(1, "authorization")) {
            next();
        }
        return setRest(local);
    }

    private Stmt setRest(boolean local) {
        Token t = peek();
        if (t.isKeyword("constraints")) {
            return g.stmts.unsupported("SET CONSTRAINTS");
        }
        if (t.isKeyword("transaction")) {
            next();
            if (acceptKw("snapshot")) {
                Token s = peek();
                return new VariableSetStmt(VariableSetStmt.Kind.VALUE, "TRANSACTION SNAPSHOT",
                        List.of(AConst.ofString(sconst(), s.start())), local);
            }
            return new VariableSetStmt(VariableSetStmt.Kind.MULTI, "TRANSACTION",
                    new ArrayList<Node>(transactionModes(true)), local);
        }
        if (t.isKeyword("session") && isKw(1, "characteristics")) {
            next();
            next();
            expectKw("as");
            expectKw("transaction");
            return new VariableSetStmt(VariableSetStmt.Kind.MULTI, "SESSION CHARACTERISTICS",
                    new ArrayList<Node>(transactionModes(true)), local);
        }
        if (t.isKeyword("time") && isKw(1, "zone")) {
            next();
            next();
            return timeZone(local);
        }
        if (t.isKeyword("catalog") && peek(1).kind() == TokenKind.SCONST) {
            next();
            Token s = next();
            return new VariableSetStmt(VariableSetStmt.Kind.VALUE, "catalog", List.of(AConst.ofString(s.value(),
                    s.start())), local);
        }
        if (t.isKeyword("schema") && peek(1).kind() == TokenKind.SCONST) {
            next();
            Token s = next();
            return new VariableSetStmt(VariableSetStmt.Kind.VALUE, "search_path",
                    List.of(AConst.ofString(s.value(), s.start())), local);
        }
        if (t.isKeyword("names") && !isOp(1, "=") && !isKw(1, "to")) {
            next();
            if (isEnd() || isKw("default")) {
                acceptKw("default");
                return new VariableSetStmt(VariableSetStmt.Kind.DEFAULT, "client_encoding", List.of(), local);
            }
            Token s = peek();
            String enc = peek().kind() == TokenKind.SCONST ? next().value() : nonReservedWord();
            return new VariableSetStmt(VariableSetStmt.Kind.VALUE, "client_encoding",
                    List.of(AConst.ofString(enc, s.start())), local);
        }
        if (t.isKeyword("role") && !isOp(1, "=") && !isKw(1, "to")) {
            next();
            Token s = peek();
            return new VariableSetStmt(VariableSetStmt.Kind.VALUE, "role",
                    List.of(AConst.ofString(nonReservedWordOrSconst(), s.start())), local);
        }
        if (t.isKeyword("session") && isKw(1, "authorization")) {
            next();
            next();
            if (acceptKw("default")) {
                return new VariableSetStmt(VariableSetStmt.Kind.DEFAULT, "session_authorization", List.of(), local);
            }
            Token s = peek();
            return new VariableSetStmt(VariableSetStmt.Kind.VALUE, "session_authorization",
                    List.of(AConst.ofString(nonReservedWordOrSconst(), s.start())), local);
        }
        if (t.isKeyword("xml") && isKw(1, "option")) {
            next();
            next();
            Token s = next();
            if (!s.isKeyword("document") && !s.isKeyword("content")) {
                throw syntaxErrorAt(s);
            }
            return new VariableSetStmt(VariableSetStmt.Kind.VALUE, "xmloption",
                    List.of(AConst.ofString(s.keyword().toUpperCase(), s.start())), local);
        }
        String name = varName();
        if (isKw("from") && isKw(1, "current")) {
            next();
            next();
            return new VariableSetStmt(VariableSetStmt.Kind.CURRENT, name, List.of(), local);
        }
        if (!acceptKw("to")) {
            if (!isOp("=")) {
                throw syntaxError();
            }
            next();
        }
        if (acceptKw("default")) {
            return new VariableSetStmt(VariableSetStmt.Kind.DEFAULT, name, List.of(), local);
        }
        List<Node> values = new ArrayList<>();
        do {
            values.add(varValue());
        } while (acceptPunct(","));
        return new VariableSetStmt(VariableSetStmt.Kind.VALUE, name, values, local);
    }

    private boolean isOp(int k, String op) {
        return peek(k).isOp(op);
    }

    /** var_name: ColId ['.' ColId]*, joined with dots. */
    String varName() {
        StringBuilder sb = new StringBuilder(colId());
        while (acceptPunct(".")) {
            sb.append('.').append(colId());
        }
        return sb.toString();
    }

    /** var_value: opt_boolean_or_string | NumericOnly. */
    private Node varValue() {
        Token t = peek();
        if (t.kind() == TokenKind.ICONST || t.kind() == TokenKind.FCONST || t.isOp("+") || t.isOp("-")) {
            return numericOnly();
        }
        return AConst.ofString(g.util.booleanOrString(), t.start());
    }

    /** zone_value after SET TIME ZONE. */
    private VariableSetStmt timeZone(boolean local) {
        Token t = peek();
        if (acceptKw("default") || acceptKw("local")) {
            return new VariableSetStmt(VariableSetStmt.Kind.DEFAULT, "timezone", List.of(), local);
        }
        if (t.kind() == TokenKind.SCONST) {
            next();
            return new VariableSetStmt(VariableSetStmt.Kind.VALUE, "timezone",
                    List.of(AConst.ofString(t.value(), t.start())), local);
        }
        if (t.isKeyword("interval")) {
            next();
            TypeName tn;
            if (isPunct("(")) {
                next();
                Token p = peek();
                int prec = iconst();
                expectPunct(")");
                tn = new TypeName(List.of("pg_catalog", "interval"), List.of(AConst.ofInt(TypeName.INTERVAL_FULL_RANGE,
                        -1), AConst.ofInt(prec, p.start())), List.of(), false, false, t.start());
                Token s = peek();
                String v = sconst();
                return new VariableSetStmt(VariableSetStmt.Kind.VALUE, "timezone",
                        List.of(new TypeCast(AConst.ofString(v, s.start()), tn, -1)), local);
            }
            Token s = peek();
            String v = sconst();
            tn = new TypeName(List.of("pg_catalog", "interval"), g.types.optInterval(), List.of(), false, false,
                    t.start());
            if (!tn.typmods().isEmpty() && tn.typmods().get(0) instanceof AConst c
                    && c.value() instanceof AConst.Literal.Int m
                    && (m.value() & ~((1 << TypeName.HOUR) | (1 << TypeName.MINUTE))) != 0) {
                throw errorAt(dev.tusk.utils.error.SqlState.SYNTAX_ERROR,
                        "time zone interval must be HOUR or HOUR TO MINUTE", c.location());
            }
            return new VariableSetStmt(VariableSetStmt.Kind.VALUE, "timezone",
                    List.of(new TypeCast(AConst.ofString(v, s.start()), tn, -1)), local);
        }
        if (t.kind() == TokenKind.ICONST || t.kind() == TokenKind.FCONST || t.isOp("+") || t.isOp("-")) {
            return new VariableSetStmt(VariableSetStmt.Kind.VALUE, "timezone", List.of(numericOnly()), local);
        }
        if (t.kind() == TokenKind.IDENT && t.keyword() == null) {
            next();
            return new VariableSetStmt(VariableSetStmt.Kind.VALUE, "timezone",
                    List.of(AConst.ofString(t.value(), t.start())), local);
        }
        throw syntaxError();
    }

    // ---- RESET / SHOW ----

    Stmt reset() {
        expectKw("reset");
        return resetRest();
    }

    VariableSetStmt resetRest() {
        if (acceptKw("all")) {
            return new VariableSetStmt(VariableSetStmt.Kind.RESET_ALL, null, List.of(), false);
        }
        if (acceptKws("time", "zone")) {
            return new VariableSetStmt(VariableSetStmt.Kind.RESET, "timezone", List.of(), false);
        }
        if (acceptKws("transaction", "isolation", "level")) {
            return new VariableSetStmt(VariableSetStmt.Kind.RESET, "transaction_isolation", List.of(), false);
        }
        if (acceptKws("session", "authorization")) {
            return new VariableSetStmt(VariableSetStmt.Kind.RESET, "session_authorization", List.of(), false);
        }
        return new VariableSetStmt(VariableSetStmt.Kind.RESET, varName(), List.of(), false);
    }

    Stmt show() {
        expectKw("show");
        if (acceptKw("all")) {
            return new VariableShowStmt("all");
        }
        if (acceptKws("time", "zone")) {
            return new VariableShowStmt("timezone");
        }
        if (acceptKws("transaction", "isolation", "level")) {
            return new VariableShowStmt("transaction_isolation");
        }
        if (acceptKws("session", "authorization")) {
            return new VariableShowStmt("session_authorization");
        }
        return new VariableShowStmt(varName());
    }
}
