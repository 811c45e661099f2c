package dev.tusk.parser;

import dev.tusk.nodes.AlterObjectSchemaStmt;
import dev.tusk.nodes.AlterOwnerStmt;
import dev.tusk.nodes.AlterSeqStmt;
import dev.tusk.nodes.AlterTableCmd;
import dev.tusk.nodes.AlterTableStmt;
import dev.tusk.nodes.CollateClause;
import dev.tusk.nodes.ColumnDef;
import dev.tusk.nodes.Constraint;
import dev.tusk.nodes.DefElem;
import dev.tusk.nodes.DropBehavior;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.ObjectType;
import dev.tusk.nodes.RangeVar;
import dev.tusk.nodes.RenameStmt;
import dev.tusk.nodes.Stmt;
import dev.tusk.nodes.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * ALTER statements (gram.y's AlterTableStmt, RenameStmt, AlterOwnerStmt, AlterObjectSchemaStmt, AlterSeqStmt,
 * and the role/database forms delegated to {@link RoleParser}).
 */
final class AlterParser extends GrammarBase {

    AlterParser(Grammar g) {
        super(g);
    }

    Stmt alter() {
        expectKw("alter");
        Token t = peek();
        String kw = t.keyword() == null ? "" : t.keyword();
        switch (kw) {
            case "table" -> {
                next();
                return alterRelation(ObjectType.TABLE);
            }
            case "index" -> {
                next();
                return alterRelation(ObjectType.INDEX);
            }
            case "view" -> {
                next();
                return alterRelation(ObjectType.VIEW);
            }
            case "materialized" -> {
                next();
                expectKw("view");
                return alterRelation(ObjectType.MATVIEW);
            }
            case "sequence" -> {
                next();
                return alterSequence();
            }
            case "schema" -> {
                next();
                String name = colId();
                if (acceptKw("rename")) {
                    expectKw("to");
                    return new RenameStmt(ObjectType.SCHEMA, null, null, List.of(name), null, colId(),
                            DropBehavior.RESTRICT, false);
                }
                expectKw("owner");
                expectKw("to");
                return new AlterOwnerStmt(ObjectType.SCHEMA, List.of(name), g.roles.roleSpec());
            }
            case "database" -> {
                next();
                return g.roles.alterDatabase();
            }
            case "role", "user", "group" -> {
                if (kw.equals("user") && isKw(1, "mapping")) {
                    return g.stmts.unsupported("ALTER USER MAPPING");
                }
                return g.roles.alterRole(next());
            }
            default -> {
                if (t.kind() == TokenKind.IDENT && t.keyword() != null) {
                    return g.stmts.unsupported("ALTER " + kw.toUpperCase());
                }
                throw syntaxError();
            }
        }
    }

    /** ALTER TABLE/INDEX/VIEW/MATERIALIZED VIEW [IF EXISTS] name ... */
    private Stmt alterRelation(ObjectType type) {
        if (isKw("all") && isKw(1, "in")) {
            return g.stmts.unsupported("ALTER " + type);
        }
        boolean missingOk = optIfExists();
        RangeVar rel = g.from.relationExpr();
        if (acceptKw("rename")) {
            return rename(type, rel, missingOk);
        }
        if (isKw("set") && isKw(1, "schema")) {
            next();
            next();
            return new AlterObjectSchemaStmt(type, rel, List.of(), colId(), missingOk);
        }
        if (isKw("attach") || isKw("detach")) {
            return g.stmts.unsupported("ALTER TABLE");
        }
        List<AlterTableCmd> cmds = new ArrayList<>();
        do {
            cmds.add(alterTableCmd());
        } while (acceptPunct(","));
        return new AlterTableStmt(rel, cmds, type, missingOk);
    }

    private Stmt rename(ObjectType type, RangeVar rel, boolean missingOk) {
        if (acceptKw("to")) {
            return new RenameStmt(type, type, rel, List.of(), null, colId(), DropBehavior.RESTRICT, missingOk);
        }
        if (acceptKw("constraint")) {
            String old = colId();
            expectKw("to");
            return new RenameStmt(ObjectType.TABCONSTRAINT, type, rel, List.of(), old, colId(), DropBehavior.RESTRICT,
                    missingOk);
        }
        acceptKw("column");
        String old = colId();
        expectKw("to");
        return new RenameStmt(ObjectType.COLUMN, type, rel, List.of(), old, colId(), DropBehavior.RESTRICT,
                missingOk);
    }

    private AlterTableCmd alterTableCmd() {
        Token t = peek();
        String kw = t.keyword() == null ? "" : t.keyword();
        switch (kw) {
            case "add" -> {
                next();
                if (g.ddl.elements().startsTableConstraint() && !isKw("column")) {
                    return new AlterTableCmd.AddConstraint(g.ddl.elements().tableConstraint());
                }
                acceptKw("column");
                boolean ifNotExists = optIfNotExists();
                ColumnDef def = g.ddl.elements().columnDef();
                return new AlterTableCmd.AddColumn(def, ifNotExists);
            }
            case "drop" -> {
                next();
                if (acceptKw("constraint")) {
                    boolean missingOk = optIfExists();
                    String name = colId();
                    return new AlterTableCmd.DropConstraint(name, optDropBehavior(), missingOk);
                }
                acceptKw("column");
                boolean missingOk = optIfExists();
                String name = colId();
                return new AlterTableCmd.DropColumn(name, optDropBehavior(), missingOk);
            }
            case "alter" -> {
                next();
                if (acceptKw("constraint")) {
                    String name = colId();
                    while (isKw("deferrable") || isKw("not") || isKw("initially")) {
                        next();
                        if (!acceptKw("deferrable") && !acceptKw("deferred") && !acceptKw("immediate")
                                && ts.previous().isKeyword("not")) {
                            throw syntaxError();
                        }
                    }
                    return new AlterTableCmd.Other("ALTER CONSTRAINT " + name);
                }
                acceptKw("column");
                if (peek().kind() == TokenKind.ICONST) {
                    // ALTER INDEX ... ALTER COLUMN n SET STATISTICS m
                    Token n = next();
                    return alterColumn(n.value());
                }
                return alterColumn(colId());
            }
            case "validate" -> {
                next();
                expectKw("constraint");
                return new AlterTableCmd.ValidateConstraint(colId());
            }
            case "owner" -> {
                next();
                expectKw("to");
                return new AlterTableCmd.ChangeOwner(g.roles.roleSpec());
            }
            case "set", "reset", "cluster", "enable", "disable", "inherit", "no", "of", "not", "replica", "force",
                    "options" -> {
                if ((isKw("set") || isKw("reset")) && isPunct(1, "(")) {
                    Token what = next();
                    g.ddl.relOptions();
                    return new AlterTableCmd.Other(what.keyword().toUpperCase() + " (...)");
                }
                return otherCmd();
            }
            default -> throw syntaxError();
        }
    }

    /** ALTER [COLUMN] name ... */
    private AlterTableCmd alterColumn(String col) {
        if (isKw("set") && isKw(1, "default")) {
            next();
            next();
            return new AlterTableCmd.ColumnDefault(col, g.expr.aExpr());
        }
        if (isKw("drop") && isKw(1, "default")) {
            next();
            next();
            return new AlterTableCmd.ColumnDefault(col, null);
        }
        if (acceptKws("set", "not", "null")) {
            return new AlterTableCmd.SetNotNull(col);
        }
        if (acceptKws("drop", "not", "null")) {
            return new AlterTableCmd.DropNotNull(col);
        }
        if (acceptKws("drop", "identity")) {
            return new AlterTableCmd.DropIdentity(col, optIfExists());
        }
        if (acceptKws("drop", "expression")) {
            optIfExists();
            return new AlterTableCmd.Other("DROP EXPRESSION");
        }
        if (isKw("type") || (isKw("set") && isKw(1, "data"))) {
            if (acceptKw("set")) {
                expectKw("data");
            }
            expectKw("type");
            TypeName type = g.types.typename();
            CollateClause coll = null;
            if (isKw("collate")) {
                Token c = next();
                coll = new CollateClause(null, anyName(), c.start());
            }
            Expr using = null;
            if (acceptKw("using")) {
                using = g.expr.aExpr();
            }
            return new AlterTableCmd.AlterColumnType(col, type, coll, using);
        }
        if (isKw("add") && isKw(1, "generated")) {
            Token add = next();
            next();
            char when = g.ddl.elements().generatedWhen();
            expectKw("as");
            expectKw("identity");
            List<DefElem> opts = List.of();
            if (isPunct("(")) {
                next();
                opts = g.ddl.seqOptList(true);
                expectPunct(")");
            }
            Constraint c = Constraint.of(Constraint.ConstrType.IDENTITY, null, add.start());
            c = new Constraint(c.contype(), null, false, false, null, List.of(), List.of(), opts, null, false, false,
                    false, when, null, List.of(), List.of(), c.fkMatchtype(), c.fkUpdAction(), c.fkDelAction(),
                    c.location());
            return new AlterTableCmd.AddIdentity(col, c);
        }
        if (isKw("set") && (isKw(1, "statistics") || isKw(1, "storage") || isKw(1, "compression"))) {
            next();
            Token what = next();
            dev.tusk.nodes.Node value = what.isKeyword("statistics") ? numericOnly()
                    : dev.tusk.nodes.AConst.ofString(colId(), peek().start());
            return new AlterTableCmd.ColumnOption(col, what.keyword(), value);
        }
        if ((isKw("set") || isKw("reset")) && isPunct(1, "(")) {
            Token what = next();
            return new AlterTableCmd.ColumnOption(col, what.keyword(),
                    new dev.tusk.nodes.NodeList(new ArrayList<>(g.ddl.relOptions())));
        }
        // alter_identity_column_option_list: SET GENERATED ... | SET seq option | RESTART [[WITH] n]
        List<DefElem> opts = new ArrayList<>();
        while (isKw("set") || isKw("restart")) {
            Token t = peek();
            if (acceptKw("restart")) {
                if (acceptKw("with") || peek().kind() == TokenKind.ICONST || peek().kind() == TokenKind.FCONST) {
                    opts.add(DefElem.of("restart", numericOnly(), t.start()));
                } else {
                    opts.add(DefElem.of("restart", null, t.start()));
                }
                continue;
            }
            next();
            if (acceptKw("generated")) {
                char when = g.ddl.elements().generatedWhen();
                opts.add(DefElem.of("generated", dev.tusk.nodes.AConst.ofString(String.valueOf(when), t.start()),
                        t.start()));
                continue;
            }
            DefElem d = g.ddl.seqOptElem();
            if (d == null) {
                throw syntaxError();
            }
            opts.add(d);
        }
        if (opts.isEmpty()) {
            throw syntaxError();
        }
        return new AlterTableCmd.SetIdentity(col, opts);
    }

    /** Subcommands accepted for scripts' sake but without meaning here. */
    private AlterTableCmd otherCmd() {
        StringBuilder what = new StringBuilder();
        int depth = 0;
        while (true) {
            Token t = peek();
            if (t.kind() == TokenKind.EOF || (depth == 0 && (t.isPunct(";") || t.isPunct(",")))) {
                break;
            }
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")")) {
                if (depth == 0) {
                    throw syntaxError();
                }
                depth--;
            }
            if (what.length() < 60) {
                if (!what.isEmpty()) {
                    what.append(' ');
                }
                what.append(ts.source(), t.start(), t.end());
            }
            next();
        }
        return new AlterTableCmd.Other(what.toString());
    }

    private Stmt alterSequence() {
        boolean missingOk = optIfExists();
        RangeVar seq = qualifiedName();
        if (acceptKw("rename")) {
            expectKw("to");
            return new RenameStmt(ObjectType.SEQUENCE, ObjectType.SEQUENCE, seq, List.of(), null, colId(),
                    DropBehavior.RESTRICT, missingOk);
        }
        if (isKw("owner") && isKw(1, "to")) {
            next();
            next();
            return new AlterTableStmt(seq, List.of(new AlterTableCmd.ChangeOwner(g.roles.roleSpec())),
                    ObjectType.SEQUENCE, missingOk);
        }
        if (isKw("set") && isKw(1, "schema")) {
            next();
            next();
            return new AlterObjectSchemaStmt(ObjectType.SEQUENCE, seq, List.of(), colId(), missingOk);
        }
        if (isKw("set")) {
            next();
            if (!isKw("logged") && !isKw("unlogged")) {
                throw syntaxError();
            }
            return new AlterTableStmt(seq, List.of(new AlterTableCmd.Other("SET " + next().keyword().toUpperCase())),
                    ObjectType.SEQUENCE, missingOk);
        }
        List<DefElem> opts = g.ddl.seqOptList(true);
        return new AlterSeqStmt(seq, opts, missingOk);
    }
}
