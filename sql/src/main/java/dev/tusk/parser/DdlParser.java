package dev.tusk.parser;

import dev.tusk.nodes.CreateFunctionStmt;
import dev.tusk.nodes.CreateSchemaStmt;
import dev.tusk.nodes.CreateSeqStmt;
import dev.tusk.nodes.CreateStmt;
import dev.tusk.nodes.CreateTableAsStmt;
import dev.tusk.nodes.DefElem;
import dev.tusk.nodes.DropBehavior;
import dev.tusk.nodes.DropStmt;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.IndexElem;
import dev.tusk.nodes.IndexStmt;
import dev.tusk.nodes.IntoClause;
import dev.tusk.nodes.ObjectType;
import dev.tusk.nodes.ObjectWithArgs;
import dev.tusk.nodes.OnCommitAction;
import dev.tusk.nodes.RangeVar;
import dev.tusk.nodes.RoleSpec;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.nodes.SortBy;
import dev.tusk.nodes.Stmt;
import dev.tusk.nodes.TableElement;
import dev.tusk.nodes.TruncateStmt;
import dev.tusk.nodes.TypeName;
import dev.tusk.nodes.ViewStmt;
import java.util.ArrayList;
import java.util.List;

/**
 * CREATE and DROP of tables, views, indexes, sequences, schemas and functions, CREATE TABLE AS, TRUNCATE
 * (gram.y's CreateStmt, CreateAsStmt, ViewStmt, IndexStmt, CreateSeqStmt, CreateSchemaStmt, DropStmt,
 * TruncateStmt). Table elements and constraints are in {@link TableElementParser}.
 */
final class DdlParser extends GrammarBase {
    private final TableElementParser elements;

    DdlParser(Grammar g) {
        super(g);
        this.elements = new TableElementParser(g);
    }

    TableElementParser elements() {
        return elements;
    }

    Stmt create() {
        expectKw("create");
        boolean orReplace = acceptKws("or", "replace");
        Token t = peek();
        String kw = t.keyword() == null ? "" : t.keyword();
        switch (kw) {
            case "schema" -> {
                return createSchema();
            }
            case "database" -> {
                return g.roles.createDatabase();
            }
            case "role", "user", "group" -> {
                if (kw.equals("user") && isKw(1, "mapping")) {
                    return g.stmts.unsupported("CREATE USER MAPPING");
                }
                return g.roles.createRole();
            }
            case "unique", "index" -> {
                return createIndex();
            }
            case "function", "procedure" -> {
                return createFunction(orReplace);
            }
            case "materialized" -> {
                return createMatView();
            }
            case "type", "domain", "aggregate", "operator", "trigger", "constraint", "rule", "extension", "cast",
                    "collation", "conversion", "language", "trusted", "procedural", "policy", "publication",
                    "subscription", "server", "statistics", "tablespace", "text", "event", "foreign", "access",
                    "transform", "default" -> {
                return g.stmts.unsupported("CREATE " + kw.toUpperCase());
            }
            default -> {
            }
        }
        char persistence = g.select.optTemp();
        boolean recursive = acceptKw("recursive");
        if (isKw("view")) {
            return createView(orReplace, persistence, recursive);
        }
        if (recursive || orReplace) {
            throw syntaxError();
        }
        if (isKw("table")) {
            return createTable(persistence);
        }
        if (isKw("sequence")) {
            return createSequence(persistence);
        }
        throw syntaxError();
    }

    // ---- tables ----

    private Stmt createTable(char persistence) {
        expectKw("table");
        boolean ifNotExists = optIfNotExists();
        RangeVar rel = qualifiedName().withPersistence(persistence);
        if (isKw("of") || isKw("partition")) {
            return g.stmts.unsupported("CREATE TABLE");
        }
        if (isPunct("(") && !(isColId(peek(1)) && (isPunct(2, ",") || isPunct(2, ")")))) {
            next();
            List<TableElement> elts = isPunct(")") ? List.of() : elements.tableElementList();
            expectPunct(")");
            List<RangeVar> inherits = List.of();
            if (acceptKw("inherits")) {
                expectPunct("(");
                inherits = qualifiedNameList();
                expectPunct(")");
            }
            if (isKw("partition") && isKw(1, "by")) {
                return g.stmts.unsupported("CREATE TABLE");
            }
            StorageClauses storage = storageClauses();
            return new CreateStmt(rel, elts, inherits, storage.options(), storage.onCommit(), storage.tablespace(),
                    storage.accessMethod(), ifNotExists);
        }
        // CREATE TABLE AS
        List<String> cols = optColumnList();
        StorageClauses storage = storageClauses();
        expectKw("as");
        Stmt query;
        if (isKw("execute")) {
            query = g.util.execute();
        } else {
            query = g.select.selectStmt();
        }
        boolean skipData = optWithData();
        IntoClause into = new IntoClause(rel, cols, storage.accessMethod(), storage.options(), storage.onCommit(),
                storage.tablespace(), skipData);
        return new CreateTableAsStmt(query, into, ObjectType.TABLE, false, ifNotExists);
    }

    /** OptTableAccessMethod OptWith OnCommitOption OptTableSpace, shared by CREATE TABLE and CREATE TABLE AS. */
    private record StorageClauses(String accessMethod, List<DefElem> options, OnCommitAction onCommit,
            String tablespace) {
    }

    private StorageClauses storageClauses() {
        String am = null;
        if (acceptKw("using")) {
            am = colId();
        }
        List<DefElem> options = optWith();
        OnCommitAction onCommit = onCommit();
        String tablespace = null;
        if (acceptKw("tablespace")) {
            tablespace = colId();
        }
        return new StorageClauses(am, options, onCommit, tablespace);
    }

    /** WITH [NO] DATA after CREATE TABLE AS; returns skipData. */
    private boolean optWithData() {
        if (isKw("with") && isKw(1, "data")) {
            next();
            next();
            return false;
        }
        if (isKw("with") && isKw(1, "no") && isKw(2, "data")) {
            next();
            next();
            next();
            return true;
        }
        return false;
    }

    /** OptWith: WITH (reloptions) | WITHOUT OIDS | empty. */
    List<DefElem> optWith() {
        if (isKw("with") && isPunct(1, "(")) {
            next();
            return relOptions();
        }
        if (isKw("without") && isKw(1, "oids")) {
            next();
            next();
        } else if (isKw("with") && !isKw(1, "data") && !isKw(1, "no")) {
            // WITH must open a reloption list here (WITH OIDS is gone): PostgreSQL fails on the next token
            next();
            throw syntaxError();
        }
        return List.of();
    }

    /** reloptions: '(' name [= value], ... ')'. */
    List<DefElem> relOptions() {
        expectPunct("(");
        List<DefElem> l = new ArrayList<>();
        do {
            Token n = peek();
            String name = colLabel();
            if (acceptPunct(".")) {
                name = name + "." + colLabel();
            }
            dev.tusk.nodes.Node arg = null;
            if (isOp("=")) {
                next();
                arg = g.util.defArg();
            }
            l.add(DefElem.of(name, arg, n.start()));
        } while (acceptPunct(","));
        expectPunct(")");
        return l;
    }

    private OnCommitAction onCommit() {
        if (!(isKw("on") && isKw(1, "commit"))) {
            return OnCommitAction.NOOP;
        }
        next();
        next();
        if (acceptKw("drop")) {
            return OnCommitAction.DROP;
        }
        if (acceptKw("delete")) {
            expectKw("rows");
            return OnCommitAction.DELETE_ROWS;
        }
        expectKw("preserve");
        expectKw("rows");
        return OnCommitAction.PRESERVE_ROWS;
    }

    // ---- views ----

    private Stmt createView(boolean orReplace, char persistence, boolean recursive) {
        expectKw("view");
        RangeVar view = qualifiedName().withPersistence(persistence);
        List<String> aliases = optColumnList();
        List<DefElem> options = List.of();
        if (isKw("with") && isPunct(1, "(")) {
            next();
            options = relOptions();
        }
        expectKw("as");
        Token q = peek();
        SelectStmt query = g.select.selectStmt();
        int qEnd = ts.previous().end();
        ViewStmt.CheckOption check = ViewStmt.CheckOption.NO_CHECK_OPTION;
        if (isKw("with") && (isKw(1, "check") || isKw(1, "cascaded") || isKw(1, "local"))) {
            next();
            check = ViewStmt.CheckOption.CASCADED_CHECK_OPTION;
            if (acceptKw("local")) {
                check = ViewStmt.CheckOption.LOCAL_CHECK_OPTION;
            } else {
                acceptKw("cascaded");
            }
            expectKw("check");
            expectKw("option");
        }
        if (recursive) {
            // CREATE RECURSIVE VIEW v (cols) AS q is WITH RECURSIVE v (cols) AS (q) SELECT cols FROM v
            if (aliases.isEmpty()) {
                throw syntaxError();
            }
        }
        return new ViewStmt(view, aliases, query, orReplace, options, check, q.start(), qEnd - q.start());
    }

    private Stmt createMatView() {
        expectKw("materialized");
        expectKw("view");
        boolean ifNotExists = optIfNotExists();
        RangeVar rel = qualifiedName();
        List<String> cols = optColumnList();
        String am = null;
        if (acceptKw("using")) {
            am = colId();
        }
        List<DefElem> options = List.of();
        if (isKw("with") && isPunct(1, "(")) {
            next();
            options = relOptions();
        }
        String tablespace = null;
        if (acceptKw("tablespace")) {
            tablespace = colId();
        }
        expectKw("as");
        SelectStmt query = g.select.selectStmt();
        boolean skip = optWithData();
        return new CreateTableAsStmt(query, new IntoClause(rel, cols, am, options, OnCommitAction.NOOP, tablespace,
                skip), ObjectType.MATVIEW, false, ifNotExists);
    }

    // ---- indexes ----

    private Stmt createIndex() {
        boolean unique = acceptKw("unique");
        expectKw("index");
        boolean concurrent = acceptKw("concurrently");
        boolean ifNotExists = false;
        String name = null;
        if (optIfNotExists()) {
            ifNotExists = true;
            name = colId();
        } else if (!isKw("on")) {
            name = colId();
        }
        expectKw("on");
        RangeVar rel = g.from.relationExpr();
        String method = "btree";
        if (acceptKw("using")) {
            method = colId();
        }
        expectPunct("(");
        List<IndexElem> params = new ArrayList<>();
        do {
            params.add(indexElem());
        } while (acceptPunct(","));
        expectPunct(")");
        List<IndexElem> including = List.of();
        if (acceptKw("include")) {
            expectPunct("(");
            including = new ArrayList<>();
            do {
                including.add(indexElem());
            } while (acceptPunct(","));
            expectPunct(")");
        }
        boolean nullsNotDistinct = false;
        if (isKw("nulls") && (isKw(1, "distinct") || isKw(1, "not"))) {
            next();
            nullsNotDistinct = acceptKw("not");
            expectKw("distinct");
        }
        List<DefElem> options = optWith();
        String tablespace = null;
        if (acceptKw("tablespace")) {
            tablespace = colId();
        }
        Expr where = null;
        if (acceptKw("where")) {
            where = g.expr.aExpr();
        }
        return new IndexStmt(name, rel, method, params, including, options, tablespace, where, unique,
                nullsNotDistinct, concurrent, ifNotExists);
    }

    /** index_elem: ColId | func_expr_windowless | '(' a_expr ')', with COLLATE, opclass, ASC/DESC, NULLS. */
    IndexElem indexElem() {
        String name = null;
        Expr expr = null;
        Token t = peek();
        if (t.isPunct("(")) {
            next();
            expr = g.expr.aExpr();
            expectPunct(")");
        } else if (isColId(t) && !isPunct(1, "(") && !isPunct(1, ".")) {
            name = next().value();
        } else {
            expr = g.expr.cExpr(false);
        }
        List<String> collation = List.of();
        if (acceptKw("collate")) {
            collation = anyName();
        }
        List<String> opclass = List.of();
        if (isColId(peek()) && !isKw("nulls")) {
            opclass = anyName();
            if (isPunct("(")) {
                relOptions();
            }
        }
        SortBy.SortByDir dir = SortBy.SortByDir.DEFAULT;
        if (acceptKw("asc")) {
            dir = SortBy.SortByDir.ASC;
        } else if (acceptKw("desc")) {
            dir = SortBy.SortByDir.DESC;
        }
        SortBy.SortByNulls nulls = g.select.optNullsOrder();
        return new IndexElem(name, expr, collation, opclass, dir, nulls);
    }

    // ---- sequences ----

    private Stmt createSequence(char persistence) {
        expectKw("sequence");
        boolean ifNotExists = optIfNotExists();
        RangeVar seq = qualifiedName().withPersistence(persistence);
        List<DefElem> options = seqOptList(false);
        return new CreateSeqStmt(seq, options, ifNotExists);
    }

    /** OptSeqOptList (or SeqOptList when required). */
    List<DefElem> seqOptList(boolean required) {
        List<DefElem> l = new ArrayList<>();
        while (true) {
            DefElem d = seqOptElem();
            if (d == null) {
                break;
            }
            l.add(d);
        }
        if (required && l.isEmpty()) {
            throw syntaxError();
        }
        return l;
    }

    /** One SeqOptElem, or null when the current token does not start one. */
    DefElem seqOptElem() {
        Token t = peek();
        int loc = t.start();
        if (t.keyword() == null) {
            return null;
        }
        switch (t.keyword()) {
            case "as" -> {
                next();
                return DefElem.of("as", g.types.typename(), loc);
            }
            case "cache" -> {
                next();
                return DefElem.of("cache", numericOnly(), loc);
            }
            case "cycle" -> {
                next();
                return DefElem.of("cycle", dev.tusk.nodes.AConst.ofBool(true, loc), loc);
            }
            case "no" -> {
                Token n = peek(1);
                next();
                if (n.isKeyword("cycle")) {
                    next();
                    return DefElem.of("cycle", dev.tusk.nodes.AConst.ofBool(false, loc), loc);
                }
                if (n.isKeyword("maxvalue") || n.isKeyword("minvalue")) {
                    next();
                    return DefElem.of(n.keyword(), null, loc);
                }
                throw syntaxError();
            }
            case "increment" -> {
                next();
                acceptKw("by");
                return DefElem.of("increment", numericOnly(), loc);
            }
            case "maxvalue", "minvalue" -> {
                next();
                return DefElem.of(t.keyword(), numericOnly(), loc);
            }
            case "owned" -> {
                next();
                expectKw("by");
                return DefElem.of("owned_by", new dev.tusk.nodes.NameList(anyName()), loc);
            }
            case "sequence" -> {
                next();
                expectKw("name");
                return DefElem.of("sequence_name", new dev.tusk.nodes.NameList(anyName()), loc);
            }
            case "start" -> {
                next();
                acceptKw("with");
                return DefElem.of("start", numericOnly(), loc);
            }
            case "restart" -> {
                next();
                if (acceptKw("with")) {
                    return DefElem.of("restart", numericOnly(), loc);
                }
                if (peek().kind() == TokenKind.ICONST || peek().kind() == TokenKind.FCONST || isOp("-")
                        || isOp("+")) {
                    return DefElem.of("restart", numericOnly(), loc);
                }
                return DefElem.of("restart", null, loc);
            }
            default -> {
                return null;
            }
        }
    }

    // ---- schemas ----

    private Stmt createSchema() {
        expectKw("schema");
        boolean ifNotExists = optIfNotExists();
        String name = null;
        RoleSpec auth = null;
        if (acceptKw("authorization")) {
            auth = g.roles.roleSpec();
        } else {
            name = colId();
            if (acceptKw("authorization")) {
                auth = g.roles.roleSpec();
            }
        }
        List<Stmt> elements = new ArrayList<>();
        while (isKw("create") || isKw("grant")) {
            if (ifNotExists) {
                throw errorAt(dev.tusk.utils.error.SqlState.FEATURE_NOT_SUPPORTED,
                        "CREATE SCHEMA IF NOT EXISTS cannot include schema elements", peek().start());
            }
            elements.add(isKw("create") ? create() : g.roles.grantOrRevoke());
        }
        return new CreateSchemaStmt(name, auth, elements, ifNotExists);
    }

    // ---- functions ----

    private Stmt createFunction(boolean orReplace) {
        boolean procedure = next().isKeyword("procedure");
        List<String> name = anyName();
        expectPunct("(");
        List<CreateFunctionStmt.FunctionParameter> params = new ArrayList<>();
        if (!isPunct(")")) {
            do {
                params.add(funcParameter(true));
            } while (acceptPunct(","));
        }
        expectPunct(")");
        TypeName returns = null;
        if (acceptKw("returns")) {
            if (acceptKw("table")) {
                expectPunct("(");
                do {
                    String col = colId();
                    params.add(new CreateFunctionStmt.FunctionParameter(col, g.types.typename(), 't', null));
                } while (acceptPunct(","));
                expectPunct(")");
                returns = TypeName.system("record", -1);
            } else {
                returns = g.types.typename();
            }
        }
        List<DefElem> options = new ArrayList<>();
        while (true) {
            Token t = peek();
            int loc = t.start();
            if (acceptKw("as")) {
                List<dev.tusk.nodes.Node> body = new ArrayList<>();
                body.add(dev.tusk.nodes.AConst.ofString(sconst(), loc));
                if (acceptPunct(",")) {
                    body.add(dev.tusk.nodes.AConst.ofString(sconst(), loc));
                }
                options.add(DefElem.of("as", new dev.tusk.nodes.NodeList(body), loc));
            } else if (acceptKw("language")) {
                options.add(DefElem.of("language", dev.tusk.nodes.AConst.ofString(nonReservedWordOrSconst(), loc),
                        loc));
            } else if (acceptKw("immutable") || acceptKw("stable") || acceptKw("volatile")) {
                options.add(DefElem.of("volatility", dev.tusk.nodes.AConst.ofString(t.keyword(), loc), loc));
            } else if (acceptKw("strict")) {
                options.add(DefElem.of("strict", dev.tusk.nodes.AConst.ofBool(true, loc), loc));
            } else if (acceptKws("called", "on", "null", "input")) {
                options.add(DefElem.of("strict", dev.tusk.nodes.AConst.ofBool(false, loc), loc));
            } else if (acceptKws("returns", "null", "on", "null", "input")) {
                options.add(DefElem.of("strict", dev.tusk.nodes.AConst.ofBool(true, loc), loc));
            } else if (acceptKw("external") || isKw("security")) {
                expectKw("security");
                boolean definer = acceptKw("definer");
                if (!definer) {
                    expectKw("invoker");
                }
                options.add(DefElem.of("security", dev.tusk.nodes.AConst.ofBool(definer, loc), loc));
            } else if (acceptKw("leakproof")) {
                options.add(DefElem.of("leakproof", dev.tusk.nodes.AConst.ofBool(true, loc), loc));
            } else if (acceptKws("not", "leakproof")) {
                options.add(DefElem.of("leakproof", dev.tusk.nodes.AConst.ofBool(false, loc), loc));
            } else if (acceptKw("cost") || acceptKw("rows")) {
                options.add(DefElem.of(t.keyword(), numericOnly(), loc));
            } else if (acceptKw("parallel")) {
                options.add(DefElem.of("parallel", dev.tusk.nodes.AConst.ofString(colId(), loc), loc));
            } else if (acceptKw("window")) {
                options.add(DefElem.of("window", dev.tusk.nodes.AConst.ofBool(true, loc), loc));
            } else if (acceptKw("support")) {
                options.add(DefElem.of("support", new dev.tusk.nodes.NameList(anyName()), loc));
            } else if (isKw("set")) {
                options.add(DefElem.of("set", g.util.set(), loc));
            } else if (isKw("reset")) {
                options.add(DefElem.of("set", g.util.reset(), loc));
            } else if (acceptKw("return")) {
                options.add(DefElem.of("return", g.expr.aExpr(), loc));
            } else if (isKw("begin") && isKw(1, "atomic")) {
                throw errorAt(dev.tusk.utils.error.SqlState.FEATURE_NOT_SUPPORTED,
                        "BEGIN ATOMIC function bodies are not supported", loc);
            } else {
                break;
            }
        }
        return new CreateFunctionStmt(procedure, orReplace, name, params, returns, options);
    }

    /** func_arg: [IN|OUT|INOUT|VARIADIC] [name] type [DEFAULT|= expr]. */
    CreateFunctionStmt.FunctionParameter funcParameter(boolean withDefault) {
        char mode = 'i';
        if (acceptKw("in")) {
            mode = 'i';
        } else if (acceptKw("out")) {
            mode = 'o';
        } else if (acceptKw("inout")) {
            mode = 'b';
        } else if (acceptKw("variadic")) {
            mode = 'v';
        }
        String name = null;
        // param_name func_type: a leading name is present when a type name follows it
        if (isTypeFunctionName(peek()) && startsTypename(peek(1))) {
            name = next().value();
            if (mode == 'i') {
                if (acceptKw("in")) {
                    mode = 'i';
                } else if (acceptKw("out")) {
                    mode = 'o';
                } else if (acceptKw("inout")) {
                    mode = 'b';
                } else if (acceptKw("variadic")) {
                    mode = 'v';
                }
            }
        }
        TypeName type = g.types.typename();
        Expr def = null;
        if (withDefault && (acceptKw("default") || (isOp("=") && next() != null))) {
            def = g.expr.aExpr();
        }
        return new CreateFunctionStmt.FunctionParameter(name, type, mode, def);
    }

    private static boolean startsTypename(Token t) {
        if (t.kind() != TokenKind.IDENT) {
            return false;
        }
        if (t.keyword() == null) {
            return true;
        }
        Keywords.Category c = t.category();
        if (t.isKeyword("in") || t.isKeyword("out") || t.isKeyword("inout") || t.isKeyword("variadic")) {
            return true;
        }
        return c == Keywords.Category.UNRESERVED || c == Keywords.Category.TYPE_FUNC_NAME
                || switch (t.keyword()) {
                    case "int", "integer", "smallint", "bigint", "real", "float", "decimal", "dec", "numeric",
                            "boolean", "bit", "character", "char", "varchar", "national", "nchar", "timestamp",
                            "time", "interval", "setof" -> true;
                    default -> false;
                };
    }

    // ---- DROP ----

    Stmt drop() {
        expectKw("drop");
        Token t = peek();
        String kw = t.keyword() == null ? "" : t.keyword();
        ObjectType type;
        switch (kw) {
            case "table" -> type = ObjectType.TABLE;
            case "sequence" -> type = ObjectType.SEQUENCE;
            case "view" -> type = ObjectType.VIEW;
            case "index" -> type = ObjectType.INDEX;
            case "schema" -> type = ObjectType.SCHEMA;
            case "type" -> type = ObjectType.TYPE;
            case "domain" -> type = ObjectType.DOMAIN;
            case "extension" -> type = ObjectType.EXTENSION;
            case "collation" -> type = ObjectType.COLLATION;
            case "conversion" -> type = ObjectType.CONVERSION;
            case "materialized" -> {
                next();
                type = ObjectType.MATVIEW;
            }
            case "foreign" -> {
                if (isKw(1, "table")) {
                    next();
                    type = ObjectType.FOREIGN_TABLE;
                } else {
                    return g.stmts.unsupported("DROP FOREIGN DATA WRAPPER");
                }
            }
            case "function", "procedure", "routine", "aggregate" -> {
                return dropFunction(kw);
            }
            case "database" -> {
                return g.roles.dropDatabase();
            }
            case "role", "user", "group" -> {
                if (kw.equals("user") && isKw(1, "mapping")) {
                    return g.stmts.unsupported("DROP USER MAPPING");
                }
                return g.roles.dropRole();
            }
            case "trigger", "rule", "policy" -> {
                // DROP TRIGGER|RULE|POLICY [IF EXISTS] name ON table [CASCADE|RESTRICT]: object = table..., name
                next();
                boolean missingOk = optIfExists();
                String name = colId();
                expectKw("on");
                List<String> obj = new ArrayList<>(anyName());
                obj.add(name);
                ObjectType ot = kw.equals("trigger") ? ObjectType.TRIGGER
                        : kw.equals("rule") ? ObjectType.RULE : ObjectType.POLICY;
                return new DropStmt(List.of(obj), List.of(), ot, optDropBehavior(), missingOk, false);
            }
            case "owned", "operator", "cast", "language", "procedural",
                    "publication", "subscription", "server", "statistics", "tablespace", "text", "event", "access",
                    "transform" -> {
                return g.stmts.unsupported("DROP " + kw.toUpperCase());
            }
            default -> throw syntaxError();
        }
        next();
        if (type == ObjectType.VIEW && ts.previous().isKeyword("view") && isKw("view")) {
            next();
        }
        boolean concurrent = type == ObjectType.INDEX && acceptKw("concurrently");
        boolean missingOk = optIfExists();
        List<List<String>> names = (type == ObjectType.SCHEMA || type == ObjectType.EXTENSION)
                ? nameList().stream().map(List::of).toList()
                : anyNameList();
        DropBehavior behavior = optDropBehavior();
        return new DropStmt(names, List.of(), type, behavior, missingOk, concurrent);
    }

    private Stmt dropFunction(String kw) {
        next();
        ObjectType type = switch (kw) {
            case "procedure" -> ObjectType.PROCEDURE;
            case "routine" -> ObjectType.ROUTINE;
            case "aggregate" -> ObjectType.AGGREGATE;
            default -> ObjectType.FUNCTION;
        };
        boolean missingOk = optIfExists();
        List<List<String>> names = new ArrayList<>();
        List<ObjectWithArgs> args = new ArrayList<>();
        do {
            ObjectWithArgs f = functionWithArgtypes(type == ObjectType.AGGREGATE);
            names.add(f.objname());
            args.add(f);
        } while (acceptPunct(","));
        DropBehavior behavior = optDropBehavior();
        return new DropStmt(names, args, type, behavior, missingOk, false);
    }

    /** function_with_argtypes: func_name [ '(' [args] ')' ] (aggregates allow '*'). */
    ObjectWithArgs functionWithArgtypes(boolean aggregate) {
        List<String> name = anyName();
        if (!isPunct("(")) {
            return new ObjectWithArgs(name, List.of(), true);
        }
        next();
        List<TypeName> args = new ArrayList<>();
        if (aggregate && isOp("*")) {
            next();
        } else if (!isPunct(")")) {
            do {
                args.add(funcParameter(false).argType());
            } while (acceptPunct(","));
            if (aggregate && acceptKw("order")) {
                expectKw("by");
                do {
                    args.add(funcParameter(false).argType());
                } while (acceptPunct(","));
            }
        }
        expectPunct(")");
        return new ObjectWithArgs(name, args, false);
    }

    // ---- TRUNCATE ----

    Stmt truncate() {
        expectKw("truncate");
        acceptKw("table");
        List<RangeVar> rels = g.from.relationExprList();
        boolean restart = false;
        if (acceptKws("restart", "identity")) {
            restart = true;
        } else {
            acceptKws("continue", "identity");
        }
        DropBehavior behavior = optDropBehavior();
        return new TruncateStmt(rels, restart, behavior);
    }
}
