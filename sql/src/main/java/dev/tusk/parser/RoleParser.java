package dev.tusk.parser;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.AccessPriv;
import dev.tusk.nodes.AlterDatabaseStmt;
import dev.tusk.nodes.AlterRoleSetStmt;
import dev.tusk.nodes.AlterRoleStmt;
import dev.tusk.nodes.CommentStmt;
import dev.tusk.nodes.CreateRoleStmt;
import dev.tusk.nodes.CreatedbStmt;
import dev.tusk.nodes.DefElem;
import dev.tusk.nodes.DropBehavior;
import dev.tusk.nodes.DropRoleStmt;
import dev.tusk.nodes.DropdbStmt;
import dev.tusk.nodes.GrantRoleStmt;
import dev.tusk.nodes.GrantStmt;
import dev.tusk.nodes.Node;
import dev.tusk.nodes.NodeList;
import dev.tusk.nodes.ObjectType;
import dev.tusk.nodes.ObjectWithArgs;
import dev.tusk.nodes.RoleSpec;
import dev.tusk.nodes.Stmt;
import dev.tusk.nodes.VariableSetStmt;
import dev.tusk.utils.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/** Roles, databases, GRANT/REVOKE and COMMENT ON (gram.y's CreateRoleStmt, AlterRoleStmt, DropRoleStmt,
 * CreatedbStmt, DropdbStmt, AlterDatabaseStmt, GrantStmt, GrantRoleStmt, CommentStmt). */
final class RoleParser extends GrammarBase {

    RoleParser(Grammar g) {
        super(g);
    }

    // ---- role specs ----

    /** RoleSpec: NonReservedWord | CURRENT_ROLE | CURRENT_USER | SESSION_USER (PUBLIC, NONE handled as PostgreSQL). */
    RoleSpec roleSpec() {
        Token t = peek();
        if (t.isKeyword("current_role")) {
            next();
            return new RoleSpec(RoleSpec.Type.CURRENT_ROLE, null, t.start());
        }
        if (t.isKeyword("current_user")) {
            next();
            return new RoleSpec(RoleSpec.Type.CURRENT_USER, null, t.start());
        }
        if (t.isKeyword("session_user")) {
            next();
            return new RoleSpec(RoleSpec.Type.SESSION_USER, null, t.start());
        }
        String name = nonReservedWord();
        if (name.equals("public")) {
            return new RoleSpec(RoleSpec.Type.PUBLIC, null, t.start());
        }
        if (name.equals("none")) {
            throw errorAt(SqlState.RESERVED_NAME, "role name \"none\" is reserved", t.start());
        }
        return new RoleSpec(RoleSpec.Type.CSTRING, name, t.start());
    }

    List<RoleSpec> roleList() {
        List<RoleSpec> l = new ArrayList<>();
        do {
            l.add(roleSpec());
        } while (acceptPunct(","));
        return l;
    }

    // ---- CREATE / ALTER / DROP ROLE ----

    Stmt createRole() {
        Token kind = next();
        CreateRoleStmt.Kind k = switch (kind.keyword()) {
            case "user" -> CreateRoleStmt.Kind.USER;
            case "group" -> CreateRoleStmt.Kind.GROUP;
            default -> CreateRoleStmt.Kind.ROLE;
        };
        Token n = peek();
        RoleSpec spec = roleSpec();
        if (spec.roletype() != RoleSpec.Type.CSTRING) {
            throw errorAt(SqlState.RESERVED_NAME, "role name \"" + ts.source().substring(n.start(), n.end())
                    + "\" is reserved", n.start());
        }
        acceptKw("with");
        List<DefElem> options = new ArrayList<>();
        while (true) {
            DefElem d = roleOption(true);
            if (d == null) {
                break;
            }
            options.add(d);
        }
        return new CreateRoleStmt(k, spec.rolename(), options);
    }

    /** CreateOptRoleElem / AlterOptRoleElem, or null at the end of the list. */
    private DefElem roleOption(boolean create) {
        Token t = peek();
        int loc = t.start();
        if (t.kind() != TokenKind.IDENT) {
            return null;
        }
        String kw = t.keyword() == null ? "" : t.keyword();
        switch (kw) {
            case "password" -> {
                next();
                if (acceptKw("null")) {
                    return DefElem.of("password", null, loc);
                }
                Token s = peek();
                return DefElem.of("password", AConst.ofString(sconst(), s.start()), loc);
            }
            case "encrypted" -> {
                next();
                expectKw("password");
                Token s = peek();
                return DefElem.of("password", AConst.ofString(sconst(), s.start()), loc);
            }
            case "unencrypted" -> {
                next();
                expectKw("password");
                throw errorAt(SqlState.FEATURE_NOT_SUPPORTED, "UNENCRYPTED PASSWORD is no longer supported", loc)
                        .withHint("Remove UNENCRYPTED to store the password in encrypted form instead.");
            }
            case "inherit" -> {
                next();
                return DefElem.of("inherit", AConst.ofBool(true, loc), loc);
            }
            case "connection" -> {
                next();
                expectKw("limit");
                return DefElem.of("connectionlimit", AConst.ofInt(signedIconst(), loc), loc);
            }
            case "valid" -> {
                next();
                expectKw("until");
                Token s = peek();
                return DefElem.of("validUntil", AConst.ofString(sconst(), s.start()), loc);
            }
            case "user" -> {
                next();
                return DefElem.of("rolemembers", new NodeList(new ArrayList<Node>(roleList())), loc);
            }
            default -> {
            }
        }
        if (create) {
            switch (kw) {
                case "sysid" -> {
                    next();
                    return DefElem.of("sysid", AConst.ofInt(iconst(), loc), loc);
                }
                case "admin" -> {
                    next();
                    return DefElem.of("adminmembers", new NodeList(new ArrayList<Node>(roleList())), loc);
                }
                case "role" -> {
                    next();
                    return DefElem.of("rolemembers", new NodeList(new ArrayList<Node>(roleList())), loc);
                }
                case "in" -> {
                    next();
                    if (!acceptKw("role")) {
                        expectKw("group");
                    }
                    return DefElem.of("addroleto", new NodeList(new ArrayList<Node>(roleList())), loc);
                }
                default -> {
                }
            }
        }
        if (t.keyword() != null && t.keyword().equals("with")) {
            return null;
        }
        if (t.keyword() != null && Keywords.lookup(t.keyword()).category() != Keywords.Category.UNRESERVED) {
            return null;
        }
        if (isPunct(1, "=")) {
            return null;
        }
        // IDENT options: superuser, nosuperuser, createdb, login, replication, bypassrls, ...
        String word = t.value();
        DefElem d = switch (word) {
            case "superuser" -> DefElem.of("superuser", AConst.ofBool(true, loc), loc);
            case "nosuperuser" -> DefElem.of("superuser", AConst.ofBool(false, loc), loc);
            case "createrole" -> DefElem.of("createrole", AConst.ofBool(true, loc), loc);
            case "nocreaterole" -> DefElem.of("createrole", AConst.ofBool(false, loc), loc);
            case "replication" -> DefElem.of("isreplication", AConst.ofBool(true, loc), loc);
            case "noreplication" -> DefElem.of("isreplication", AConst.ofBool(false, loc), loc);
            case "createdb" -> DefElem.of("createdb", AConst.ofBool(true, loc), loc);
            case "nocreatedb" -> DefElem.of("createdb", AConst.ofBool(false, loc), loc);
            case "login" -> DefElem.of("canlogin", AConst.ofBool(true, loc), loc);
            case "nologin" -> DefElem.of("canlogin", AConst.ofBool(false, loc), loc);
            case "bypassrls" -> DefElem.of("bypassrls", AConst.ofBool(true, loc), loc);
            case "nobypassrls" -> DefElem.of("bypassrls", AConst.ofBool(false, loc), loc);
            case "noinherit" -> DefElem.of("inherit", AConst.ofBool(false, loc), loc);
            default -> null;
        };
        if (d == null) {
            if (t.keyword() != null) {
                return null;
            }
            throw errorAt("unrecognized role option \"" + word + "\"", loc);
        }
        next();
        return d;
    }

    /** ALTER ROLE|USER|GROUP ... (after ALTER and the kind keyword). */
    Stmt alterRole(Token kind) {
        if (isKw("all") && (isKw(1, "set") || isKw(1, "reset") || isKw(1, "in"))) {
            next();
            return alterRoleSet(null);
        }
        RoleSpec role = roleSpec();
        if (acceptKw("rename")) {
            expectKw("to");
            return new dev.tusk.nodes.RenameStmt(ObjectType.ROLE, null, null, List.of(role.rolename() == null
                    ? "" : role.rolename()), null, colId(), DropBehavior.RESTRICT, false);
        }
        if (isKw("set") || isKw("reset") || isKw("in")) {
            return alterRoleSet(role);
        }
        if (kind.isKeyword("group") && (isKw("add") || isKw("drop"))) {
            boolean add = next().isKeyword("add");
            expectKw("user");
            List<RoleSpec> users = roleList();
            return new AlterRoleStmt(role, List.of(DefElem.of(add ? "addroleins" : "droproleins",
                    new NodeList(new ArrayList<Node>(users)), -1)));
        }
        acceptKw("with");
        List<DefElem> options = new ArrayList<>();
        while (true) {
            DefElem d = roleOption(false);
            if (d == null) {
                break;
            }
            options.add(d);
        }
        return new AlterRoleStmt(role, options);
    }

    private Stmt alterRoleSet(RoleSpec role) {
        String db = null;
        if (acceptKw("in")) {
            expectKw("database");
            db = colId();
        }
        return new AlterRoleSetStmt(role, db, setOrReset());
    }

    /** SetResetClause: SET set_rest | RESET reset_rest. */
    VariableSetStmt setOrReset() {
        if (isKw("set")) {
            return (VariableSetStmt) g.util.set();
        }
        return (VariableSetStmt) g.util.reset();
    }

    Stmt dropRole() {
        next();
        boolean missingOk = optIfExists();
        return new DropRoleStmt(roleList(), missingOk);
    }

    // ---- databases ----

    Stmt createDatabase() {
        expectKw("database");
        String name = colId();
        acceptKw("with");
        return new CreatedbStmt(name, createdbOptions());
    }

    private List<DefElem> createdbOptions() {
        List<DefElem> opts = new ArrayList<>();
        while (true) {
            Token t = peek();
            int loc = t.start();
            String name;
            if (acceptKws("connection", "limit")) {
                name = "connection_limit";
            } else if (t.kind() == TokenKind.IDENT && (t.keyword() == null || t.isKeyword("encoding")
                    || t.isKeyword("location") || t.isKeyword("owner") || t.isKeyword("tablespace")
                    || t.isKeyword("template") || t.category() == Keywords.Category.UNRESERVED)) {
                if (t.isKeyword("with") || t.isKeyword("rename") || t.isKeyword("set") || t.isKeyword("reset")) {
                    break;
                }
                next();
                name = t.value();
            } else {
                break;
            }
            if (isOp("=")) {
                next();
            }
            Token v = peek();
            Node arg;
            if (acceptKw("default")) {
                arg = null;
            } else if (v.kind() == TokenKind.ICONST || isOp("-") || isOp("+")) {
                arg = AConst.ofInt(signedIconst(), v.start());
            } else {
                arg = AConst.ofString(g.util.booleanOrString(), v.start());
            }
            opts.add(DefElem.of(name, arg, loc));
        }
        return opts;
    }

    Stmt dropDatabase() {
        expectKw("database");
        boolean missingOk = optIfExists();
        String name = colId();
        List<DefElem> options = new ArrayList<>();
        boolean with = acceptKw("with");
        if (isPunct("(")) {
            next();
            do {
                Token f = peek();
                expectKw("force");
                options.add(DefElem.of("force", null, f.start()));
            } while (acceptPunct(","));
            expectPunct(")");
        } else if (with) {
            throw syntaxError();
        }
        return new DropdbStmt(name, missingOk, options);
    }

    /** ALTER DATABASE name ... (after ALTER DATABASE). */
    Stmt alterDatabase() {
        String name = colId();
        if (acceptKw("rename")) {
            expectKw("to");
            return new dev.tusk.nodes.RenameStmt(ObjectType.DATABASE, null, null, List.of(name), null, colId(),
                    DropBehavior.RESTRICT, false);
        }
        if (acceptKw("owner")) {
            expectKw("to");
            return new dev.tusk.nodes.AlterOwnerStmt(ObjectType.DATABASE, List.of(name), roleSpec());
        }
        if (isKw("set") && isKw(1, "tablespace")) {
            next();
            next();
            Token t = peek();
            return new AlterDatabaseStmt(name, List.of(DefElem.of("tablespace", AConst.ofString(colId(), t.start()),
                    t.start())), null);
        }
        if (isKw("set") || isKw("reset")) {
            return new AlterDatabaseStmt(name, List.of(), setOrReset());
        }
        if (isKw("refresh")) {
            return g.stmts.unsupported("ALTER DATABASE");
        }
        acceptKw("with");
        return new AlterDatabaseStmt(name, createdbOptions(), null);
    }

    // ---- GRANT / REVOKE ----

    Stmt grantOrRevoke() {
        boolean grant = next().isKeyword("grant");
        boolean option = false;
        if (!grant && (isKw("grant") || isKw("admin")) && isKw(1, "option") && isKw(2, "for")) {
            next();
            next();
            next();
            option = true;
        }
        if (!isKw("all") && !hasOnBeforeToOrFrom()) {
            List<String> roles = new ArrayList<>();
            do {
                roles.add(colId());
            } while (acceptPunct(","));
            if (grant) {
                expectKw("to");
            } else {
                expectKw("from");
            }
            List<RoleSpec> grantees = roleList();
            boolean admin = false;
            if (grant && acceptKws("with", "admin", "option")) {
                admin = true;
            }
            if (acceptKws("granted", "by")) {
                roleSpec();
            }
            DropBehavior b = grant ? DropBehavior.RESTRICT : optDropBehavior();
            return new GrantRoleStmt(roles, grantees, grant, grant ? admin : option, b);
        }
        List<AccessPriv> privs = new ArrayList<>();
        if (acceptKw("all")) {
            acceptKw("privileges");
            if (isPunct("(")) {
                privs.add(new AccessPriv(null, parenNameList()));
            }
        } else {
            do {
                Token p = peek();
                if (!isColId(p) && !p.isKeyword("select") && !p.isKeyword("references") && !p.isKeyword("create")) {
                    throw syntaxError();
                }
                next();
                List<String> cols = isPunct("(") ? parenNameList() : List.of();
                privs.add(new AccessPriv(p.value(), cols));
            } while (acceptPunct(","));
        }
        expectKw("on");
        ObjectType type = ObjectType.TABLE;
        boolean allIn = false;
        List<List<String>> objects = new ArrayList<>();
        Token t = peek();
        String kw = t.keyword() == null ? "" : t.keyword();
        switch (kw) {
            case "all" -> {
                next();
                Token what = next();
                type = switch (what.keyword() == null ? "" : what.keyword()) {
                    case "tables" -> ObjectType.TABLE;
                    case "sequences" -> ObjectType.SEQUENCE;
                    case "functions" -> ObjectType.FUNCTION;
                    case "procedures" -> ObjectType.PROCEDURE;
                    case "routines" -> ObjectType.ROUTINE;
                    default -> throw syntaxErrorAt(what);
                };
                expectKw("in");
                expectKw("schema");
                allIn = true;
                for (String s : nameList()) {
                    objects.add(List.of(s));
                }
            }
            case "table", "sequence", "database", "schema", "function", "procedure", "routine", "language", "type",
                    "domain", "tablespace", "foreign", "large" -> {
                next();
                type = switch (kw) {
                    case "sequence" -> ObjectType.SEQUENCE;
                    case "database" -> ObjectType.DATABASE;
                    case "schema" -> ObjectType.SCHEMA;
                    case "function" -> ObjectType.FUNCTION;
                    case "procedure" -> ObjectType.PROCEDURE;
                    case "routine" -> ObjectType.ROUTINE;
                    case "language" -> ObjectType.LANGUAGE;
                    case "type" -> ObjectType.TYPE;
                    case "domain" -> ObjectType.DOMAIN;
                    case "tablespace" -> ObjectType.TABLESPACE;
                    case "foreign" -> {
                        if (acceptKw("server")) {
                            yield ObjectType.FOREIGN_SERVER;
                        }
                        expectKw("data");
                        expectKw("wrapper");
                        yield ObjectType.FDW;
                    }
                    case "large" -> {
                        expectKw("object");
                        yield ObjectType.LARGEOBJECT;
                    }
                    default -> ObjectType.TABLE;
                };
                if (type == ObjectType.FUNCTION || type == ObjectType.PROCEDURE || type == ObjectType.ROUTINE) {
                    do {
                        objects.add(g.ddl.functionWithArgtypes(false).objname());
                    } while (acceptPunct(","));
                } else if (type == ObjectType.LARGEOBJECT) {
                    do {
                        objects.add(List.of(numericOnly().toString()));
                    } while (acceptPunct(","));
                } else {
                    objects.addAll(anyNameList());
                }
            }
            default -> objects.addAll(anyNameList());
        }
        if (grant) {
            expectKw("to");
        } else {
            expectKw("from");
        }
        List<RoleSpec> grantees = new ArrayList<>();
        do {
            acceptKw("group");
            grantees.add(roleSpec());
        } while (acceptPunct(","));
        boolean grantOption = option;
        if (grant && acceptKws("with", "grant", "option")) {
            grantOption = true;
        }
        if (acceptKws("granted", "by")) {
            roleSpec();
        }
        DropBehavior b = grant ? DropBehavior.RESTRICT : optDropBehavior();
        return new GrantStmt(grant, type, allIn, objects, privs, grantees, grantOption, b);
    }

    /** Distinguishes GRANT privileges ON ... from GRANT role TO ...: an ON before TO/FROM at depth 0. */
    private boolean hasOnBeforeToOrFrom() {
        int depth = 0;
        for (int k = 0; ; k++) {
            Token t = peek(k);
            if (t.kind() == TokenKind.EOF || (depth == 0 && t.isPunct(";"))) {
                return false;
            }
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")")) {
                depth--;
            } else if (depth == 0 && (t.isKeyword("to") || t.isKeyword("from"))) {
                return false;
            } else if (depth == 0 && t.isKeyword("on")) {
                return true;
            }
        }
    }

    // ---- COMMENT ON ----

    Stmt comment() {
        expectKw("comment");
        expectKw("on");
        Token t = next();
        String kw = t.keyword() == null ? "" : t.keyword();
        ObjectType type;
        List<String> object;
        ObjectWithArgs args = null;
        switch (kw) {
            case "table" -> type = ObjectType.TABLE;
            case "column" -> type = ObjectType.COLUMN;
            case "index" -> type = ObjectType.INDEX;
            case "sequence" -> type = ObjectType.SEQUENCE;
            case "view" -> type = ObjectType.VIEW;
            case "schema" -> type = ObjectType.SCHEMA;
            case "database" -> type = ObjectType.DATABASE;
            case "role" -> type = ObjectType.ROLE;
            case "type" -> type = ObjectType.TYPE;
            case "domain" -> type = ObjectType.DOMAIN;
            case "extension" -> type = ObjectType.EXTENSION;
            case "collation" -> type = ObjectType.COLLATION;
            case "tablespace" -> type = ObjectType.TABLESPACE;
            case "materialized" -> {
                expectKw("view");
                type = ObjectType.MATVIEW;
            }
            case "function", "procedure", "routine", "aggregate" -> type = switch (kw) {
                case "procedure" -> ObjectType.PROCEDURE;
                case "routine" -> ObjectType.ROUTINE;
                case "aggregate" -> ObjectType.AGGREGATE;
                default -> ObjectType.FUNCTION;
            };
            case "constraint", "trigger", "rule", "policy" -> type = switch (kw) {
                case "trigger" -> ObjectType.TRIGGER;
                case "rule" -> ObjectType.RULE;
                case "policy" -> ObjectType.POLICY;
                default -> ObjectType.TABCONSTRAINT;
            };
            default -> {
                return g.stmts.unsupported("COMMENT");
            }
        }
        if (type == ObjectType.TABCONSTRAINT || type == ObjectType.TRIGGER || type == ObjectType.RULE
                || type == ObjectType.POLICY) {
            String name = colId();
            expectKw("on");
            if (type == ObjectType.TABCONSTRAINT && acceptKw("domain")) {
                type = ObjectType.DOMCONSTRAINT;
            }
            object = new ArrayList<>(anyName());
            object.add(name);
        } else if (type == ObjectType.FUNCTION || type == ObjectType.PROCEDURE || type == ObjectType.ROUTINE
                || type == ObjectType.AGGREGATE) {
            args = g.ddl.functionWithArgtypes(type == ObjectType.AGGREGATE);
            object = args.objname();
        } else if (type == ObjectType.SCHEMA || type == ObjectType.DATABASE || type == ObjectType.ROLE
                || type == ObjectType.EXTENSION || type == ObjectType.TABLESPACE) {
            object = List.of(colId());
        } else {
            object = anyName();
        }
        expectKw("is");
        String text;
        if (acceptKw("null")) {
            text = null;
        } else {
            text = sconst();
        }
        return new CommentStmt(type, object, args, text);
    }
}
