package dev.tusk.parser;

/** Wires the grammar classes of one parse to one shared token cursor. */
final class Grammar {
    private final TokenStream tokens;
    final ExprParser expr;
    final FuncParser func;
    final TypeNameParser types;
    final SelectParser select;
    final FromParser from;
    final DmlParser dml;
    final DdlParser ddl;
    final AlterParser alter;
    final UtilityParser util;
    final RoleParser roles;
    final StatementParser stmts;

    Grammar(TokenStream tokens) {
        this.tokens = tokens;
        this.expr = new ExprParser(this);
        this.func = new FuncParser(this);
        this.types = new TypeNameParser(this);
        this.select = new SelectParser(this);
        this.from = new FromParser(this);
        this.dml = new DmlParser(this);
        this.ddl = new DdlParser(this);
        this.alter = new AlterParser(this);
        this.util = new UtilityParser(this);
        this.roles = new RoleParser(this);
        this.stmts = new StatementParser(this);
    }

    TokenStream tokens() {
        return tokens;
    }
}
