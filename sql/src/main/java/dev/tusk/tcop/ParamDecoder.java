package dev.tusk.tcop;

import dev.tusk.utils.adt.SessionFormats;
import dev.tusk.utils.adt.TypeIo;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Bind parameters from their wire form to SQL value carriers (exec_bind_message's parameter loop). */
final class ParamDecoder {
    private ParamDecoder() {
    }

    static Object[] decode(int[] types, List<byte[]> params, short[] formats, SessionFormats sessionFormats) {
        int n = params == null ? 0 : params.size();
        if (n != types.length) {
            throw new TuskException(SqlState.PROTOCOL_VIOLATION, "bind message supplies " + n
                    + " parameters, but prepared statement \"\" requires " + types.length);
        }
        if (formats != null && formats.length > 1 && formats.length != n) {
            throw new TuskException(SqlState.PROTOCOL_VIOLATION, "bind message has " + formats.length
                    + " parameter formats but " + n + " parameters");
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            byte[] raw = params.get(i);
            if (raw == null) {
                continue;
            }
            short f = formats == null || formats.length == 0 ? 0 : formats.length == 1 ? formats[0] : formats[i];
            int type = types[i] == 0 ? TypeOids.TEXT : types[i];
            if (f == 1) {
                out[i] = TypeIo.binaryIn(type, raw, -1, sessionFormats);
            } else if (f == 0) {
                out[i] = TypeIo.textIn(type, new String(raw, StandardCharsets.UTF_8), -1, sessionFormats);
            } else {
                throw new TuskException(SqlState.PROTOCOL_VIOLATION, "unsupported format code: " + f);
            }
        }
        return out;
    }
}
