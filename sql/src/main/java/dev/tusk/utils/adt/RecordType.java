package dev.tusk.utils.adt;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/**
 * Anonymous records (rowtypes.c record_out/record_send) carried as {@code Object[]}; the column types are
 * inferred from the Java carriers. Input of anonymous records is not supported, as in PostgreSQL.
 */
final class RecordType implements TypeHandler {
    static final RecordType INSTANCE = new RecordType();

    /** The SQL type a Java carrier most likely came from. */
    static int typeOf(Object v) {
        return switch (v) {
            case Boolean b -> TypeOids.BOOL;
            case Short s -> TypeOids.INT2;
            case Integer i -> TypeOids.INT4;
            case Long l -> TypeOids.INT8;
            case Float f -> TypeOids.FLOAT4;
            case Double d -> TypeOids.FLOAT8;
            case BigDecimal d -> TypeOids.NUMERIC;
            case byte[] b -> TypeOids.BYTEA;
            case LocalDate d -> TypeOids.DATE;
            case LocalTime t -> TypeOids.TIME;
            case java.time.OffsetTime t -> TypeOids.TIMETZ;
            case LocalDateTime t -> TypeOids.TIMESTAMP;
            case Instant i -> TypeOids.TIMESTAMPTZ;
            case Interval i -> TypeOids.INTERVAL;
            case UUID u -> TypeOids.UUID;
            case Jsonb j -> TypeOids.JSONB;
            case ArrayValue a -> TypeRegistry.builtin().arrayOf(a.elementTypeOid());
            case Object[] r -> TypeOids.RECORD;
            default -> TypeOids.TEXT;
        };
    }

    @Override
    public Object in(int typeOid, String text, int typmod, SessionFormats f) {
        throw AdtErrors.unsupported("input of anonymous composite types is not implemented");
    }

    @Override
    public String out(int typeOid, Object value, SessionFormats f) {
        Object[] row = (Object[]) value;
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (row[i] == null) {
                continue;
            }
            String s = TypeIo.textOut(typeOf(row[i]), row[i], f);
            boolean quote = s.isEmpty() || s.chars().anyMatch(c -> c == '"' || c == '\\' || c == '(' || c == ')'
                    || c == ',' || Character.isWhitespace(c));
            if (quote) {
                sb.append('"');
                for (char c : s.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        sb.append(c);
                    }
                    sb.append(c);
                }
                sb.append('"');
            } else {
                sb.append(s);
            }
        }
        return sb.append(')').toString();
    }

    @Override
    public Object recv(int typeOid, ByteBuffer buf, int typmod, SessionFormats f) {
        throw AdtErrors.unsupported("input of anonymous composite types is not implemented");
    }

    @Override
    public byte[] send(int typeOid, Object value, SessionFormats f) {
        Object[] row = (Object[]) value;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Bytes.i4(row.length));
        for (Object v : row) {
            int t = v == null ? TypeOids.UNKNOWN : typeOf(v);
            out.writeBytes(Bytes.i4(t));
            if (v == null) {
                out.writeBytes(Bytes.i4(-1));
            } else {
                byte[] b = TypeIo.binaryOut(t, v, f);
                out.writeBytes(Bytes.i4(b.length));
                out.writeBytes(b);
            }
        }
        return out.toByteArray();
    }

    @Override
    public int compare(int typeOid, Object a, Object b) {
        Object[] x = (Object[]) a;
        Object[] y = (Object[]) b;
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] == null || y[i] == null) {
                if (x[i] != y[i]) {
                    return x[i] == null ? 1 : -1;
                }
                continue;
            }
            int c = Comparisons.compare(typeOf(x[i]), x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
