package dev.tusk.parser.analyze;

/** The clause an expression is analyzed for (PostgreSQL's ParseExprKind): decides what is allowed and error wording. */
enum ExprKind {
    NONE("this context", true),
    SELECT_TARGET("select list", true),
    WHERE("WHERE", false),
    JOIN_ON("JOIN conditions", false),
    GROUP_BY("GROUP BY", false),
    HAVING("HAVING", true),
    ORDER_BY("ORDER BY", true),
    DISTINCT_ON("DISTINCT ON", true),
    LIMIT("LIMIT", false),
    OFFSET("OFFSET", false),
    VALUES("VALUES", false),
    FROM_FUNCTION("functions in FROM", false),
    /** A LATERAL subquery seen from its enclosing level (an upper-level aggregate would land in FROM). */
    FROM_SUBSELECT("FROM clause of their own query level", false),
    INSERT_VALUES("VALUES", false),
    UPDATE_SET("UPDATE", false),
    RETURNING("RETURNING", false),
    AGGREGATE_ARG("aggregate function calls", false),
    FILTER("FILTER", false),
    COLUMN_DEFAULT("DEFAULT expressions", false),
    CHECK_CONSTRAINT("check constraints", false),
    GENERATED_COLUMN("column generation expressions", false);

    final String display;
    final boolean aggregatesAllowed;

    ExprKind(String display, boolean aggregatesAllowed) {
        this.display = display;
        this.aggregatesAllowed = aggregatesAllowed;
    }
}
