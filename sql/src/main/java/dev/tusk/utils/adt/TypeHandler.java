package dev.tusk.utils.adt;

/**
 * The I/O and ordering of one type family (PostgreSQL's typinput/typoutput/typreceive/typsend plus the btree
 * comparison support function). Implementations are stateless singletons.
 */
interface TypeHandler {
    /** typinput: text to carrier, applying {@code typmod} (-1 none). */
    Object in(int typeOid, String text, int typmod, SessionFormats f);

    /** typoutput. */
    String out(int typeOid, Object value, SessionFormats f);

    /** typreceive: the binary wire form. */
    Object recv(int typeOid, java.nio.ByteBuffer buf, int typmod, SessionFormats f);

    /** typsend. */
    byte[] send(int typeOid, Object value, SessionFormats f);

    /** Btree order (BTORDER_PROC); equal values compare 0. */
    int compare(int typeOid, Object a, Object b);
}
