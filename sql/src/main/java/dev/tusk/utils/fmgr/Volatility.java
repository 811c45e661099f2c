package dev.tusk.utils.fmgr;

/** pg_proc.provolatile. */
public enum Volatility {
    IMMUTABLE('i'), STABLE('s'), VOLATILE('v');

    private final char code;

    Volatility(char code) {
        this.code = code;
    }

    /** The catalog letter. */
    public char code() {
        return code;
    }
}
