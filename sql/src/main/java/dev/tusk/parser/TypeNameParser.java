package dev.tusk.parser;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.TypeName;
import dev.tusk.utils.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Type names (gram.y's Typename, SimpleTypename, ConstTypename): the SQL-standard multi-word spellings mapped to
 * pg_catalog's internal names as PostgreSQL does, generic (possibly qualified) names with modifiers, array bounds,
 * SETOF and %TYPE.
 */
final class TypeNameParser extends GrammarBase {
    private static final Set<String> CONST_TYPE_KEYWORDS = Set.of("int", "integer", "smallint", "bigint", "real",
            "float", "decimal", "dec", "numeric", "boolean", "bit", "character", "char", "varchar", "national",
            "nchar", "timestamp", "time", "interval");

    TypeNameParser(Grammar g) {
        super(g);
    }

    /** Typename. */
    TypeName typename() {
        Token start = peek();
        boolean setof = acceptKw("setof");
        TypeName t = simpleTypename(false);
        if (!setof && t.typmods().isEmpty() && isOp("%") && isKw(1, "type")) {
            next();
            next();
            return new TypeName(t.names(), List.of(), List.of(), false, true, start.start());
        }
        List<Integer> bounds = new ArrayList<>();
        if (acceptKw("array")) {
            if (acceptPunct("[")) {
                bounds.add(iconst());
                expectPunct("]");
            } else {
                bounds.add(-1);
            }
        } else {
            while (isPunct("[")) {
                next();
                if (acceptPunct("]")) {
                    bounds.add(-1);
                } else {
                    bounds.add(iconst());
                    expectPunct("]");
                }
            }
        }
        return new TypeName(t.names(), t.typmods(), bounds, setof, false, setof ? start.start() : t.location());
    }

    /** Whether peek(k) begins a ConstTypename (a type spelled with keywords). */
    boolean startsConstTypename(int k) {
        Token t = peek(k);
        if (t.keyword() == null) {
            return false;
        }
        if (t.isKeyword("double")) {
            return peek(k + 1).isKeyword("precision");
        }
        return CONST_TYPE_KEYWORDS.contains(t.keyword());
    }

    /** ConstTypename for typed literals: like SimpleTypename but bit/char without length stay unconstrained. */
    TypeName constTypename() {
        return simpleTypename(true);
    }

    private TypeName simpleTypename(boolean constForm) {
        Token t = peek();
        int loc = t.start();
        String kw = t.keyword() == null ? "" : t.keyword();
        switch (kw) {
            case "int", "integer" -> {
                next();
                return TypeName.system("int4", loc);
            }
            case "smallint" -> {
                next();
                return TypeName.system("int2", loc);
            }
            case "bigint" -> {
                next();
                return TypeName.system("int8", loc);
            }
            case "real" -> {
                next();
                return TypeName.system("float4", loc);
            }
            case "float" -> {
                next();
                if (acceptPunct("(")) {
                    Token p = peek();
                    int prec = iconst();
                    expectPunct(")");
                    if (prec < 1) {
                        throw errorAt(SqlState.INVALID_PARAMETER_VALUE, "precision for type float must be at least 1 bit",
                                p.start());
                    }
                    if (prec <= 24) {
                        return TypeName.system("float4", loc);
                    }
                    if (prec <= 53) {
                        return TypeName.system("float8", loc);
                    }
                    throw errorAt(SqlState.INVALID_PARAMETER_VALUE, "precision for type float must be less than 54 bits",
                            p.start());
                }
                return TypeName.system("float8", loc);
            }
            case "double" -> {
                if (isKw(1, "precision")) {
                    next();
                    next();
                    return TypeName.system("float8", loc);
                }
            }
            case "decimal", "dec", "numeric" -> {
                next();
                return new TypeName(List.of("pg_catalog", "numeric"), optTypeModifiers(), List.of(), false, false, loc);
            }
            case "boolean" -> {
                next();
                return TypeName.system("bool", loc);
            }
            case "bit" -> {
                next();
                boolean varying = acceptKw("varying");
                String name = varying ? "varbit" : "bit";
                if (isPunct("(")) {
                    return new TypeName(List.of("pg_catalog", name), g.expr.parenExprList(), List.of(), false, false,
                            loc);
                }
                List<Expr> mods = varying || constForm ? List.of() : List.of(AConst.ofInt(1, -1));
                return new TypeName(List.of("pg_catalog", name), mods, List.of(), false, false, loc);
            }
            case "character", "char", "varchar", "national", "nchar" -> {
                return character(constForm, loc);
            }
            case "timestamp", "time" -> {
                next();
                List<Expr> mods = List.of();
                if (isPunct("(")) {
                    next();
                    Token p = peek();
                    mods = List.of(AConst.ofInt(iconst(), p.start()));
                    expectPunct(")");
                }
                boolean tz = false;
                if (isKw("with") && isKw(1, "time")) {
                    next();
                    next();
                    expectKw("zone");
                    tz = true;
                } else if (acceptKw("without")) {
                    expectKw("time");
                    expectKw("zone");
                }
                String name = kw.equals("timestamp") ? (tz ? "timestamptz" : "timestamp") : (tz ? "timetz" : "time");
                return new TypeName(List.of("pg_catalog", name), mods, List.of(), false, false, loc);
            }
            case "interval" -> {
                next();
                if (isPunct("(")) {
                    next();
                    Token p = peek();
                    int prec = iconst();
                    expectPunct(")");
                    return new TypeName(List.of("pg_catalog", "interval"),
                            List.of(AConst.ofInt(TypeName.INTERVAL_FULL_RANGE, -1), AConst.ofInt(prec, p.start())),
                            List.of(), false, false, loc);
                }
                List<Expr> mods = constForm ? List.of() : optInterval();
                return new TypeName(List.of("pg_catalog", "interval"), mods, List.of(), false, false, loc);
            }
            default -> {
            }
        }
        // GenericType: type_function_name [attrs] [opt_type_modifiers]
        if (!isTypeFunctionName(t)) {
            throw syntaxError();
        }
        List<String> names = new ArrayList<>();
        names.add(next().value());
        while (isPunct(".")) {
            next();
            names.add(colLabel());
        }
        List<Expr> mods = optTypeModifiers();
        return new TypeName(names, mods, List.of(), false, false, loc);
    }

    private TypeName character(boolean constForm, int loc) {
        Token t = next();
        boolean varying;
        switch (t.keyword()) {
            case "varchar" -> varying = true;
            case "national" -> {
                if (!acceptKw("character") && !acceptKw("char")) {
                    throw syntaxError();
                }
                varying = acceptKw("varying");
            }
            default -> varying = acceptKw("varying");
        }
        String name = varying ? "varchar" : "bpchar";
        if (isPunct("(")) {
            next();
            Token n = peek();
            int len = iconst();
            expectPunct(")");
            return new TypeName(List.of("pg_catalog", name), List.of(AConst.ofInt(len, n.start())), List.of(), false,
                    false, loc);
        }
        List<Expr> mods = varying || constForm ? List.of() : List.of(AConst.ofInt(1, -1));
        return new TypeName(List.of("pg_catalog", name), mods, List.of(), false, false, loc);
    }

    /** opt_type_modifiers: ['(' expr_list ')']. */
    private List<Expr> optTypeModifiers() {
        return isPunct("(") ? g.expr.parenExprList() : List.of();
    }

    /** INTERVAL 'literal' opt_interval: the fields written after the string. */
    TypeName intervalFieldsAfterLiteral(TypeName t) {
        List<Expr> mods = optInterval();
        return mods.isEmpty() ? t : new TypeName(t.names(), mods, t.arrayBounds(), false, false, t.location());
    }

    private static int mask(int field) {
        return 1 << field;
    }

    /** opt_interval: YEAR | MONTH | ... | DAY TO SECOND(p) ..., as PostgreSQL's typmod list. */
    List<Expr> optInterval() {
        Token t = peek();
        String kw = t.keyword() == null ? "" : t.keyword();
        int loc = t.start();
        switch (kw) {
            case "year" -> {
                next();
                if (acceptKw("to")) {
                    expectKw("month");
                    return List.of(AConst.ofInt(mask(TypeName.YEAR) | mask(TypeName.MONTH), loc));
                }
                return List.of(AConst.ofInt(mask(TypeName.YEAR), loc));
            }
            case "month" -> {
                next();
                return List.of(AConst.ofInt(mask(TypeName.MONTH), loc));
            }
            case "day" -> {
                next();
                if (acceptKw("to")) {
                    if (acceptKw("hour")) {
                        return List.of(AConst.ofInt(mask(TypeName.DAY) | mask(TypeName.HOUR), loc));
                    }
                    if (acceptKw("minute")) {
                        return List.of(AConst.ofInt(mask(TypeName.DAY) | mask(TypeName.HOUR) | mask(TypeName.MINUTE),
                                loc));
                    }
                    return intervalSecond(mask(TypeName.DAY) | mask(TypeName.HOUR) | mask(TypeName.MINUTE), loc);
                }
                return List.of(AConst.ofInt(mask(TypeName.DAY), loc));
            }
            case "hour" -> {
                next();
                if (acceptKw("to")) {
                    if (acceptKw("minute")) {
                        return List.of(AConst.ofInt(mask(TypeName.HOUR) | mask(TypeName.MINUTE), loc));
                    }
                    return intervalSecond(mask(TypeName.HOUR) | mask(TypeName.MINUTE), loc);
                }
                return List.of(AConst.ofInt(mask(TypeName.HOUR), loc));
            }
            case "minute" -> {
                next();
                if (acceptKw("to")) {
                    return intervalSecond(mask(TypeName.MINUTE), loc);
                }
                return List.of(AConst.ofInt(mask(TypeName.MINUTE), loc));
            }
            case "second" -> {
                return intervalSecond(0, loc);
            }
            default -> {
                return List.of();
            }
        }
    }

    /** interval_second: SECOND ['(' Iconst ')'], or'd with the leading fields' mask. */
    private List<Expr> intervalSecond(int leading, int loc) {
        expectKw("second");
        int m = leading | mask(TypeName.SECOND);
        if (isPunct("(")) {
            next();
            Token p = peek();
            int prec = iconst();
            expectPunct(")");
            return List.of(AConst.ofInt(m, loc), AConst.ofInt(prec, p.start()));
        }
        return List.of(AConst.ofInt(m, loc));
    }
}
