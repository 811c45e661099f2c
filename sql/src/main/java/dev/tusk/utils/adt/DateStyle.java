package dev.tusk.utils.adt;

import java.util.Locale;

/**
 * The DateStyle setting: output style and the field order used to read ambiguous input such as 01/02/03.
 *
 * @param style output format
 * @param order input (and SQL/Postgres output) field order
 */
public record DateStyle(Style style, Order order) {
    public enum Style { ISO, POSTGRES, SQL, GERMAN }

    public enum Order { MDY, DMY, YMD }

    /** PostgreSQL's default "ISO, MDY". */
    public static final DateStyle DEFAULT = new DateStyle(Style.ISO, Order.MDY);

    /**
     * Parses a DateStyle setting ({@code "ISO, MDY"}, {@code "German"}, {@code "SQL, DMY"}, {@code "European"}...)
     * on top of {@code base} (check_datestyle). Throws 22023 on a bad value.
     */
    public static DateStyle parse(String value, DateStyle base) {
        Style style = base.style;
        Order order = base.order;
        boolean seenOrder = false;
        for (String part : value.split(",")) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            switch (p) {
                case "ISO" -> style = Style.ISO;
                case "SQL" -> style = Style.SQL;
                case "POSTGRES" -> style = Style.POSTGRES;
                case "GERMAN" -> {
                    style = Style.GERMAN;
                    if (!seenOrder) {
                        order = Order.DMY;
                    }
                }
                case "YMD" -> { order = Order.YMD; seenOrder = true; }
                case "DMY", "EURO", "EUROPEAN" -> { order = Order.DMY; seenOrder = true; }
                case "MDY", "US", "NONEURO", "NONEUROPEAN" -> { order = Order.MDY; seenOrder = true; }
                case "DEFAULT" -> { style = Style.ISO; order = Order.MDY; }
                default -> throw new dev.tusk.utils.error.TuskException(
                        dev.tusk.utils.error.SqlState.INVALID_PARAMETER_VALUE,
                        "invalid value for parameter \"DateStyle\": \"" + value + "\"");
            }
        }
        return new DateStyle(style, order);
    }

    /** The setting as SHOW DateStyle prints it, e.g. {@code ISO, MDY}. */
    @Override
    public String toString() {
        String s = switch (style) {
            case ISO -> "ISO";
            case SQL -> "SQL";
            case POSTGRES -> "Postgres";
            case GERMAN -> "German";
        };
        return s + ", " + order.name();
    }
}
