package dev.tusk.commands;

import dev.tusk.utils.adt.RegLookup;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pg_depend rows of a column default (recordDependencyOnExpr for a default): every {@code 'name'::regclass}
 * constant in the stored expression text — serial's {@code nextval('t_id_seq'::regclass)} included — makes
 * the default depend on that relation, so DROP SEQUENCE of a sequence a default uses fails with 2BP01 unless
 * CASCADE, which then drops the default.
 */
final class DefaultDependencies {
    /** A regclass literal of the deparsed default; quotes inside are doubled. */
    private static final Pattern REGCLASS = Pattern.compile("'((?:[^']|'')*)'::regclass");

    private DefaultDependencies() {
    }

    /** Records the dependencies of column {@code attnum}'s default {@code defaultText} (no-op when null). */
    static void record(CommandContext ctx, int relOid, int attnum, String defaultText) {
        if (defaultText == null) {
            return;
        }
        RegLookup lookup = ctx.functions().formats().regLookup();
        Matcher m = REGCLASS.matcher(defaultText);
        java.util.Set<Integer> done = new java.util.HashSet<>();
        while (m.find()) {
            String name = m.group(1).replace("''", "'");
            int oid;
            try {
                // The stored text names relations by OID ('16391'::regclass), as regclassin accepts.
                oid = name.matches("\\d{1,10}") ? (int) Long.parseLong(name)
                        : lookup == null ? 0 : lookup.regclassIn(name);
                if (oid != 0 && ctx.catalog().relation(oid) == null) {
                    continue;
                }
            } catch (RuntimeException e) {
                continue; // not a relation name after all (e.g. inside a string literal)
            }
            if (oid != 0 && oid != relOid && done.add(oid)) {
                ctx.writer().addDefaultDependency(relOid, attnum, oid);
            }
        }
    }
}
