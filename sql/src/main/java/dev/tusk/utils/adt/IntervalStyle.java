package dev.tusk.utils.adt;

/** The IntervalStyle setting (output format of interval values). */
public enum IntervalStyle {
    POSTGRES("postgres"), POSTGRES_VERBOSE("postgres_verbose"), SQL_STANDARD("sql_standard"), ISO_8601("iso_8601");

    private final String settingName;

    IntervalStyle(String settingName) {
        this.settingName = settingName;
    }

    /** The value as SHOW prints it. */
    public String settingName() {
        return settingName;
    }

    /** Parses a setting value, case-insensitively; throws 22023 on a bad value. */
    public static IntervalStyle parse(String value) {
        for (IntervalStyle s : values()) {
            if (s.settingName.equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"IntervalStyle\": \"" + value + "\"");
    }
}
