package dev.tusk.utils.misc;

/** When a setting may change (PostgreSQL's {@code GucContext}), with the names pg_settings.context shows. */
public enum GucContext {
    INTERNAL("internal"), POSTMASTER("postmaster"), SIGHUP("sighup"), SUPERUSER_BACKEND("superuser-backend"),
    BACKEND("backend"), SUSET("superuser"), USERSET("user");

    private final String displayName;

    GucContext(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static GucContext fromDisplayName(String name) {
        for (GucContext c : values()) {
            if (c.displayName.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown GUC context " + name);
    }
}
