package dev.tusk.utils.misc;

import dev.tusk.utils.adt.DateStyle;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reading and printing setting values (PostgreSQL's {@code parse_and_validate_value}, {@code parse_bool},
 * {@code parse_int}, {@code parse_real}, the string check hooks, and {@code _ShowOption}). Values are kept as
 * their pg_settings.setting text: numbers in base units, booleans "on"/"off", enums as their canonical name.
 */
public final class GucValues {
    private static final Map<String, String> ZONES = new HashMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZONES.put(id.toLowerCase(Locale.ROOT), id);
        }
        ZONES.put("utc", "UTC");
        ZONES.put("gmt", "GMT");
    }

    private GucValues() {
    }

    /**
     * Checks {@code value} for {@code def} and returns its canonical setting text. {@code givenName} is the name
     * as the user spelled it (PostgreSQL's type-level messages use it; check hooks use the canonical name).
     */
    public static String canonicalize(GucDef def, String givenName, String value) {
        return switch (def.type()) {
            case BOOL -> {
                Boolean b = parseBool(value);
                if (b == null) {
                    throw GucErrors.requiresBoolean(givenName);
                }
                yield b ? "on" : "off";
            }
            case INTEGER -> Long.toString(parseInt(def, givenName, value));
            case REAL -> formatReal(parseReal(def, givenName, value));
            case ENUM -> parseEnum(def, givenName, value);
            case STRING -> checkString(def, value);
        };
    }

    /** parse_bool: unique prefixes of true/false/yes/no, on/off (two letters at least), 1/0; null when invalid. */
    public static Boolean parseBool(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return null;
        }
        if ("true".startsWith(v) || "yes".startsWith(v) || v.equals("1")) {
            return Boolean.TRUE;
        }
        if ("false".startsWith(v) || "no".startsWith(v) || v.equals("0")) {
            return Boolean.FALSE;
        }
        if (v.length() >= 2 && "on".startsWith(v)) {
            return Boolean.TRUE;
        }
        if (v.length() >= 2 && "off".startsWith(v)) {
            return Boolean.FALSE;
        }
        return null;
    }

    private static long parseInt(GucDef def, String givenName, String value) {
        String v = value.trim();
        int end = 0;
        while (end < v.length() && (Character.isDigit(v.charAt(end)) || v.charAt(end) == '.' || v.charAt(end) == '-'
                || v.charAt(end) == '+' || (end > 0 && (v.charAt(end) == 'e' || v.charAt(end) == 'E')
                && end + 1 < v.length() && (Character.isDigit(v.charAt(end + 1)) || v.charAt(end + 1) == '-')))) {
            end++;
        }
        double number;
        try {
            if (v.startsWith("0x") || v.startsWith("0X")) {
                number = Long.parseLong(v.substring(2), 16);
                end = v.length();
            } else {
                number = Double.parseDouble(v.substring(0, end));
            }
        } catch (NumberFormatException e) {
            throw GucErrors.invalidValue(givenName, value);
        }
        String unit = v.substring(end).trim();
        if (!unit.isEmpty()) {
            double f = def.hasUnit() ? GucUnits.factor(def.unit(), unit) : Double.NaN;
            if (Double.isNaN(f)) {
                TuskException e = GucErrors.invalidValue(givenName, value);
                throw def.hasUnit() ? e.withHint(GucUnits.validUnitsHint(def.unit())) : e;
            }
            number *= f;
        }
        double rounded = Math.rint(number);
        long min = Long.parseLong(def.minVal());
        long max = Long.parseLong(def.maxVal());
        if (rounded > Integer.MAX_VALUE || rounded < Integer.MIN_VALUE) {
            throw GucErrors.invalidValue(givenName, value)
                    .withHint("Value exceeds integer range.");
        }
        long result = (long) rounded;
        if (result < min || result > max) {
            String shown = result + (def.hasUnit() ? " " + def.unit() : "");
            throw GucErrors.outOfRange(shown, givenName, def.minVal(), def.maxVal());
        }
        return result;
    }

    private static double parseReal(GucDef def, String givenName, String value) {
        String v = value.trim();
        int end = 0;
        while (end < v.length() && "0123456789.-+eE".indexOf(v.charAt(end)) >= 0) {
            end++;
        }
        double number;
        try {
            number = Double.parseDouble(v.substring(0, end));
        } catch (NumberFormatException e) {
            throw GucErrors.invalidValue(givenName, value);
        }
        String unit = v.substring(end).trim();
        if (!unit.isEmpty()) {
            double f = def.hasUnit() ? GucUnits.factor(def.unit(), unit) : Double.NaN;
            if (Double.isNaN(f)) {
                throw GucErrors.invalidValue(givenName, value);
            }
            number *= f;
        }
        if (!def.minVal().isEmpty() && (number < Double.parseDouble(def.minVal())
                || number > Double.parseDouble(def.maxVal()))) {
            throw GucErrors.outOfRange(formatReal(number), givenName, formatReal(Double.parseDouble(def.minVal())),
                    formatReal(Double.parseDouble(def.maxVal())));
        }
        return number;
    }

    private static String parseEnum(GucDef def, String givenName, String value) {
        String v = value.trim();
        for (String e : def.enumVals()) {
            if (e.equalsIgnoreCase(v)) {
                return e;
            }
        }
        // Hidden boolean spellings of on/off enums (synchronous_commit = true, ...).
        if (def.enumVals().contains("on") && def.enumVals().contains("off")) {
            Boolean b = parseBool(v);
            if (b != null) {
                return b ? "on" : "off";
            }
        }
        if (def.name().equals("client_min_messages") || def.name().equals("log_min_messages")) {
            String lower = v.toLowerCase(Locale.ROOT);
            if (lower.equals("debug")) {
                return "debug2";
            }
        }
        throw GucErrors.invalidValue(givenName, value)
                .withHint("Available values: " + String.join(", ", def.enumVals()) + ".");
    }

    private static String checkString(GucDef def, String value) {
        switch (def.name()) {
            case "DateStyle" -> {
                try {
                    return DateStyle.parse(value, DateStyle.DEFAULT).toString();
                } catch (TuskException e) {
                    throw GucErrors.invalidValue(def.name(), value);
                }
            }
            case "TimeZone", "log_timezone" -> {
                return canonicalZone(def.name(), value);
            }
            case "client_encoding" -> {
                return canonicalEncoding(value);
            }
            default -> {
                return value;
            }
        }
    }

    /** The java.time zone for a TimeZone setting value (as canonicalised by {@link #canonicalize}). */
    public static ZoneId zoneOf(String setting) {
        if (setting.startsWith("<")) {
            // <+05>-05: POSIX notation, sign inverted.
            int close = setting.indexOf('>');
            String posix = setting.substring(close + 1);
            int hours = -Integer.parseInt(posix);
            return java.time.ZoneOffset.ofHours(hours);
        }
        return ZoneId.of(setting);
    }

    private static String canonicalZone(String name, String value) {
        String v = value.trim();
        String known = ZONES.get(v.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        try {
            double hours = Double.parseDouble(v);
            if (hours == Math.rint(hours) && Math.abs(hours) <= 15) {
                int h = (int) hours;
                String sign = h >= 0 ? "+" : "-";
                String hh = String.format(Locale.ROOT, "%02d", Math.abs(h));
                return "<" + sign + hh + ">" + (h >= 0 ? "-" : "+") + hh;
            }
        } catch (NumberFormatException e) {
            // not a number: fall through to the error
        }
        throw GucErrors.invalidValue(name, value);
    }

    /** Encodings PostgreSQL knows (pg_enc2name_tbl); only UTF8 (and SQL_ASCII, which converts nothing) work. */
    private static final java.util.List<String> ENCODINGS = java.util.List.of("SQL_ASCII", "EUC_JP", "EUC_CN",
            "EUC_KR", "EUC_TW", "EUC_JIS_2004", "UTF8", "MULE_INTERNAL", "LATIN1", "LATIN2", "LATIN3", "LATIN4",
            "LATIN5", "LATIN6", "LATIN7", "LATIN8", "LATIN9", "LATIN10", "WIN1256", "WIN1258", "WIN866", "WIN874",
            "KOI8R", "WIN1251", "WIN1252", "ISO_8859_5", "ISO_8859_6", "ISO_8859_7", "ISO_8859_8", "WIN1250",
            "WIN1253", "WIN1254", "WIN1255", "WIN1257", "KOI8U", "SJIS", "BIG5", "GBK", "UHC", "GB18030", "JOHAB",
            "SHIFT_JIS_2004");

    private static String canonicalEncoding(String value) {
        String key = value.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        if (key.equals("UTF8") || key.equals("UNICODE")) {
            return "UTF8";
        }
        if (key.equals("SQLASCII")) {
            return "SQL_ASCII";
        }
        for (String enc : ENCODINGS) {
            if (enc.replace("_", "").equals(key)) {
                throw GucErrors.invalidValue("client_encoding", value)
                        .withDetail("Conversion between " + enc + " and UTF8 is not supported.");
            }
        }
        throw GucErrors.invalidValue("client_encoding", value);
    }

    /** SHOW's text for a setting value. */
    public static String show(GucDef def, String setting) {
        switch (def.name()) {
            case "data_directory_mode", "log_file_mode", "unix_socket_permissions" -> {
                // show_*_mode hooks: octal with a leading zero.
                try {
                    return String.format(Locale.ROOT, "%04o", Integer.parseInt(setting));
                } catch (NumberFormatException e) {
                    return setting;
                }
            }
            default -> {
            }
        }
        if (def.hasUnit() && !setting.isEmpty()) {
            try {
                if (def.type() == GucType.INTEGER) {
                    return GucUnits.formatInt(Long.parseLong(setting), def.unit());
                }
                if (def.type() == GucType.REAL) {
                    return GucUnits.formatReal(Double.parseDouble(setting), def.unit());
                }
            } catch (NumberFormatException e) {
                return setting;
            }
        }
        return setting;
    }

    /** %g-like printing of a real setting: "0.9", "1", "4", "1e-06". */
    public static String formatReal(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String g = String.format(Locale.ROOT, "%g", v);
        if (g.contains("e")) {
            String mant = g.substring(0, g.indexOf('e'));
            String exp = g.substring(g.indexOf('e') + 1);
            mant = new BigDecimal(mant).stripTrailingZeros().toPlainString();
            int e = Integer.parseInt(exp);
            return mant + "e" + (e < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(e));
        }
        return new BigDecimal(g).stripTrailingZeros().toPlainString();
    }

    static TuskException wrongType(String name) {
        return new TuskException(SqlState.INVALID_PARAMETER_VALUE, "invalid value for parameter \"" + name + "\"");
    }
}
