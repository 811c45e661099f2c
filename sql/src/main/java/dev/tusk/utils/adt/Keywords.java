package dev.tusk.utils.adt;

import java.util.Set;

/** PostgreSQL's reserved keywords (kwlist.h, RESERVED_KEYWORD), for quote_ident and %I. */
final class Keywords {
    private Keywords() {
    }

    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
            "asc", "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create",
            "current_catalog", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
            "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for",
            "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral",
            "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order",
            "placing", "primary", "references", "returning", "select", "session_user", "some", "symmetric", "table",
            "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where",
            "window", "with", "authorization", "binary", "collation", "concurrently", "cross", "current_schema",
            "freeze", "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull",
            "outer", "overlaps", "right", "similar", "tablesample", "verbose");

    /** True for keywords that quote_ident must quote (reserved and type/function-name keywords). */
    static boolean isReserved(String word) {
        return RESERVED.contains(word);
    }
}
