package dev.tusk.utils.adt;

import java.nio.ByteBuffer;
import java.util.Locale;

/** boolean (bool.c: boolin, boolout, boolrecv, boolsend). */
final class BoolType implements TypeHandler {
    static final BoolType INSTANCE = new BoolType();

    /** parse_bool_with_len: any unique prefix of true/false/yes/no, on/off (2+ letters), 1/0. */
    static Boolean parse(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return null;
        }
        switch (v.charAt(0)) {
            case 't': return "true".startsWith(v) ? Boolean.TRUE : null;
            case 'f': return "false".startsWith(v) ? Boolean.FALSE : null;
            case 'y': return "yes".startsWith(v) ? Boolean.TRUE : null;
            case 'n': return "no".startsWith(v) ? Boolean.FALSE : null;
            case 'o':
                if (v.length() >= 2 && "on".startsWith(v)) {
                    return Boolean.TRUE;
                }
                return v.length() >= 2 && "off".startsWith(v) ? Boolean.FALSE : null;
            case '1': return v.length() == 1 ? Boolean.TRUE : null;
            case '0': return v.length() == 1 ? Boolean.FALSE : null;
            default: return null;
        }
    }

    @Override
    public Object in(int typeOid, String text, int typmod, SessionFormats f) {
        Boolean b = parse(text);
        if (b == null) {
            throw AdtErrors.invalidSyntax("boolean", text);
        }
        return b;
    }

    @Override
    public String out(int typeOid, Object value, SessionFormats f) {
        return (Boolean) value ? "t" : "f";
    }

    @Override
    public Object recv(int typeOid, ByteBuffer buf, int typmod, SessionFormats f) {
        Bytes.requireRemaining(buf, 1);
        return buf.get() != 0;
    }

    @Override
    public byte[] send(int typeOid, Object value, SessionFormats f) {
        return new byte[] {(byte) ((Boolean) value ? 1 : 0)};
    }

    @Override
    public int compare(int typeOid, Object a, Object b) {
        return Boolean.compare((Boolean) a, (Boolean) b);
    }
}
