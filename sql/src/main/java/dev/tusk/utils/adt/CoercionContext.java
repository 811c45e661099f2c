package dev.tusk.utils.adt;

/** When a cast may be applied (pg_cast.castcontext; PostgreSQL's CoercionContext). */
public enum CoercionContext {
    /** Silently, in expressions ('i'). */
    IMPLICIT('i'),
    /** On assignment to a column ('a'), and anywhere IMPLICIT is allowed. */
    ASSIGNMENT('a'),
    /** Only in CAST / :: ('e'). */
    EXPLICIT('e');

    private final char code;

    CoercionContext(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /** True if a cast marked {@code castContext} may be used in this context. */
    public boolean allows(CoercionContext castContext) {
        return castContext.ordinal() <= ordinal();
    }

    public static CoercionContext ofCode(char c) {
        return switch (c) {
            case 'i' -> IMPLICIT;
            case 'a' -> ASSIGNMENT;
            default -> EXPLICIT;
        };
    }
}
