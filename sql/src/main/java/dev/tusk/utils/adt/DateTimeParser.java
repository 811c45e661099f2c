package dev.tusk.utils.adt;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reduced DecodeDateTime (datetime.c): reads the date, time and zone fields of date/time input in the forms
 * clients send: ISO 8601 ({@code 2024-01-02 03:04:05.123456+02}, with {@code T}), {@code 20240102},
 * {@code 01/02/2024} per DateStyle order, {@code Jan 2 2024}, {@code 2 January 2024}, German
 * {@code 02.01.2024}, AM/PM, BC, zone names and offsets, and the special words.
 */
final class DateTimeParser {
    private DateTimeParser() {
    }

    /** Decoded fields; any may be null when absent. {@code special} is e.g. "infinity", "epoch", "now". */
    record Fields(LocalDate date, LocalTime time, Integer nanosRoundUp, ZoneId zone, String special) {
    }

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4,})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern SLASH_DATE = Pattern.compile("(\\d{1,4})[/.-](\\d{1,2}|[A-Za-z]{3,9})[/.-](\\d{1,4})");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d*))?)?(.*)");
    private static final Pattern ZONE_OFFSET = Pattern.compile("[+-]\\d{1,2}(:?\\d{2}(:?\\d{2})?)?");
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};
    private static final String[] MONTHS_FULL = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    private static final String[] DAYS = {"sun", "mon", "tue", "wed", "thu", "fri", "sat", "sunday", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "tues", "wednes", "thur", "thurs"};

    static int month(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        for (int i = 0; i < 12; i++) {
            if (l.equals(MONTHS[i]) || l.equals(MONTHS_FULL[i]) || (l.equals("sept") && i == 8)) {
                return i + 1;
            }
        }
        return 0;
    }

    static Fields parse(String input, String typeName, DateStyle style) {
        String s = input.strip();
        String low = s.toLowerCase(Locale.ROOT);
        switch (low) {
            case "infinity", "+infinity", "-infinity", "epoch", "now", "today", "tomorrow", "yesterday",
                    "allballs" -> {
                return new Fields(null, null, null, null, low.equals("+infinity") ? "infinity" : low);
            }
            default -> { }
        }
        // ISO "T" separator between date and time
        s = s.replaceFirst("^(\\d{4,}-\\d{1,2}-\\d{1,2})[Tt](?=\\d)", "$1 ");
        s = s.replaceFirst("^(\\d{8})[Tt](?=\\d)", "$1 ");
        List<String> tokens = new ArrayList<>();
        for (String t : s.split("[\\s,]+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        Integer year = null;
        Integer monthV = null;
        Integer day = null;
        LocalTime time = null;
        Integer roundUp = null;
        ZoneId zone = null;
        boolean bc = false;
        boolean pm = false;
        boolean am = false;
        List<Integer> loose = new ArrayList<>();
        List<Integer> looseLen = new ArrayList<>();
        try {
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                String tl = t.toLowerCase(Locale.ROOT);
                Matcher m;
                if ((m = ISO_DATE.matcher(t)).matches()) {
                    year = Integer.parseInt(m.group(1));
                    monthV = Integer.parseInt(m.group(2));
                    day = Integer.parseInt(m.group(3));
                } else if (t.contains(":") && Character.isDigit(t.charAt(0))
                        && (m = TIME.matcher(t)).matches()) {
                    int h = Integer.parseInt(m.group(1));
                    int mi = Integer.parseInt(m.group(2));
                    int sec = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                    long nanos = 0;
                    String frac = m.group(4);
                    if (frac != null && !frac.isEmpty()) {
                        String f9 = (frac + "000000000").substring(0, 9);
                        nanos = Long.parseLong(f9);
                        // round to microseconds, half up, using the 10th digit on
                        long micros = Math.round(Double.parseDouble("0." + frac) * 1_000_000);
                        nanos = micros * 1000;
                    }
                    if (mi > 59 || sec > 60 || h > 24 || (h == 24 && (mi > 0 || sec > 0 || nanos > 0))) {
                        throw AdtErrors.datetimeFieldOutOfRange(input);
                    }
                    long totalMicros = ((h * 60L + mi) * 60 + sec) * 1_000_000 + nanos / 1000;
                    if (totalMicros >= 86_400_000_000L) {
                        roundUp = 1;
                        time = LocalTime.MIDNIGHT;
                    } else {
                        time = LocalTime.ofNanoOfDay(totalMicros * 1000);
                    }
                    String rest = m.group(5);
                    if (!rest.isEmpty()) {
                        zone = zoneOf(rest, input, typeName);
                    }
                } else if ((m = SLASH_DATE.matcher(t)).matches()) {
                    String a = m.group(1);
                    String b = m.group(2);
                    String c = m.group(3);
                    if (!Character.isDigit(b.charAt(0))) {
                        monthV = month(b);
                        if (monthV == 0) {
                            throw AdtErrors.invalidDatetime(typeName, input);
                        }
                        if (a.length() >= 3) {
                            year = Integer.parseInt(a);
                            day = Integer.parseInt(c);
                        } else {
                            day = Integer.parseInt(a);
                            year = fixYear(c);
                        }
                    } else if (a.length() >= 3) {
                        year = Integer.parseInt(a);
                        monthV = Integer.parseInt(b);
                        day = Integer.parseInt(c);
                    } else if (t.contains(".") || style.order() == DateStyle.Order.DMY) {
                        day = Integer.parseInt(a);
                        monthV = Integer.parseInt(b);
                        year = fixYear(c);
                    } else if (style.order() == DateStyle.Order.YMD) {
                        year = fixYear(a);
                        monthV = Integer.parseInt(b);
                        day = Integer.parseInt(c);
                    } else {
                        monthV = Integer.parseInt(a);
                        day = Integer.parseInt(b);
                        year = fixYear(c);
                    }
                } else if (t.matches("\\d{8}") && year == null) {
                    year = Integer.parseInt(t.substring(0, 4));
                    monthV = Integer.parseInt(t.substring(4, 6));
                    day = Integer.parseInt(t.substring(6, 8));
                } else if (t.matches("\\d{6}") && time == null && year != null) {
                    time = LocalTime.of(Integer.parseInt(t.substring(0, 2)), Integer.parseInt(t.substring(2, 4)),
                            Integer.parseInt(t.substring(4, 6)));
                } else if (t.matches("\\d+")) {
                    loose.add(Integer.parseInt(t));
                    looseLen.add(t.length());
                } else if (month(t) != 0) {
                    monthV = month(t);
                } else if (tl.equals("bc")) {
                    bc = true;
                } else if (tl.equals("ad")) {
                    bc = false;
                } else if (tl.equals("am") || tl.equals("a.m.")) {
                    am = true;
                } else if (tl.equals("pm") || tl.equals("p.m.")) {
                    pm = true;
                } else if (isDay(tl)) {
                    continue;
                } else {
                    zone = zoneOf(t, input, typeName);
                }
            }
            // numbers next to a month name: day then year, or year (3+ digits) then day
            for (int k = 0; k < loose.size(); k++) {
                int v = loose.get(k);
                if (looseLen.get(k) >= 3 || (day != null && year == null)) {
                    if (year == null) {
                        year = looseLen.get(k) <= 2 ? fixYear(String.valueOf(v)) : v;
                        continue;
                    }
                }
                if (day == null) {
                    day = v;
                } else if (year == null) {
                    year = looseLen.get(k) <= 2 ? fixYear(String.valueOf(v)) : v;
                } else {
                    throw AdtErrors.invalidDatetime(typeName, input);
                }
            }
        } catch (NumberFormatException e) {
            throw AdtErrors.invalidDatetime(typeName, input);
        }
        if (time != null && (am || pm)) {
            int h = time.getHour();
            if (h > 12) {
                throw AdtErrors.datetimeFieldOutOfRange(input);
            }
            if (pm && h != 12) {
                time = time.plusHours(12);
            } else if (am && h == 12) {
                time = time.minusHours(12);
            }
        }
        LocalDate date = null;
        if (year != null || monthV != null || day != null) {
            if (year == null || monthV == null || day == null) {
                throw AdtErrors.invalidDatetime(typeName, input);
            }
            int y = bc ? 1 - year : year;
            if (bc && year == 0) {
                throw AdtErrors.invalidDatetime(typeName, input);
            }
            try {
                date = LocalDate.of(y, monthV, day);
            } catch (DateTimeException e) {
                if (monthV > 12) {
                    throw AdtErrors.datetimeFieldOutOfRange(input)
                            .withHint("Perhaps you need a different \"datestyle\" setting.");
                }
                throw AdtErrors.datetimeFieldOutOfRange(input);
            }
        }
        if (date == null && time == null) {
            throw AdtErrors.invalidDatetime(typeName, input);
        }
        return new Fields(date, time, roundUp, zone, null);
    }

    private static boolean isDay(String t) {
        for (String d : DAYS) {
            if (d.equals(t)) {
                return true;
            }
        }
        return false;
    }

    private static int fixYear(String s) {
        int y = Integer.parseInt(s);
        if (s.length() <= 2) {
            return y < 70 ? 2000 + y : 1900 + y;
        }
        return y;
    }

    private static ZoneId zoneOf(String t, String input, String typeName) {
        if (ZONE_OFFSET.matcher(t).matches()) {
            try {
                return TimeZones.offsetOf(t);
            } catch (DateTimeException e) {
                throw AdtErrors.datetimeFieldOutOfRange(input);
            }
        }
        ZoneId z = TimeZones.find(t);
        if (z == null) {
            if (t.contains("/") && t.matches("[A-Za-z][A-Za-z_/+-]*")) {
                throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.SqlState.INVALID_PARAMETER_VALUE,
                        "time zone \"" + t.toLowerCase(Locale.ROOT) + "\" not recognized");
            }
            throw AdtErrors.invalidDatetime(typeName, input);
        }
        return z;
    }
}
