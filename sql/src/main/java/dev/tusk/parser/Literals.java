package dev.tusk.parser;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.Expr;

/** Numeric literal typing (PostgreSQL's process_integer_literal + make_const) and doNegate's constant folding. */
final class Literals {
    private Literals() {
    }

    /** A numeric constant from its text: int4 if it fits, else int8 if an integer that fits, else numeric. */
    static AConst number(String text, int location) {
        boolean integral = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isDigit(c) || (i == 0 && c == '-'))) {
                integral = false;
                break;
            }
        }
        if (integral) {
            try {
                long v = Long.parseLong(text);
                if (v == (int) v) {
                    return new AConst(new AConst.Literal.Int((int) v), location);
                }
                return new AConst(new AConst.Literal.BigInt(v), location);
            } catch (NumberFormatException e) {
                // too big even for int8: numeric
            }
        }
        return new AConst(new AConst.Literal.Numeric(text), location);
    }

    /** PostgreSQL's doNegate: a negated numeric constant is folded, anything else becomes a prefix minus. */
    static Expr negate(Expr e, int location) {
        if (e instanceof AConst c) {
            switch (c.value()) {
                case AConst.Literal.Int i -> {
                    return number(Long.toString(-(long) i.value()), location);
                }
                case AConst.Literal.BigInt b -> {
                    return b.value() == Long.MIN_VALUE ? number("9223372036854775808", location)
                            : number(Long.toString(-b.value()), location);
                }
                case AConst.Literal.Numeric n -> {
                    String t = n.text();
                    return number(t.startsWith("-") ? t.substring(1) : "-" + t, location);
                }
                default -> {
                }
            }
        }
        return dev.tusk.nodes.AExpr.op("-", null, e, location);
    }
}
