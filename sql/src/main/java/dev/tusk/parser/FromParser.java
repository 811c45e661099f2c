package dev.tusk.parser;

import dev.tusk.nodes.Alias;
import dev.tusk.nodes.ColumnDef;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.FromItem;
import dev.tusk.nodes.JoinExpr;
import dev.tusk.nodes.RangeFunction;
import dev.tusk.nodes.RangeSubselect;
import dev.tusk.nodes.RangeVar;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.nodes.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * FROM lists (gram.y's from_list, table_ref, joined_table, relation_expr, alias_clause, func_table). Joins are
 * left-associative; a join that needs ON/USING absorbs following joins into its right side until its qualifier
 * appears, as bison's shift preference does ({@code a JOIN b JOIN c ON x ON y}).
 */
final class FromParser extends GrammarBase {

    FromParser(Grammar g) {
        super(g);
    }

    List<FromItem> fromList() {
        List<FromItem> l = new ArrayList<>();
        do {
            l.add(tableRef());
        } while (acceptPunct(","));
        return l;
    }

    /** table_ref including any joins that follow it. */
    FromItem tableRef() {
        FromItem left = tablePrimary();
        while (startsJoin()) {
            left = oneJoin(left);
        }
        return left;
    }

    private boolean startsJoin() {
        Token t = peek();
        if (t.keyword() == null) {
            return false;
        }
        return switch (t.keyword()) {
            // these keywords cannot be aliases (not ColId), so after a table they always start a join
            case "join", "cross", "natural", "inner", "left", "right", "full" -> true;
            default -> false;
        };
    }

    private JoinExpr oneJoin(FromItem left) {
        if (acceptKw("cross")) {
            expectKw("join");
            FromItem right = tablePrimary();
            return new JoinExpr(JoinExpr.JoinType.INNER, false, left, right, List.of(), null, null, null);
        }
        boolean natural = acceptKw("natural");
        JoinExpr.JoinType type = joinType();
        expectKw("join");
        FromItem right = tablePrimary();
        if (natural) {
            return new JoinExpr(type, true, left, right, List.of(), null, null, null);
        }
        while (startsJoin()) {
            right = oneJoin(right);
        }
        if (acceptKw("on")) {
            Expr quals = g.expr.aExpr();
            return new JoinExpr(type, false, left, right, List.of(), null, quals, null);
        }
        if (acceptKw("using")) {
            List<String> cols = parenNameList();
            Alias usingAlias = null;
            if (acceptKw("as")) {
                usingAlias = new Alias(colId());
            }
            return new JoinExpr(type, false, left, right, cols, usingAlias, null, null);
        }
        throw syntaxError();
    }

    private JoinExpr.JoinType joinType() {
        JoinExpr.JoinType type = JoinExpr.JoinType.INNER;
        if (acceptKw("inner")) {
            return type;
        }
        if (acceptKw("left")) {
            type = JoinExpr.JoinType.LEFT;
        } else if (acceptKw("right")) {
            type = JoinExpr.JoinType.RIGHT;
        } else if (acceptKw("full")) {
            type = JoinExpr.JoinType.FULL;
        } else {
            return type;
        }
        acceptKw("outer");
        return type;
    }

    /** A table_ref without trailing joins. */
    private FromItem tablePrimary() {
        Token t = peek();
        boolean lateral = false;
        if (t.isKeyword("lateral")) {
            next();
            lateral = true;
            t = peek();
        }
        if (t.isPunct("(")) {
            if (g.expr.looksLikeSelect()) {
                final boolean lat = lateral;
                Token open = t;
                FromItem item = attempt(() -> subselect(lat), this::parenJoin);
                if (item instanceof RangeSubselect rs && rs.alias() == null) {
                    if (rs.subquery().isValues()) {
                        throw errorAt("VALUES in FROM must have an alias", open.start())
                                .withHint("For example, FROM (VALUES ...) [AS] foo.");
                    }
                    throw errorAt("subquery in FROM must have an alias", open.start())
                            .withHint("For example, FROM (SELECT ...) [AS] foo.");
                }
                return item;
            }
            if (lateral) {
                throw syntaxError();
            }
            return parenJoin();
        }
        if (t.isKeyword("rows") && isKw(1, "from")) {
            return rowsFrom(lateral);
        }
        if (startsFunction()) {
            return functionTable(lateral);
        }
        if (lateral) {
            if (isTypeFunctionName(t) || isColId(t)) {
                // only a function can follow LATERAL here, so the name must be followed by '('
                next();
            }
            throw syntaxError();
        }
        if (isTypeFunctionName(t) && !isColId(t)) {
            // a type_func_name keyword can only name a function here, so '(' must follow
            next();
            throw syntaxError();
        }
        RangeVar rv = relationExpr();
        Alias alias = optAliasClause();
        if (isKw("tablesample")) {
            throw errorAt(dev.tusk.utils.error.SqlState.FEATURE_NOT_SUPPORTED, "TABLESAMPLE is not supported",
                    peek().start());
        }
        return alias == null ? rv : rv.withAlias(alias);
    }

    /** A sub-SELECT and its alias; a missing alias is reported by the caller, outside the backtracking. */
    private FromItem subselect(boolean lateral) {
        SelectStmt q = g.select.selectWithParens();
        Alias alias = optAliasClause();
        return new RangeSubselect(lateral, q, alias);
    }

    /** '(' joined_table ')' [alias_clause]. */
    private FromItem parenJoin() {
        expectPunct("(");
        FromItem inner = tableRef();
        if (!(inner instanceof JoinExpr)) {
            // only a joined table may be parenthesized in FROM
            throw syntaxError();
        }
        expectPunct(")");
        Alias alias = optAliasClause();
        if (inner instanceof JoinExpr j) {
            return alias == null ? j : j.withAlias(alias);
        }
        if (alias != null) {
            // PostgreSQL only allows an alias on a parenthesized join
            throw syntaxError();
        }
        return inner;
    }

    /** Does the current position start a function call (name ['.' name]* '(' or a SQL-syntax function)? */
    private boolean startsFunction() {
        Token t = peek();
        if (t.kind() != TokenKind.IDENT) {
            return false;
        }
        String kw = t.keyword();
        if (kw != null) {
            switch (kw) {
                case "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp",
                        "current_role", "current_user", "session_user", "user", "current_catalog" -> {
                    return true;
                }
                case "cast" -> {
                    return true;
                }
                case "coalesce", "greatest", "least", "nullif", "extract", "substring", "position", "trim",
                        "overlay", "normalize" -> {
                    return isPunct(1, "(");
                }
                case "current_schema" -> {
                    return true;
                }
                default -> {
                }
            }
        }
        int k = 1;
        while (peek(k).isPunct(".") && isColLabel(peek(k + 1))) {
            k += 2;
        }
        return peek(k).isPunct("(") && (k > 1 ? isColId(t) : isTypeFunctionName(t));
    }

    private FromItem functionTable(boolean lateral) {
        Expr f = g.expr.cExpr(false);
        boolean ordinality = acceptOrdinality();
        return functionAlias(lateral, ordinality, false, List.of(f));
    }

    private boolean acceptOrdinality() {
        if (isKw("with") && isKw(1, "ordinality")) {
            next();
            next();
            return true;
        }
        return false;
    }

    private FromItem rowsFrom(boolean lateral) {
        next();
        next();
        expectPunct("(");
        List<Expr> funcs = new ArrayList<>();
        do {
            funcs.add(g.expr.cExpr(false));
            if (acceptKw("as")) {
                expectPunct("(");
                tableFuncElementList();
                expectPunct(")");
            }
        } while (acceptPunct(","));
        expectPunct(")");
        boolean ordinality = acceptOrdinality();
        return functionAlias(lateral, ordinality, true, funcs);
    }

    /** func_alias_clause: alias_clause | AS '(' coldefs ')' | [AS] ColId '(' coldefs ')'. */
    private FromItem functionAlias(boolean lateral, boolean ordinality, boolean rowsFrom, List<Expr> funcs) {
        boolean as = acceptKw("as");
        if (as && isPunct("(")) {
            next();
            List<ColumnDef> defs = tableFuncElementList();
            expectPunct(")");
            return new RangeFunction(lateral, ordinality, rowsFrom, funcs, null, defs);
        }
        if (!(as ? isColLabel(peek()) && isColId(peek()) : isColId(peek()))) {
            if (as) {
                throw syntaxError();
            }
            return new RangeFunction(lateral, ordinality, rowsFrom, funcs, null, List.of());
        }
        String name = next().value();
        if (isPunct("(")) {
            next();
            if (isColId(peek()) && (isPunct(1, ",") || isPunct(1, ")"))) {
                List<String> cols = nameList();
                expectPunct(")");
                return new RangeFunction(lateral, ordinality, rowsFrom, funcs, new Alias(name, cols), List.of());
            }
            List<ColumnDef> defs = tableFuncElementList();
            expectPunct(")");
            return new RangeFunction(lateral, ordinality, rowsFrom, funcs, new Alias(name), defs);
        }
        return new RangeFunction(lateral, ordinality, rowsFrom, funcs, new Alias(name), List.of());
    }

    private List<ColumnDef> tableFuncElementList() {
        List<ColumnDef> l = new ArrayList<>();
        do {
            Token n = peek();
            String name = colId();
            TypeName tn = g.types.typename();
            dev.tusk.nodes.CollateClause coll = null;
            if (acceptKw("collate")) {
                coll = new dev.tusk.nodes.CollateClause(null, anyName(), ts.previous().start());
            }
            l.add(new ColumnDef(name, tn, coll, List.of(), n.start()));
        } while (acceptPunct(","));
        return l;
    }

    /** relation_expr: qualified_name ['*'] | ONLY qualified_name | ONLY '(' qualified_name ')'. */
    RangeVar relationExpr() {
        if (acceptKw("only")) {
            boolean paren = acceptPunct("(");
            RangeVar rv = qualifiedName();
            if (paren) {
                expectPunct(")");
            }
            return new RangeVar(rv.catalogname(), rv.schemaname(), rv.relname(), false, 'p', null, rv.location());
        }
        RangeVar rv = qualifiedName();
        if (isOp("*")) {
            next();
        }
        return rv;
    }

    /** opt_alias_clause: [AS] ColId ['(' name_list ')']. */
    Alias optAliasClause() {
        if (acceptKw("as")) {
            String name = colId();
            return new Alias(name, optColumnList());
        }
        if (isColId(peek())) {
            String name = next().value();
            return new Alias(name, optColumnList());
        }
        return null;
    }

    /** relation_expr_opt_alias of UPDATE/DELETE: [AS] ColId, but never SET (PostgreSQL's %prec rule). */
    RangeVar relationExprOptAlias() {
        RangeVar rv = relationExpr();
        if (acceptKw("as")) {
            return rv.withAlias(new Alias(colId()));
        }
        if (isColId(peek()) && !isKw("set")) {
            return rv.withAlias(new Alias(next().value()));
        }
        return rv;
    }

    List<RangeVar> relationExprList() {
        List<RangeVar> l = new ArrayList<>();
        do {
            l.add(relationExpr());
        } while (acceptPunct(","));
        return l;
    }
}
