package dev.tusk.utils.adt;

import java.nio.ByteBuffer;

/**
 * Text and binary I/O of values (PostgreSQL's typinput/typoutput/typreceive/typsend, reached through
 * InputFunctionCall and friends). Carriers are those of contract 3 (see {@link dev.tusk.utils.adt}).
 * {@code typmod} -1 means none; input applies it (varchar(n) 22001, numeric(p,s) rounding and 22003, timestamp(p)
 * rounding). NULL is the caller's business: no method receives or returns a Java null value.
 */
public final class TypeIo {
    private TypeIo() {
    }

    /** The typinput function: {@code text} (the client's string) to the carrier of {@code typeOid}. */
    public static Object textIn(int typeOid, String text, int typmod, SessionFormats formats) {
        return TypeHandlers.of(typeOid).in(typeOid, text, typmod, formats);
    }

    /** The typoutput function. */
    public static String textOut(int typeOid, Object value, SessionFormats formats) {
        return TypeHandlers.of(typeOid).out(typeOid, value, formats);
    }

    /** The typreceive function over a whole Bind parameter value (22P03 on malformed or trailing data). */
    public static Object binaryIn(int typeOid, byte[] data, int typmod, SessionFormats formats) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        Object v = TypeHandlers.of(typeOid).recv(typeOid, buf, typmod, formats);
        if (buf.hasRemaining()) {
            throw AdtErrors.badBinary("incorrect binary data format");
        }
        return v;
    }

    /** The typsend function (the DataRow bytes in binary format). */
    public static byte[] binaryOut(int typeOid, Object value, SessionFormats formats) {
        return TypeHandlers.of(typeOid).send(typeOid, value, formats);
    }
}
