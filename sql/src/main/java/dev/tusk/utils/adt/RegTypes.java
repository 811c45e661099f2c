package dev.tusk.utils.adt;

import java.nio.ByteBuffer;

/**
 * regclass, regtype, regproc, regprocedure, regnamespace, regrole (regproc.c): OIDs (Integer) that read and
 * print as names through {@link RegLookup}. Numeric input is taken as the OID itself; OID 0 prints as "-".
 */
final class RegTypes implements TypeHandler {
    static final RegTypes INSTANCE = new RegTypes();

    @Override
    public Object in(int typeOid, String text, int typmod, SessionFormats f) {
        String s = text.strip();
        if (s.equals("-")) {
            return 0;
        }
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            return (int) IntTypes.parseInteger(s, TypeOids.OID, Integer.MIN_VALUE, 0xFFFF_FFFFL);
        }
        RegLookup l = f == null ? null : f.regLookup();
        if (l == null) {
            throw AdtErrors.invalidSyntax(TypeRegistry.builtin().get(typeOid).name(), text);
        }
        return switch (typeOid) {
            case TypeOids.REGCLASS -> l.regclassIn(s);
            case TypeOids.REGTYPE -> l.regtypeIn(s);
            case TypeOids.REGPROC -> l.regprocIn(s);
            case TypeOids.REGPROCEDURE -> l.regprocedureIn(s);
            case TypeOids.REGNAMESPACE -> l.regnamespaceIn(s);
            case TypeOids.REGROLE -> l.regroleIn(s);
            default -> throw AdtErrors.invalidSyntax(TypeRegistry.builtin().get(typeOid).name(), text);
        };
    }

    @Override
    public String out(int typeOid, Object value, SessionFormats f) {
        int oid = (Integer) value;
        if (oid == 0) {
            return "-";
        }
        RegLookup l = f == null ? null : f.regLookup();
        String name = null;
        if (l != null) {
            name = switch (typeOid) {
                case TypeOids.REGCLASS -> l.regclassOut(oid);
                case TypeOids.REGTYPE -> l.regtypeOut(oid);
                case TypeOids.REGPROC -> l.regprocOut(oid);
                case TypeOids.REGPROCEDURE -> l.regprocedureOut(oid);
                case TypeOids.REGNAMESPACE -> l.regnamespaceOut(oid);
                case TypeOids.REGROLE -> l.regroleOut(oid);
                default -> null;
            };
        } else if (typeOid == TypeOids.REGTYPE) {
            name = TypeRegistry.builtin().byOid(oid).map(t -> TypeNames.format(oid)).orElse(null);
        }
        return name != null ? name : Integer.toUnsignedString(oid);
    }

    @Override
    public Object recv(int typeOid, ByteBuffer buf, int typmod, SessionFormats f) {
        Bytes.requireRemaining(buf, 4);
        return buf.getInt();
    }

    @Override
    public byte[] send(int typeOid, Object value, SessionFormats f) {
        return Bytes.i4((Integer) value);
    }

    @Override
    public int compare(int typeOid, Object a, Object b) {
        return Integer.compareUnsigned((Integer) a, (Integer) b);
    }
}
