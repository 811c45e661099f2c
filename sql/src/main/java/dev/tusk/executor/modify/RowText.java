package dev.tusk.executor.modify;

import dev.tusk.catalog.ColumnDesc;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.utils.adt.SessionFormats;
import dev.tusk.utils.adt.TypeIo;
import java.util.ArrayList;
import java.util.List;

/** Rows and keys printed the way PostgreSQL's error details show them ({@code ExecBuildSlotValueDescription}). */
final class RowText {
    private RowText() {
    }

    /** "Failing row contains (1, null, abc)." */
    static String failingRow(RelationDesc rel, Object[] row, SessionFormats formats) {
        List<String> vals = new ArrayList<>();
        for (ColumnDesc c : rel.columns()) {
            if (c.dropped()) {
                continue;
            }
            vals.add(value(c.typeOid(), row[c.attnum() - 1], formats));
        }
        return "Failing row contains (" + String.join(", ", vals) + ").";
    }

    /** "(a, b)=(1, 2)" for the columns {@code attnums} of {@code rel} with {@code values} in the same order. */
    static String key(RelationDesc rel, List<Integer> attnums, Object[] values, SessionFormats formats) {
        List<String> names = new ArrayList<>();
        List<String> vals = new ArrayList<>();
        for (int i = 0; i < attnums.size(); i++) {
            ColumnDesc c = rel.column(attnums.get(i));
            names.add(c.name());
            vals.add(value(c.typeOid(), values[i], formats));
        }
        return "(" + String.join(", ", names) + ")=(" + String.join(", ", vals) + ")";
    }

    static String value(int typeOid, Object v, SessionFormats formats) {
        if (v == null) {
            return "null";
        }
        try {
            return TypeIo.textOut(typeOid, v, formats);
        } catch (RuntimeException e) {
            return String.valueOf(v);
        }
    }

    /** The values of {@code attnums} (1-based) of {@code row}. */
    static Object[] pick(Object[] row, List<Integer> attnums) {
        Object[] out = new Object[attnums.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = row[attnums.get(i) - 1];
        }
        return out;
    }
}
