package dev.tusk.utils.adt;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * Time zone names as the TimeZone setting and AT TIME ZONE accept them: IANA names, UTC/GMT/Z, common
 * abbreviations, ISO offsets ({@code +05:30}) and POSIX-style {@code UTC+3} (whose sign is inverted: west of
 * Greenwich is positive, as in PostgreSQL).
 */
public final class TimeZones {
    private TimeZones() {
    }

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("utc", "UTC"), Map.entry("gmt", "UTC"), Map.entry("z", "UTC"), Map.entry("zulu", "UTC"),
            Map.entry("ut", "UTC"), Map.entry("est", "-05:00"), Map.entry("edt", "-04:00"),
            Map.entry("cst", "-06:00"), Map.entry("cdt", "-05:00"), Map.entry("mst", "-07:00"),
            Map.entry("mdt", "-06:00"), Map.entry("pst", "-08:00"), Map.entry("pdt", "-07:00"),
            Map.entry("cet", "+01:00"), Map.entry("cest", "+02:00"), Map.entry("eet", "+02:00"),
            Map.entry("eest", "+03:00"), Map.entry("bst", "+01:00"), Map.entry("jst", "+09:00"),
            Map.entry("ist", "+02:00"), Map.entry("msk", "+03:00"));

    /** IANA zone ids by lower-case name (zone names are case-insensitive in PostgreSQL). */
    private static final Map<String, String> ZONE_IDS = buildZoneIds();

    private static Map<String, String> buildZoneIds() {
        Map<String, String> m = new java.util.HashMap<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            m.put(id.toLowerCase(Locale.ROOT), id);
        }
        return Map.copyOf(m);
    }

    /** The zone named by {@code name}, or null when PostgreSQL would not know it. */
    public static ZoneId find(String name) {
        String n = name.strip();
        if (n.isEmpty()) {
            return null;
        }
        String abbr = ABBREVIATIONS.get(n.toLowerCase(Locale.ROOT));
        if (abbr != null) {
            return abbr.equals("UTC") ? ZoneId.of("UTC") : ZoneOffset.of(abbr);
        }
        if (n.equalsIgnoreCase("localtime")) {
            return ZoneId.systemDefault();
        }
        // POSIX "UTC+3", "GMT-2", "<+03>-03" style: offset sign inverted
        var m = java.util.regex.Pattern.compile("(?i)(?:UTC|GMT)?([+-])(\\d{1,2})(?::?(\\d{2}))?").matcher(n);
        if (m.matches() && !n.matches("[+-].*")) {
            int h = Integer.parseInt(m.group(2));
            int mi = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            int secs = (h * 3600 + mi * 60) * (m.group(1).equals("+") ? -1 : 1);
            return ZoneOffset.ofTotalSeconds(secs);
        }
        if (n.matches("[+-]\\d{1,2}(:?\\d{2})?(:?\\d{2})?")) {
            try {
                return offsetOf(n);
            } catch (DateTimeException e) {
                return null;
            }
        }
        String id = ZONE_IDS.get(n.toLowerCase(Locale.ROOT));
        return id == null ? null : ZoneId.of(id);
    }

    /** An ISO-signed offset like +5, -03:30, +0530 (east positive). */
    static ZoneOffset offsetOf(String s) {
        int sign = s.charAt(0) == '-' ? -1 : 1;
        String body = s.substring(1).replace(":", "");
        int h;
        int m = 0;
        int sec = 0;
        if (body.length() <= 2) {
            h = Integer.parseInt(body);
        } else if (body.length() <= 4) {
            h = Integer.parseInt(body.substring(0, body.length() - 2));
            m = Integer.parseInt(body.substring(body.length() - 2));
        } else {
            h = Integer.parseInt(body.substring(0, body.length() - 4));
            m = Integer.parseInt(body.substring(body.length() - 4, body.length() - 2));
            sec = Integer.parseInt(body.substring(body.length() - 2));
        }
        return ZoneOffset.ofTotalSeconds(sign * (h * 3600 + m * 60 + sec));
    }

    /**
     * Parses a TimeZone setting value: 22023 {@code invalid value for parameter "TimeZone": "x"} when unknown.
     */
    public static ZoneId parseSetting(String value) {
        ZoneId z = find(value);
        if (z == null) {
            throw AdtErrors.invalidParameter("invalid value for parameter \"TimeZone\": \"" + value + "\"");
        }
        return z;
    }

    /** The zone as SHOW TimeZone prints it. */
    public static String display(ZoneId zone) {
        if (zone instanceof ZoneOffset off) {
            int secs = -off.getTotalSeconds();
            if (secs == 0) {
                return "UTC";
            }
            int a = Math.abs(secs);
            String s = (secs < 0 ? "-" : "") + (a / 3600);
            if (a % 3600 != 0) {
                s += String.format(":%02d", (a % 3600) / 60);
            }
            return "<" + isoOffset(off.getTotalSeconds()) + ">" + s;
        }
        return zone.getId();
    }

    /** PostgreSQL's compact ISO offset: +00, +05:30, -03, +00:53:28. */
    static String isoOffset(int totalSeconds) {
        int a = Math.abs(totalSeconds);
        StringBuilder sb = new StringBuilder(totalSeconds < 0 ? "-" : "+");
        sb.append(String.format("%02d", a / 3600));
        if (a % 3600 != 0) {
            sb.append(String.format(":%02d", (a % 3600) / 60));
            if (a % 60 != 0) {
                sb.append(String.format(":%02d", a % 60));
            }
        }
        return sb.toString();
    }
}
