package dev.tusk.utils.misc;

/** A setting's value type (PostgreSQL's {@code config_type}), named as pg_settings.vartype shows it. */
public enum GucType {
    BOOL("bool"), INTEGER("integer"), REAL("real"), STRING("string"), ENUM("enum");

    private final String displayName;

    GucType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static GucType fromDisplayName(String name) {
        for (GucType t : values()) {
            if (t.displayName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown GUC type " + name);
    }
}
