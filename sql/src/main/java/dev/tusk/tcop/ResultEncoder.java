package dev.tusk.tcop;

import dev.tusk.utils.adt.SessionFormats;
import dev.tusk.utils.adt.TypeIo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns result rows of SQL value carriers into DataRow fields (printtup.c): each column through its type's
 * output function in the format the portal's Bind asked for.
 */
final class ResultEncoder {
    private final List<ResultColumn> columns;
    private final SessionFormats formats;

    ResultEncoder(List<ResultColumn> columns, SessionFormats formats) {
        this.columns = columns;
        this.formats = formats;
    }

    byte[][] encode(Object[] row) {
        byte[][] out = new byte[columns.size()][];
        for (int i = 0; i < out.length; i++) {
            Object v = i < row.length ? row[i] : null;
            if (v == null) {
                continue;
            }
            ResultColumn c = columns.get(i);
            out[i] = c.format() == 1 ? TypeIo.binaryOut(c.typeOid(), v, formats)
                    : TypeIo.textOut(c.typeOid(), v, formats).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    /**
     * The columns in the formats Bind asked for: none = all text, one = that format for every column,
     * else one per column.
     */
    static List<ResultColumn> withFormats(List<ResultColumn> columns, short[] resultFormats) {
        if (columns == null) {
            return null;
        }
        List<ResultColumn> out = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            short f = resultFormats == null || resultFormats.length == 0 ? 0
                    : resultFormats.length == 1 ? resultFormats[0] : resultFormats[i];
            out.add(columns.get(i).withFormat(f));
        }
        return out;
    }
}
