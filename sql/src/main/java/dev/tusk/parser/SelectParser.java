package dev.tusk.parser;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.ColumnRef;
import dev.tusk.nodes.CommonTableExpr;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.FromItem;
import dev.tusk.nodes.GroupingSet;
import dev.tusk.nodes.IntoClause;
import dev.tusk.nodes.LockingClause;
import dev.tusk.nodes.OnCommitAction;
import dev.tusk.nodes.RangeVar;
import dev.tusk.nodes.ResTarget;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.nodes.SortBy;
import dev.tusk.nodes.Stmt;
import dev.tusk.nodes.WindowDef;
import dev.tusk.nodes.WithClause;
import java.util.ArrayList;
import java.util.List;

/**
 * Queries (gram.y's SelectStmt, select_no_parens, select_clause, simple_select): WITH, SELECT lists, set
 * operations with INTERSECT binding tighter than UNION/EXCEPT, VALUES, TABLE, ORDER BY, LIMIT/OFFSET/FETCH and
 * locking clauses, with PostgreSQL's checks for repeated clauses (insertSelectOptions).
 */
final class SelectParser extends GrammarBase {

    SelectParser(Grammar g) {
        super(g);
    }

    /** Whether the current token starts a SelectStmt. */
    boolean startsSelect() {
        return isKw("select") || isKw("values") || isKw("with") || isKw("table") || isPunct("(");
    }

    /** SelectStmt: select_no_parens | select_with_parens. */
    SelectStmt selectStmt() {
        WithClause with = null;
        if (isKw("with")) {
            with = withClause();
        }
        SelectStmt s = setOperations(0);
        return selectOptions(s, with);
    }

    /** select_with_parens. */
    SelectStmt selectWithParens() {
        expectPunct("(");
        SelectStmt s = selectStmt();
        expectPunct(")");
        return s;
    }

    /** ORDER BY / LIMIT / OFFSET / FETCH / FOR UPDATE after a select_clause, then the WITH clause. */
    SelectStmt selectOptions(SelectStmt s, WithClause with) {
        if (isKw("order")) {
            next();
            expectKw("by");
            List<SortBy> sort = sortByList();
            if (!s.sortClause().isEmpty()) {
                throw errorAt("multiple ORDER BY clauses not allowed", sort.get(0).node().location());
            }
            s = s.withSortClause(sort);
        }
        boolean sawLimit = false;
        boolean sawLocking = false;
        while (true) {
            if (!sawLimit && (isKw("limit") || isKw("offset") || isKw("fetch"))) {
                s = limitClauses(s);
                sawLimit = true;
            } else if (!sawLocking && isKw("for")) {
                s = lockingClauses(s);
                sawLocking = true;
            } else {
                break;
            }
        }
        if (with != null) {
            if (s.withClause() != null) {
                throw errorAt("multiple WITH clauses not allowed", with.location());
            }
            s = s.withWithClause(with);
        }
        return s;
    }

    /** select_clause with UNION/EXCEPT (level 1) and INTERSECT (level 2). */
    private SelectStmt setOperations(int minLevel) {
        SelectStmt left = selectPrimary();
        while (true) {
            int lvl;
            if (isKw("union") || isKw("except")) {
                lvl = 1;
            } else if (isKw("intersect")) {
                lvl = 2;
            } else {
                break;
            }
            if (lvl < minLevel) {
                break;
            }
            Token op = next();
            boolean all = false;
            if (acceptKw("all")) {
                all = true;
            } else {
                acceptKw("distinct");
            }
            SelectStmt right = setOperations(lvl + 1);
            SelectStmt.SetOperation kind = switch (op.keyword()) {
                case "union" -> SelectStmt.SetOperation.UNION;
                case "intersect" -> SelectStmt.SetOperation.INTERSECT;
                default -> SelectStmt.SetOperation.EXCEPT;
            };
            left = SelectStmt.setOp(kind, all, left, right, op.start());
        }
        return left;
    }

    /** simple_select without set operations, or a select_with_parens. */
    private SelectStmt selectPrimary() {
        Token t = peek();
        if (t.isPunct("(")) {
            return selectWithParens();
        }
        if (t.isKeyword("select")) {
            return simpleSelect();
        }
        if (t.isKeyword("values")) {
            return valuesClause();
        }
        if (t.isKeyword("table")) {
            next();
            RangeVar rv = g.from.relationExpr();
            SelectStmt s = SelectStmt.empty(t.start());
            return new SelectStmt(null, null, List.of(ResTarget.of(null, new ColumnRef(List.of(), true, -1), -1)),
                    List.of(rv), null, List.of(), false, null, List.of(), List.of(), List.of(), null, null,
                    SelectStmt.LimitOption.DEFAULT, List.of(), null, SelectStmt.SetOperation.NONE, false, null, null,
                    s.location());
        }
        throw syntaxError();
    }

    /** VALUES (row), (row)... */
    SelectStmt valuesClause() {
        Token v = expectKw("values");
        List<List<Expr>> rows = new ArrayList<>();
        do {
            rows.add(g.expr.parenExprList());
        } while (acceptPunct(","));
        return SelectStmt.values(rows, v.start());
    }

    private SelectStmt simpleSelect() {
        Token sel = expectKw("select");
        List<Expr> distinct = null;
        boolean targetRequired = false;
        if (acceptKw("all")) {
            // opt_all_clause
        } else if (isKw("distinct")) {
            next();
            targetRequired = true;
            if (acceptKw("on")) {
                distinct = g.expr.parenExprList();
            } else {
                distinct = List.of();
            }
        }
        List<ResTarget> targets = List.of();
        if (targetRequired || isOp("*") || ExprParser.canStartExpr(peek())) {
            targets = targetList();
        }
        IntoClause into = null;
        if (isKw("into")) {
            into = intoClause();
        }
        List<FromItem> from = List.of();
        if (acceptKw("from")) {
            from = g.from.fromList();
        }
        Expr where = null;
        if (acceptKw("where")) {
            where = g.expr.aExpr();
        }
        List<Expr> group = List.of();
        boolean groupDistinct = false;
        if (isKw("group")) {
            next();
            expectKw("by");
            if (acceptKw("distinct")) {
                groupDistinct = true;
            } else {
                acceptKw("all");
            }
            group = groupByList();
        }
        Expr having = null;
        if (acceptKw("having")) {
            having = g.expr.aExpr();
        }
        List<WindowDef> windows = List.of();
        if (acceptKw("window")) {
            windows = new ArrayList<>();
            do {
                String name = colId();
                expectKw("as");
                windows.add(g.func.windowSpecification(name));
            } while (acceptPunct(","));
        }
        return new SelectStmt(distinct, into, targets, from, where, group, groupDistinct, having, windows, List.of(),
                List.of(), null, null, SelectStmt.LimitOption.DEFAULT, List.of(), null, SelectStmt.SetOperation.NONE,
                false, null, null, sel.start());
    }

    /** target_list. */
    List<ResTarget> targetList() {
        List<ResTarget> l = new ArrayList<>();
        do {
            l.add(targetEl());
        } while (acceptPunct(","));
        return l;
    }

    private ResTarget targetEl() {
        Token t = peek();
        if (t.isOp("*")) {
            next();
            return ResTarget.of(null, new ColumnRef(List.of(), true, t.start()), t.start());
        }
        Expr e = g.expr.aExprBeforeLabel();
        String name = null;
        if (acceptKw("as")) {
            name = colLabel();
        } else if (isBareColLabel(peek()) && !(isKw("nulls") && (isKw(1, "first") || isKw(1, "last")))) {
            // NULLS FIRST/LAST is one token for PostgreSQL's grammar (NULLS_LA), never a label
            name = next().value();
        }
        return ResTarget.of(name, e, t.start());
    }

    /** INTO [TEMP|UNLOGGED] [TABLE] name of SELECT INTO. */
    private IntoClause intoClause() {
        expectKw("into");
        char persistence = optTemp();
        acceptKw("table");
        RangeVar rel = qualifiedName().withPersistence(persistence);
        return new IntoClause(rel, List.of(), null, List.of(), OnCommitAction.NOOP, null, false);
    }

    /** OptTemp: TEMP | TEMPORARY | LOCAL TEMP | GLOBAL TEMP | UNLOGGED, as relpersistence. */
    char optTemp() {
        if (acceptKw("temp") || acceptKw("temporary")) {
            return 't';
        }
        if ((isKw("local") || isKw("global")) && (isKw(1, "temp") || isKw(1, "temporary"))) {
            next();
            next();
            return 't';
        }
        if (acceptKw("unlogged")) {
            return 'u';
        }
        return 'p';
    }

    private List<Expr> groupByList() {
        List<Expr> l = new ArrayList<>();
        do {
            l.add(groupByItem());
        } while (acceptPunct(","));
        return l;
    }

    private Expr groupByItem() {
        Token t = peek();
        if (t.isPunct("(") && isPunct(1, ")")) {
            next();
            next();
            return new GroupingSet(GroupingSet.Kind.EMPTY, List.of(), t.start());
        }
        if ((t.isKeyword("cube") || t.isKeyword("rollup")) && isPunct(1, "(")) {
            next();
            List<Expr> items = g.expr.parenExprList();
            return new GroupingSet(t.isKeyword("cube") ? GroupingSet.Kind.CUBE : GroupingSet.Kind.ROLLUP, items,
                    t.start());
        }
        if (t.isKeyword("grouping") && isKw(1, "sets")) {
            next();
            next();
            expectPunct("(");
            List<Expr> items = groupByList();
            expectPunct(")");
            return new GroupingSet(GroupingSet.Kind.SETS, items, t.start());
        }
        return g.expr.aExpr();
    }

    /** sortby_list. */
    List<SortBy> sortByList() {
        List<SortBy> l = new ArrayList<>();
        do {
            Expr e = g.expr.aExpr();
            SortBy.SortByDir dir = SortBy.SortByDir.DEFAULT;
            List<String> useOp = List.of();
            int loc = -1;
            if (acceptKw("asc")) {
                dir = SortBy.SortByDir.ASC;
            } else if (acceptKw("desc")) {
                dir = SortBy.SortByDir.DESC;
            } else if (isKw("using")) {
                loc = next().start();
                dir = SortBy.SortByDir.USING;
                useOp = g.expr.qualOp();
            }
            SortBy.SortByNulls nulls = optNullsOrder();
            l.add(new SortBy(e, dir, nulls, useOp, loc));
        } while (acceptPunct(","));
        return l;
    }

    /** opt_nulls_order. */
    SortBy.SortByNulls optNullsOrder() {
        if (isKw("nulls") && (isKw(1, "first") || isKw(1, "last"))) {
            next();
            return next().isKeyword("first") ? SortBy.SortByNulls.FIRST : SortBy.SortByNulls.LAST;
        }
        return SortBy.SortByNulls.DEFAULT;
    }

    // ---- LIMIT / OFFSET / FETCH ----

    private SelectStmt limitClauses(SelectStmt s) {
        Expr limit = null;
        Expr offset = null;
        SelectStmt.LimitOption option = SelectStmt.LimitOption.DEFAULT;
        boolean haveLimit = false;
        boolean haveOffset = false;
        while (true) {
            Token t = peek();
            if (!haveLimit && t.isKeyword("limit")) {
                next();
                if (acceptKw("all")) {
                    limit = AConst.ofNull(ts.previous().start());
                } else {
                    limit = g.expr.aExpr();
                }
                if (isPunct(",")) {
                    throw errorAt("LIMIT #,# syntax is not supported", t.start())
                            .withHint("Use separate LIMIT and OFFSET clauses.");
                }
                option = SelectStmt.LimitOption.COUNT;
                haveLimit = true;
            } else if (!haveLimit && t.isKeyword("fetch")) {
                next();
                if (!acceptKw("first")) {
                    expectKw("next");
                }
                if (isKw("row") || isKw("rows")) {
                    limit = AConst.ofInt(1, -1);
                } else {
                    limit = fetchFirstValue();
                }
                if (!acceptKw("row")) {
                    expectKw("rows");
                }
                if (acceptKw("only")) {
                    option = SelectStmt.LimitOption.COUNT;
                } else {
                    expectKw("with");
                    expectKw("ties");
                    option = SelectStmt.LimitOption.WITH_TIES;
                    if (s.sortClause().isEmpty()) {
                        // PostgreSQL reports this one without a cursor position
                        throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.SqlState.SYNTAX_ERROR,
                                "WITH TIES cannot be specified without ORDER BY clause");
                    }
                }
                haveLimit = true;
            } else if (!haveOffset && t.isKeyword("offset")) {
                next();
                offset = g.expr.aExpr();
                if (!acceptKw("row")) {
                    acceptKw("rows");
                }
                haveOffset = true;
            } else if (t.isKeyword("limit") || t.isKeyword("fetch") || t.isKeyword("offset")) {
                throw syntaxError();
            } else {
                break;
            }
        }
        if (haveLimit && s.limitCount() != null) {
            throw errorAt("multiple LIMIT clauses not allowed", limit.location());
        }
        if (haveOffset && s.limitOffset() != null) {
            throw errorAt("multiple OFFSET clauses not allowed", offset.location());
        }
        return s.withLimit(haveOffset ? offset : s.limitOffset(), haveLimit ? limit : s.limitCount(),
                haveLimit ? option : s.limitOption());
    }

    /** select_fetch_first_value: c_expr | '+' I_or_F_const | '-' I_or_F_const. */
    private Expr fetchFirstValue() {
        Token t = peek();
        if (t.isOp("-") || t.isOp("+")) {
            next();
            Token n = peek();
            if (n.kind() != TokenKind.ICONST && n.kind() != TokenKind.FCONST) {
                throw syntaxError();
            }
            next();
            return Literals.number((t.isOp("-") ? "-" : "") + n.value(), t.start());
        }
        return g.expr.cExpr(false);
    }

    private SelectStmt lockingClauses(SelectStmt s) {
        List<LockingClause> locks = new ArrayList<>(s.lockingClause());
        while (isKw("for")) {
            if (isKw(1, "read") && isKw(2, "only")) {
                next();
                next();
                next();
                continue;
            }
            next();
            LockingClause.Strength strength;
            if (acceptKw("update")) {
                strength = LockingClause.Strength.FOR_UPDATE;
            } else if (acceptKw("share")) {
                strength = LockingClause.Strength.FOR_SHARE;
            } else if (acceptKws("no", "key", "update")) {
                strength = LockingClause.Strength.FOR_NO_KEY_UPDATE;
            } else {
                expectKw("key");
                expectKw("share");
                strength = LockingClause.Strength.FOR_KEY_SHARE;
            }
            List<RangeVar> rels = List.of();
            if (acceptKw("of")) {
                rels = qualifiedNameList();
            }
            LockingClause.WaitPolicy wait = LockingClause.WaitPolicy.BLOCK;
            if (acceptKw("nowait")) {
                wait = LockingClause.WaitPolicy.ERROR;
            } else if (acceptKws("skip", "locked")) {
                wait = LockingClause.WaitPolicy.SKIP;
            }
            locks.add(new LockingClause(rels, strength, wait));
        }
        return s.withLockingClause(locks);
    }

    // ---- WITH ----

    WithClause withClause() {
        Token w = expectKw("with");
        boolean recursive = acceptKw("recursive");
        List<CommonTableExpr> ctes = new ArrayList<>();
        do {
            Token n = peek();
            String name = colId();
            List<String> cols = optColumnList();
            expectKw("as");
            CommonTableExpr.Materialize mat = CommonTableExpr.Materialize.DEFAULT;
            if (acceptKw("materialized")) {
                mat = CommonTableExpr.Materialize.ALWAYS;
            } else if (acceptKws("not", "materialized")) {
                mat = CommonTableExpr.Materialize.NEVER;
            }
            expectPunct("(");
            Stmt q = g.stmts.preparableStmt();
            expectPunct(")");
            ctes.add(new CommonTableExpr(name, cols, mat, q, n.start()));
        } while (acceptPunct(","));
        return new WithClause(ctes, recursive, w.start());
    }
}
