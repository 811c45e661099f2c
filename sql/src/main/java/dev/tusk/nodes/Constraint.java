package dev.tusk.nodes;

import java.util.List;

/**
 * A column or table constraint (PostgreSQL's {@code Constraint}); which fields matter depends on {@link #contype}:
 * <ul>
 * <li>NULL, NOT_NULL: nothing else.</li>
 * <li>DEFAULT: {@code rawExpr}.</li>
 * <li>IDENTITY: {@code generatedWhen} ('a' ALWAYS, 'd' BY DEFAULT) and {@code options} (sequence options).</li>
 * <li>GENERATED: {@code rawExpr} of GENERATED ALWAYS AS (expr) STORED.</li>
 * <li>CHECK: {@code rawExpr}, {@code isNoInherit}.</li>
 * <li>PRIMARY, UNIQUE: {@code keys} (empty for a column constraint), {@code including}, {@code options},
 * {@code indexspace}, {@code nullsNotDistinct}.</li>
 * <li>FOREIGN: {@code pktable}, {@code fkAttrs} (empty for a column constraint), {@code pkAttrs} (empty = the
 * referenced primary key), {@code fkMatchtype}, {@code fkUpdAction}, {@code fkDelAction}.</li>
 * </ul>
 * {@code conname} is the CONSTRAINT name or null. DEFERRABLE / INITIALLY DEFERRED / NOT VALID are folded into the
 * preceding constraint's flags. {@code skipValidation} is NOT VALID; {@code initiallyValid} its negation.
 */
public record Constraint(ConstrType contype, String conname, boolean deferrable, boolean initdeferred,
        Expr rawExpr, List<String> keys, List<String> including, List<DefElem> options, String indexspace,
        boolean isNoInherit, boolean skipValidation, boolean nullsNotDistinct, char generatedWhen,
        RangeVar pktable, List<String> fkAttrs, List<String> pkAttrs, FkMatch fkMatchtype, FkAction fkUpdAction,
        FkAction fkDelAction, int location) implements TableElement {
    public Constraint {
        keys = List.copyOf(keys);
        including = List.copyOf(including);
        options = List.copyOf(options);
        fkAttrs = List.copyOf(fkAttrs);
        pkAttrs = List.copyOf(pkAttrs);
    }

    public enum ConstrType { NULL, NOT_NULL, DEFAULT, IDENTITY, GENERATED, CHECK, PRIMARY, UNIQUE, EXCLUSION, FOREIGN }

    /** Referential actions with pg_constraint's confupdtype/confdeltype codes. */
    public enum FkAction {
        NO_ACTION('a'), RESTRICT('r'), CASCADE('c'), SET_NULL('n'), SET_DEFAULT('d');

        private final char code;

        FkAction(char code) {
            this.code = code;
        }

        public char code() {
            return code;
        }
    }

    /** MATCH type with pg_constraint's confmatchtype codes. */
    public enum FkMatch {
        SIMPLE('s'), FULL('f'), PARTIAL('p');

        private final char code;

        FkMatch(char code) {
            this.code = code;
        }

        public char code() {
            return code;
        }
    }

    /** A constraint of the given kind with every other field empty. */
    public static Constraint of(ConstrType type, String conname, int location) {
        return new Constraint(type, conname, false, false, null, List.of(), List.of(), List.of(), null, false, false,
                false, '\0', null, List.of(), List.of(), FkMatch.SIMPLE, FkAction.NO_ACTION, FkAction.NO_ACTION,
                location);
    }
}
