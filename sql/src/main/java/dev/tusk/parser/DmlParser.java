package dev.tusk.parser;

import dev.tusk.nodes.Alias;
import dev.tusk.nodes.DeleteStmt;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.FromItem;
import dev.tusk.nodes.IndexElem;
import dev.tusk.nodes.IndirectionItem;
import dev.tusk.nodes.InferClause;
import dev.tusk.nodes.InsertStmt;
import dev.tusk.nodes.MultiAssignRef;
import dev.tusk.nodes.OnConflictClause;
import dev.tusk.nodes.RangeVar;
import dev.tusk.nodes.ResTarget;
import dev.tusk.nodes.RowExpr;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.nodes.SubLink;
import dev.tusk.nodes.UpdateStmt;
import dev.tusk.nodes.WithClause;
import java.util.ArrayList;
import java.util.List;

/** INSERT, UPDATE and DELETE (gram.y's InsertStmt, UpdateStmt, DeleteStmt). */
final class DmlParser extends GrammarBase {

    DmlParser(Grammar g) {
        super(g);
    }

    InsertStmt insert(WithClause with) {
        expectKw("insert");
        expectKw("into");
        RangeVar rel = qualifiedName();
        if (acceptKw("as")) {
            rel = rel.withAlias(new Alias(colId()));
        }
        List<ResTarget> cols = List.of();
        InsertStmt.Overriding override = InsertStmt.Overriding.NOT_SET;
        SelectStmt source;
        if (isKw("default")) {
            next();
            expectKw("values");
            source = null;
        } else {
            if (isPunct("(") && !g.expr.looksLikeSelect() && !isPunct(1, "(")) {
                next();
                cols = insertColumnList();
                expectPunct(")");
            }
            if (acceptKw("overriding")) {
                if (acceptKw("user")) {
                    override = InsertStmt.Overriding.USER_VALUE;
                } else {
                    expectKw("system");
                    override = InsertStmt.Overriding.SYSTEM_VALUE;
                }
                expectKw("value");
            }
            source = g.select.selectStmt();
        }
        OnConflictClause onConflict = null;
        if (isKw("on") && isKw(1, "conflict")) {
            onConflict = onConflict();
        }
        List<ResTarget> returning = returningClause();
        return new InsertStmt(rel, cols, source, onConflict, returning, with, override);
    }

    private List<ResTarget> insertColumnList() {
        List<ResTarget> cols = new ArrayList<>();
        do {
            Token t = peek();
            String name = colId();
            List<IndirectionItem> ind = g.expr.indirection(false);
            cols.add(new ResTarget(name, ind, null, t.start()));
        } while (acceptPunct(","));
        return cols;
    }

    private OnConflictClause onConflict() {
        Token on = next();
        next();
        InferClause infer = null;
        if (isPunct("(")) {
            Token open = next();
            List<IndexElem> elems = new ArrayList<>();
            do {
                elems.add(g.ddl.indexElem());
            } while (acceptPunct(","));
            expectPunct(")");
            Expr where = null;
            if (acceptKw("where")) {
                where = g.expr.aExpr();
            }
            infer = new InferClause(elems, where, null, open.start());
        } else if (isKw("on") && isKw(1, "constraint")) {
            Token o = next();
            next();
            infer = new InferClause(List.of(), null, colId(), o.start());
        }
        expectKw("do");
        if (acceptKw("nothing")) {
            return new OnConflictClause(OnConflictClause.Action.NOTHING, infer, List.of(), null, on.start());
        }
        expectKw("update");
        expectKw("set");
        List<ResTarget> set = setClauseList();
        Expr where = null;
        if (acceptKw("where")) {
            where = g.expr.aExpr();
        }
        return new OnConflictClause(OnConflictClause.Action.UPDATE, infer, set, where, on.start());
    }

    List<ResTarget> returningClause() {
        if (acceptKw("returning")) {
            return g.select.targetList();
        }
        return List.of();
    }

    UpdateStmt update(WithClause with) {
        expectKw("update");
        RangeVar rel = g.from.relationExprOptAlias();
        expectKw("set");
        List<ResTarget> set = setClauseList();
        List<FromItem> from = List.of();
        if (acceptKw("from")) {
            from = g.from.fromList();
        }
        Expr where = whereOrCurrentOf();
        List<ResTarget> returning = returningClause();
        return new UpdateStmt(rel, set, where, from, returning, with);
    }

    DeleteStmt delete(WithClause with) {
        expectKw("delete");
        expectKw("from");
        RangeVar rel = g.from.relationExprOptAlias();
        List<FromItem> using = List.of();
        if (acceptKw("using")) {
            using = g.from.fromList();
        }
        Expr where = whereOrCurrentOf();
        List<ResTarget> returning = returningClause();
        return new DeleteStmt(rel, using, where, returning, with);
    }

    private Expr whereOrCurrentOf() {
        if (!acceptKw("where")) {
            return null;
        }
        if (isKw("current") && isKw(1, "of")) {
            throw errorAt(dev.tusk.utils.error.SqlState.FEATURE_NOT_SUPPORTED, "WHERE CURRENT OF is not supported",
                    peek().start());
        }
        return g.expr.aExpr();
    }

    /** set_clause_list, splitting (a, b) = (x, y) per column as PostgreSQL does. */
    List<ResTarget> setClauseList() {
        List<ResTarget> out = new ArrayList<>();
        do {
            Token t = peek();
            if (t.isPunct("(")) {
                next();
                List<ResTarget> targets = new ArrayList<>();
                do {
                    Token c = peek();
                    String name = colId();
                    targets.add(new ResTarget(name, g.expr.indirection(false), null, c.start()));
                } while (acceptPunct(","));
                expectPunct(")");
                expectOp("=");
                Token src = peek();
                Expr value = g.expr.aExpr();
                int n = targets.size();
                if (value instanceof RowExpr row && row.args().stream().noneMatch(
                        a -> a instanceof dev.tusk.nodes.ColumnRef c && c.star())) {
                    if (row.args().size() != n) {
                        throw errorAt("number of columns does not match number of values", src.start());
                    }
                    for (int i = 0; i < n; i++) {
                        ResTarget rt = targets.get(i);
                        out.add(new ResTarget(rt.name(), rt.indirection(), row.args().get(i), rt.location()));
                    }
                } else if (value instanceof RowExpr row) {
                    for (int i = 0; i < n; i++) {
                        ResTarget rt = targets.get(i);
                        out.add(new ResTarget(rt.name(), rt.indirection(), new MultiAssignRef(row, i + 1, n,
                                src.start()), rt.location()));
                    }
                } else if (value instanceof SubLink sl && sl.subLinkType() == SubLink.Type.EXPR) {
                    SubLink multi = new SubLink(SubLink.Type.MULTIEXPR, null, List.of(), sl.subselect(),
                            sl.location());
                    for (int i = 0; i < n; i++) {
                        ResTarget rt = targets.get(i);
                        out.add(new ResTarget(rt.name(), rt.indirection(), new MultiAssignRef(multi, i + 1, n,
                                src.start()), rt.location()));
                    }
                } else {
                    throw errorAt("source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression",
                            value.location());
                }
            } else {
                String name = colId();
                List<IndirectionItem> ind = g.expr.indirection(false);
                expectOp("=");
                Expr value = g.expr.aExpr();
                out.add(new ResTarget(name, ind, value, t.start()));
            }
        } while (acceptPunct(","));
        return out;
    }

    private void expectOp(String op) {
        if (!isOp(op)) {
            throw syntaxError();
        }
        next();
    }
}
