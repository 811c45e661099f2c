package dev.tusk.parser;

import dev.tusk.nodes.CollateClause;
import dev.tusk.nodes.ColumnDef;
import dev.tusk.nodes.Constraint;
import dev.tusk.nodes.Constraint.ConstrType;
import dev.tusk.nodes.DefElem;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.RangeVar;
import dev.tusk.nodes.TableElement;
import dev.tusk.nodes.TableLikeClause;
import dev.tusk.nodes.TypeName;
import dev.tusk.utils.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * CREATE TABLE's elements (gram.y's columnDef, ColConstraint, TableConstraint, TableLikeClause), shared with
 * ALTER TABLE ADD COLUMN / ADD CONSTRAINT.
 */
final class TableElementParser extends GrammarBase {

    TableElementParser(Grammar g) {
        super(g);
    }

    List<TableElement> tableElementList() {
        List<TableElement> l = new ArrayList<>();
        do {
            l.add(tableElement());
        } while (acceptPunct(","));
        return l;
    }

    private TableElement tableElement() {
        Token t = peek();
        if (t.isKeyword("like")) {
            next();
            RangeVar rel = qualifiedName();
            int options = 0;
            while (isKw("including") || isKw("excluding")) {
                boolean including = next().isKeyword("including");
                Token o = next();
                int bit = switch (o.keyword() == null ? "" : o.keyword()) {
                    case "comments" -> TableLikeClause.COMMENTS;
                    case "compression" -> TableLikeClause.COMPRESSION;
                    case "constraints" -> TableLikeClause.CONSTRAINTS;
                    case "defaults" -> TableLikeClause.DEFAULTS;
                    case "identity" -> TableLikeClause.IDENTITY;
                    case "generated" -> TableLikeClause.GENERATED;
                    case "indexes" -> TableLikeClause.INDEXES;
                    case "statistics" -> TableLikeClause.STATISTICS;
                    case "storage" -> TableLikeClause.STORAGE;
                    case "all" -> TableLikeClause.ALL;
                    default -> throw syntaxErrorAt(o);
                };
                options = including ? options | bit : options & ~bit;
            }
            return new TableLikeClause(rel, options);
        }
        if (startsTableConstraint()) {
            return tableConstraint();
        }
        return columnDef();
    }

    boolean startsTableConstraint() {
        Token t = peek();
        return t.isKeyword("constraint") || t.isKeyword("check") || t.isKeyword("unique")
                || (t.isKeyword("primary") && isKw(1, "key")) || (t.isKeyword("foreign") && isKw(1, "key"))
                || t.isKeyword("exclude");
    }

    /** columnDef: ColId Typename [COMPRESSION x] ColQualList. */
    ColumnDef columnDef() {
        Token t = peek();
        String name = colId();
        TypeName type = g.types.typename();
        if (acceptKw("compression")) {
            colId();
        }
        List<Constraint> constraints = new ArrayList<>();
        CollateClause collate = null;
        while (true) {
            Token c = peek();
            if (c.isKeyword("collate")) {
                next();
                collate = new CollateClause(null, anyName(), c.start());
                continue;
            }
            if (applyAttribute(constraints)) {
                continue;
            }
            String conname = null;
            if (c.isKeyword("constraint")) {
                next();
                conname = colId();
            }
            Constraint con = columnConstraintElem(conname, c.start());
            if (con == null) {
                if (conname != null) {
                    throw syntaxError();
                }
                break;
            }
            constraints.add(con);
        }
        return new ColumnDef(name, type, collate, constraints, t.start());
    }

    /**
     * ConstraintAttr after a column constraint (DEFERRABLE, NOT DEFERRABLE, INITIALLY DEFERRED/IMMEDIATE): folded
     * into the previous constraint as PostgreSQL's transformConstraintAttrs does.
     */
    private boolean applyAttribute(List<Constraint> constraints) {
        Token t = peek();
        boolean deferrable;
        Boolean initDeferred = null;
        Boolean deferrableSet = null;
        if (t.isKeyword("deferrable")) {
            next();
            deferrableSet = true;
        } else if (t.isKeyword("not") && isKw(1, "deferrable")) {
            next();
            next();
            deferrableSet = false;
        } else if (t.isKeyword("initially")) {
            next();
            if (acceptKw("deferred")) {
                initDeferred = true;
            } else {
                expectKw("immediate");
                initDeferred = false;
            }
        } else {
            return false;
        }
        if (constraints.isEmpty()) {
            throw errorAt(deferrableSet != null ? "misplaced " + (deferrableSet ? "DEFERRABLE" : "NOT DEFERRABLE")
                    + " clause" : "misplaced INITIALLY " + (initDeferred ? "DEFERRED" : "IMMEDIATE") + " clause",
                    t.start());
        }
        Constraint last = constraints.get(constraints.size() - 1);
        ConstrType ct = last.contype();
        if (ct != ConstrType.UNIQUE && ct != ConstrType.PRIMARY && ct != ConstrType.FOREIGN
                && ct != ConstrType.EXCLUSION) {
            throw errorAt(deferrableSet != null ? "misplaced " + (deferrableSet ? "DEFERRABLE" : "NOT DEFERRABLE")
                    + " clause" : "misplaced INITIALLY " + (initDeferred ? "DEFERRED" : "IMMEDIATE") + " clause",
                    t.start());
        }
        deferrable = deferrableSet != null ? deferrableSet : last.deferrable() || Boolean.TRUE.equals(initDeferred);
        boolean initially = initDeferred != null ? initDeferred : last.initdeferred();
        if (initially && !deferrable) {
            throw errorAt("constraint declared INITIALLY DEFERRED must be DEFERRABLE", t.start());
        }
        constraints.set(constraints.size() - 1, withDeferral(last, deferrable, initially));
        return true;
    }

    private static Constraint withDeferral(Constraint c, boolean deferrable, boolean initdeferred) {
        return new Constraint(c.contype(), c.conname(), deferrable, initdeferred, c.rawExpr(), c.keys(), c.including(),
                c.options(), c.indexspace(), c.isNoInherit(), c.skipValidation(), c.nullsNotDistinct(),
                c.generatedWhen(), c.pktable(), c.fkAttrs(), c.pkAttrs(), c.fkMatchtype(), c.fkUpdAction(),
                c.fkDelAction(), c.location());
    }

    /** ColConstraintElem, or null if the current token does not start one. */
    private Constraint columnConstraintElem(String conname, int loc) {
        Token t = peek();
        String kw = t.keyword() == null ? "" : t.keyword();
        switch (kw) {
            case "not" -> {
                if (!isKw(1, "null")) {
                    if (isKw(1, "deferrable")) {
                        return null;
                    }
                    next();
                    throw syntaxError();
                }
                next();
                next();
                return Constraint.of(ConstrType.NOT_NULL, conname, loc);
            }
            case "null" -> {
                next();
                return Constraint.of(ConstrType.NULL, conname, loc);
            }
            case "unique" -> {
                next();
                boolean nnd = optNullsDistinct();
                List<DefElem> opts = optDefinition();
                String ts = optUsingIndexTablespace();
                return new Constraint(ConstrType.UNIQUE, conname, false, false, null, List.of(), List.of(), opts, ts,
                        false, false, nnd, '\0', null, List.of(), List.of(), Constraint.FkMatch.SIMPLE,
                        Constraint.FkAction.NO_ACTION, Constraint.FkAction.NO_ACTION, loc);
            }
            case "primary" -> {
                next();
                expectKw("key");
                List<DefElem> opts = optDefinition();
                String ts = optUsingIndexTablespace();
                return new Constraint(ConstrType.PRIMARY, conname, false, false, null, List.of(), List.of(), opts, ts,
                        false, false, false, '\0', null, List.of(), List.of(), Constraint.FkMatch.SIMPLE,
                        Constraint.FkAction.NO_ACTION, Constraint.FkAction.NO_ACTION, loc);
            }
            case "check" -> {
                next();
                expectPunct("(");
                Expr e = g.expr.aExpr();
                expectPunct(")");
                boolean noInherit = acceptKws("no", "inherit");
                return new Constraint(ConstrType.CHECK, conname, false, false, e, List.of(), List.of(), List.of(),
                        null, noInherit, false, false, '\0', null, List.of(), List.of(), Constraint.FkMatch.SIMPLE,
                        Constraint.FkAction.NO_ACTION, Constraint.FkAction.NO_ACTION, loc);
            }
            case "default" -> {
                next();
                Expr e = g.expr.bExpr();
                return new Constraint(ConstrType.DEFAULT, conname, false, false, e, List.of(), List.of(), List.of(),
                        null, false, false, false, '\0', null, List.of(), List.of(), Constraint.FkMatch.SIMPLE,
                        Constraint.FkAction.NO_ACTION, Constraint.FkAction.NO_ACTION, loc);
            }
            case "generated" -> {
                next();
                char when = generatedWhen();
                expectKw("as");
                if (acceptKw("identity")) {
                    List<DefElem> seqOpts = List.of();
                    if (isPunct("(")) {
                        next();
                        seqOpts = g.ddl.seqOptList(true);
                        expectPunct(")");
                    }
                    return new Constraint(ConstrType.IDENTITY, conname, false, false, null, List.of(), List.of(),
                            seqOpts, null, false, false, false, when, null, List.of(), List.of(),
                            Constraint.FkMatch.SIMPLE, Constraint.FkAction.NO_ACTION, Constraint.FkAction.NO_ACTION,
                            loc);
                }
                expectPunct("(");
                Expr e = g.expr.aExpr();
                expectPunct(")");
                Token stored = expectKw("stored");
                if (when != 'a') {
                    throw errorAt("for a generated column, GENERATED ALWAYS must be specified", loc);
                }
                return new Constraint(ConstrType.GENERATED, conname, false, false, e, List.of(), List.of(), List.of(),
                        null, false, false, false, when, null, List.of(), List.of(), Constraint.FkMatch.SIMPLE,
                        Constraint.FkAction.NO_ACTION, Constraint.FkAction.NO_ACTION, stored.start() >= 0 ? loc : loc);
            }
            case "references" -> {
                next();
                return references(conname, List.of(), loc);
            }
            default -> {
                return null;
            }
        }
    }

    /** generated_when: ALWAYS | BY DEFAULT. */
    char generatedWhen() {
        if (acceptKw("always")) {
            return 'a';
        }
        expectKw("by");
        expectKw("default");
        return 'd';
    }

    private boolean optNullsDistinct() {
        if (isKw("nulls") && isKw(1, "not") && isKw(2, "distinct")) {
            next();
            next();
            next();
            return true;
        }
        if (isKw("nulls") && isKw(1, "distinct")) {
            next();
            next();
        }
        return false;
    }

    /** opt_definition: WITH (reloptions). */
    private List<DefElem> optDefinition() {
        if (isKw("with") && isPunct(1, "(")) {
            next();
            return g.ddl.relOptions();
        }
        return List.of();
    }

    /** OptConsTableSpace: USING INDEX TABLESPACE name. */
    private String optUsingIndexTablespace() {
        if (isKw("using") && isKw(1, "index") && isKw(2, "tablespace")) {
            next();
            next();
            next();
            return colId();
        }
        return null;
    }

    /** REFERENCES qualified_name [(cols)] [MATCH ...] [ON DELETE/UPDATE action...]. */
    private Constraint references(String conname, List<String> fkAttrs, int loc) {
        RangeVar pk = qualifiedName();
        List<String> pkAttrs = optColumnList();
        Constraint.FkMatch match = Constraint.FkMatch.SIMPLE;
        if (isKw("match")) {
            next();
            Token m = peek();
            if (acceptKw("full")) {
                match = Constraint.FkMatch.FULL;
            } else if (acceptKw("partial")) {
                throw errorAt(SqlState.FEATURE_NOT_SUPPORTED, "MATCH PARTIAL not yet implemented", m.start());
            } else {
                expectKw("simple");
            }
        }
        Constraint.FkAction upd = Constraint.FkAction.NO_ACTION;
        Constraint.FkAction del = Constraint.FkAction.NO_ACTION;
        boolean sawUpd = false;
        boolean sawDel = false;
        while (isKw("on") && (isKw(1, "update") || isKw(1, "delete"))) {
            next();
            boolean isUpdate = next().isKeyword("update");
            if ((isUpdate && sawUpd) || (!isUpdate && sawDel)) {
                throw syntaxErrorAt(ts.previous());
            }
            Constraint.FkAction a = keyAction();
            if (isUpdate) {
                upd = a;
                sawUpd = true;
            } else {
                del = a;
                sawDel = true;
            }
        }
        return new Constraint(ConstrType.FOREIGN, conname, false, false, null, List.of(), List.of(), List.of(), null,
                false, false, false, '\0', pk, fkAttrs, pkAttrs, match, upd, del, loc);
    }

    private Constraint.FkAction keyAction() {
        if (acceptKws("no", "action")) {
            return Constraint.FkAction.NO_ACTION;
        }
        if (acceptKw("restrict")) {
            return Constraint.FkAction.RESTRICT;
        }
        if (acceptKw("cascade")) {
            return Constraint.FkAction.CASCADE;
        }
        expectKw("set");
        Constraint.FkAction a;
        if (acceptKw("null")) {
            a = Constraint.FkAction.SET_NULL;
        } else {
            expectKw("default");
            a = Constraint.FkAction.SET_DEFAULT;
        }
        if (isPunct("(")) {
            parenNameList();
        }
        return a;
    }

    /** TableConstraint: [CONSTRAINT name] ConstraintElem ConstraintAttributeSpec. */
    Constraint tableConstraint() {
        Token start = peek();
        String conname = null;
        if (acceptKw("constraint")) {
            conname = colId();
        }
        Token t = peek();
        int loc = start.start();
        Constraint c;
        switch (t.keyword() == null ? "" : t.keyword()) {
            case "check" -> {
                next();
                expectPunct("(");
                Expr e = g.expr.aExpr();
                expectPunct(")");
                c = new Constraint(ConstrType.CHECK, conname, false, false, e, List.of(), List.of(), List.of(), null,
                        false, false, false, '\0', null, List.of(), List.of(), Constraint.FkMatch.SIMPLE,
                        Constraint.FkAction.NO_ACTION, Constraint.FkAction.NO_ACTION, loc);
            }
            case "unique", "primary" -> {
                next();
                boolean primary = t.isKeyword("primary");
                if (primary) {
                    expectKw("key");
                }
                boolean nnd = !primary && optNullsDistinct();
                if (isKw("using") && isKw(1, "index") && !isKw(2, "tablespace")) {
                    next();
                    next();
                    String index = colId();
                    c = new Constraint(primary ? ConstrType.PRIMARY : ConstrType.UNIQUE, conname, false, false, null,
                            List.of(), List.of(), List.of(DefElem.of("index_name",
                                    dev.tusk.nodes.AConst.ofString(index, -1), -1)), null, false, false, nnd, '\0',
                            null, List.of(), List.of(), Constraint.FkMatch.SIMPLE, Constraint.FkAction.NO_ACTION,
                            Constraint.FkAction.NO_ACTION, loc);
                    break;
                }
                List<String> keys = parenNameList();
                List<String> including = List.of();
                if (acceptKw("include")) {
                    including = parenNameList();
                }
                List<DefElem> opts = optDefinition();
                String tsName = optUsingIndexTablespace();
                c = new Constraint(primary ? ConstrType.PRIMARY : ConstrType.UNIQUE, conname, false, false, null,
                        keys, including, opts, tsName, false, false, nnd, '\0', null, List.of(), List.of(),
                        Constraint.FkMatch.SIMPLE, Constraint.FkAction.NO_ACTION, Constraint.FkAction.NO_ACTION, loc);
            }
            case "foreign" -> {
                next();
                expectKw("key");
                List<String> fkCols = parenNameList();
                expectKw("references");
                c = references(conname, fkCols, loc);
            }
            case "exclude" -> {
                // EXCLUDE [USING method] (elem WITH op, ...) [INCLUDE ...] [WITH ...] [USING INDEX TABLESPACE x]
                // [WHERE (pred)]: parsed for shape only, kept as an EXCLUSION constraint without details
                next();
                if (acceptKw("using")) {
                    colId();
                }
                expectPunct("(");
                do {
                    g.ddl.indexElem();
                    expectKw("with");
                    if (isKw("operator")) {
                        g.expr.qualOp();
                    } else if (peek().kind() == TokenKind.OP) {
                        next();
                    } else {
                        throw syntaxError();
                    }
                } while (acceptPunct(","));
                expectPunct(")");
                if (acceptKw("include")) {
                    parenNameList();
                }
                optDefinition();
                optUsingIndexTablespace();
                if (acceptKw("where")) {
                    expectPunct("(");
                    g.expr.aExpr();
                    expectPunct(")");
                }
                c = Constraint.of(ConstrType.EXCLUSION, conname, loc);
            }
            default -> throw syntaxError();
        }
        return constraintAttributes(c);
    }

    /** ConstraintAttributeSpec: [NOT] DEFERRABLE, INITIALLY ..., NOT VALID, NO INHERIT in any order. */
    private Constraint constraintAttributes(Constraint c) {
        boolean deferrable = false;
        boolean initdeferred = false;
        boolean notValid = false;
        boolean noInherit = c.isNoInherit();
        while (true) {
            Token t = peek();
            if (acceptKw("deferrable")) {
                deferrable = true;
            } else if (acceptKws("not", "deferrable")) {
                deferrable = false;
            } else if (acceptKws("initially", "deferred")) {
                initdeferred = true;
                deferrable = true;
            } else if (acceptKws("initially", "immediate")) {
                initdeferred = false;
            } else if (acceptKws("not", "valid")) {
                notValid = true;
            } else if (acceptKws("no", "inherit")) {
                noInherit = true;
            } else {
                break;
            }
            if (t == null) {
                break;
            }
        }
        if ((deferrable || initdeferred) && c.contype() == ConstrType.CHECK) {
            throw errorAt(SqlState.FEATURE_NOT_SUPPORTED, "CHECK constraints cannot be marked DEFERRABLE",
                    c.location());
        }
        return new Constraint(c.contype(), c.conname(), deferrable, initdeferred, c.rawExpr(), c.keys(), c.including(),
                c.options(), c.indexspace(), noInherit, notValid, c.nullsNotDistinct(), c.generatedWhen(), c.pktable(),
                c.fkAttrs(), c.pkAttrs(), c.fkMatchtype(), c.fkUpdAction(), c.fkDelAction(), c.location());
    }
}
