package dev.tusk.utils.adt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.JulianFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * to_char for timestamps and intervals, and to_date/to_timestamp parsing (formatting.c DCH_*). Supports the
 * common patterns: YYYY YYY YY Y Y,YYY IYYY CC MM Mon MON mon Month MONTH month RM DD DDD D ID Dy DY dy Day DAY
 * day WW IW Q J HH HH12 HH24 MI SS SSSS MS US FF1-6 AM PM A.M. P.M. (any case) TZ tz OF, the FM prefix, TH/th
 * suffixes, "quoted" text and backslash escapes.
 */
final class DateTimeFormat {
    private DateTimeFormat() {
    }

    /** Keywords, longest first so that prefixes match correctly. */
    private static final String[] KEYWORDS = {"B.C.", "b.c.", "A.D.", "a.d.", "BC", "bc", "AD", "ad", "Y,YYY", "YYYY", "YYY", "YY", "Y", "IYYY", "IYY", "IY", "I",
        "A.M.", "a.m.", "P.M.", "p.m.", "AM", "am", "PM", "pm", "CC", "DAY", "Day", "day", "DDD", "DD", "DY", "Dy",
        "dy",
        "D", "FF1", "FF2", "FF3", "FF4", "FF5", "FF6", "HH24", "HH12", "HH", "IDDD", "ID", "IW", "J", "MI", "MM",
        "MONTH", "Month", "month", "MON", "Mon", "mon", "MS", "OF", "Q", "RM", "rm", "SSSS", "SS", "TZ", "tz", "US",
        "WW",
        "W"};

    static {
        // longest keywords first, so that IW is not read as I followed by W
        java.util.Arrays.sort(KEYWORDS, (a, b) -> Integer.compare(b.length(), a.length()));
    }

    record Token(String keyword, String literal, boolean fm, String suffix) {
    }

    static List<Token> tokenize(String fmt) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i);
            if (c == '"') {
                int j = i + 1;
                StringBuilder sb = new StringBuilder();
                while (j < fmt.length() && fmt.charAt(j) != '"') {
                    if (fmt.charAt(j) == '\\' && j + 1 < fmt.length()) {
                        j++;
                    }
                    sb.append(fmt.charAt(j++));
                }
                out.add(new Token(null, sb.toString(), false, ""));
                i = j + 1;
                continue;
            }
            if (c == '\\' && i + 1 < fmt.length()) {
                out.add(new Token(null, String.valueOf(fmt.charAt(i + 1)), false, ""));
                i += 2;
                continue;
            }
            boolean fm = false;
            int k = i;
            if (fmt.startsWith("FM", k) || fmt.startsWith("fm", k)) {
                fm = true;
                k += 2;
            }
            String kw = null;
            for (String cand : KEYWORDS) {
                if (fmt.startsWith(cand, k)) {
                    kw = cand;
                    break;
                }
            }
            if (kw == null) {
                for (String cand : KEYWORDS) {
                    if (fmt.regionMatches(true, k, cand, 0, cand.length()) && Character.isUpperCase(cand.charAt(0))
                            && !cand.equals("Day") && !cand.equals("Dy") && !cand.equals("Mon")
                            && !cand.equals("Month")) {
                        kw = cand;
                        break;
                    }
                }
            }
            if (kw == null) {
                if (fm) {
                    i = k;
                    continue;
                }
                out.add(new Token(null, String.valueOf(c), false, ""));
                i++;
                continue;
            }
            k += kw.length();
            String suffix = "";
            if (fmt.startsWith("TH", k) || fmt.startsWith("th", k)) {
                suffix = fmt.substring(k, k + 2);
                k += 2;
            }
            out.add(new Token(kw, null, fm, suffix));
            i = k;
        }
        return out;
    }

    private static String num(long v, int width, boolean fm) {
        String s = Long.toString(Math.abs(v));
        if (!fm && s.length() < width) {
            s = "0".repeat(width - s.length()) + s;
        }
        return v < 0 ? "-" + s : s;
    }

    private static String ordinal(long v, String suffix) {
        if (suffix.isEmpty()) {
            return "";
        }
        long n = Math.abs(v) % 100;
        String s = n >= 11 && n <= 13 ? "th" : switch ((int) (n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return suffix.equals("TH") ? s.toUpperCase(Locale.ROOT) : s;
    }

    private static String cased(String name, String kw, boolean fm, int pad) {
        String s;
        if (kw.equals(kw.toUpperCase(Locale.ROOT))) {
            s = name.toUpperCase(Locale.ROOT);
        } else if (kw.equals(kw.toLowerCase(Locale.ROOT))) {
            s = name.toLowerCase(Locale.ROOT);
        } else {
            s = name;
        }
        return fm || s.length() >= pad ? s : s + " ".repeat(pad - s.length());
    }

    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

    /**
     * Formats a date/time. {@code offsetSeconds}/{@code zoneAbbrev} are null for types without zone; for
     * intervals pass {@code interval} (then {@code ts} holds the field view).
     */
    static String format(LocalDateTime ts, Integer offsetSeconds, String zoneAbbrev, Interval interval, String fmt) {
        StringBuilder out = new StringBuilder();
        LocalDate d = ts.toLocalDate();
        LocalTime t = ts.toLocalTime();
        int year = interval != null ? interval.months() / 12 : d.getYear() > 0 ? d.getYear() : d.getYear() - 1;
        int month = interval != null ? interval.months() % 12 : d.getMonthValue();
        long hour24 = interval != null ? interval.micros() / 3_600_000_000L : t.getHour();
        int day = interval != null ? interval.days() : d.getDayOfMonth();
        long micros = interval != null ? Math.abs(interval.micros()) % 1_000_000 : t.getNano() / 1000;
        int minute = interval != null ? (int) (Math.abs(interval.micros()) / 60_000_000 % 60) : t.getMinute();
        int second = interval != null ? (int) (Math.abs(interval.micros()) / 1_000_000 % 60) : t.getSecond();
        for (Token tok : tokenize(fmt)) {
            if (tok.keyword() == null) {
                out.append(tok.literal());
                continue;
            }
            boolean fm = tok.fm();
            String kw = tok.keyword();
            long val;
            String text;
            switch (kw) {
                case "YYYY" -> { val = year; text = num(year, 4, fm); }
                case "Y,YYY" -> {
                    val = year;
                    text = (year / 1000) + "," + num(Math.abs(year) % 1000, 3, false);
                }
                case "YYY" -> { val = year; text = num(Math.abs(year) % 1000, 3, fm); }
                case "YY" -> { val = year; text = num(Math.abs(year) % 100, 2, fm); }
                case "Y" -> { val = year; text = num(Math.abs(year) % 10, 1, fm); }
                case "IYYY", "IYY", "IY", "I" -> {
                    int iy = d.get(IsoFields.WEEK_BASED_YEAR);
                    int w = kw.length();
                    val = iy;
                    text = num(w == 4 ? iy : Math.abs(iy) % (int) Math.pow(10, w), w, fm);
                }
                case "CC" -> {
                    val = year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100);
                    text = num(val, 2, fm);
                }
                case "MM" -> { val = month; text = num(month, 2, fm); }
                case "MONTH", "Month", "month" -> {
                    val = month;
                    text = month == 0 ? "" : cased(java.time.Month.of(month).getDisplayName(TextStyle.FULL,
                            Locale.ENGLISH), kw, fm, 9);
                }
                case "MON", "Mon", "mon" -> {
                    val = month;
                    text = month == 0 ? "" : cased(java.time.Month.of(month).getDisplayName(TextStyle.SHORT,
                            Locale.ENGLISH), kw, true, 0);
                }
                case "RM", "rm" -> {
                    val = month;
                    String r = month == 0 ? "" : ROMAN[month - 1];
                    r = fm ? r : String.format("%-4s", r);
                    text = kw.equals("rm") ? r.toLowerCase(Locale.ROOT) : r;
                }
                case "DD" -> { val = day; text = num(day, 2, fm); }
                case "DDD" -> { val = d.getDayOfYear(); text = num(val, 3, fm); }
                case "IDDD" -> {
                    val = (d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) - 1) * 7L + d.getDayOfWeek().getValue();
                    text = num(val, 3, fm);
                }
                case "D" -> { val = d.getDayOfWeek().getValue() % 7 + 1; text = Long.toString(val); }
                case "ID" -> { val = d.getDayOfWeek().getValue(); text = Long.toString(val); }
                case "DAY", "Day", "day" -> {
                    val = 0;
                    text = cased(d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), kw, fm, 9);
                }
                case "DY", "Dy", "dy" -> {
                    val = 0;
                    text = cased(d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), kw, true, 0);
                }
                case "WW" -> { val = (d.getDayOfYear() - 1) / 7 + 1; text = num(val, 2, fm); }
                case "W" -> { val = (d.getDayOfMonth() - 1) / 7 + 1; text = Long.toString(val); }
                case "IW" -> { val = d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR); text = num(val, 2, fm); }
                case "Q" -> { val = (month - 1) / 3 + 1; text = Long.toString(val); }
                case "J" -> { val = d.getLong(JulianFields.JULIAN_DAY); text = Long.toString(val); }
                case "HH24" -> { val = hour24; text = num(hour24, 2, fm); }
                case "HH", "HH12" -> {
                    long h = Math.abs(hour24) % 12;
                    val = h == 0 ? 12 : h;
                    text = num(val, 2, fm);
                }
                case "MI" -> { val = minute; text = num(minute, 2, fm); }
                case "SS" -> { val = second; text = num(second, 2, fm); }
                case "SSSS" -> { val = hour24 * 3600 + minute * 60L + second; text = Long.toString(val); }
                case "MS" -> { val = micros / 1000; text = num(val, 3, fm); }
                case "US" -> { val = micros; text = num(val, 6, fm); }
                case "FF1", "FF2", "FF3", "FF4", "FF5", "FF6" -> {
                    int n = kw.charAt(2) - '0';
                    val = micros / (long) Math.pow(10, 6 - n);
                    text = num(val, n, fm);
                }
                case "BC", "bc", "AD", "ad", "B.C.", "b.c.", "A.D.", "a.d." -> {
                    val = 0;
                    boolean dots = kw.contains(".");
                    String s = d.getYear() > 0 ? (dots ? "A.D." : "AD") : (dots ? "B.C." : "BC");
                    text = Character.isLowerCase(kw.charAt(0)) ? s.toLowerCase(Locale.ROOT) : s;
                }
                case "AM", "PM", "A.M.", "P.M.", "am", "pm", "a.m.", "p.m." -> {
                    val = 0;
                    boolean pm = hour24 % 24 >= 12;
                    boolean dots = kw.contains(".");
                    String s = pm ? (dots ? "P.M." : "PM") : (dots ? "A.M." : "AM");
                    text = Character.isLowerCase(kw.charAt(0)) ? s.toLowerCase(Locale.ROOT) : s;
                }
                case "TZ", "tz" -> {
                    val = 0;
                    String z = zoneAbbrev == null ? "" : zoneAbbrev;
                    text = kw.equals("tz") ? z.toLowerCase(Locale.ROOT) : z;
                }
                case "OF" -> {
                    val = 0;
                    text = offsetSeconds == null ? "" : TimeZones.isoOffset(offsetSeconds);
                }
                default -> { val = 0; text = kw; }
            }
            out.append(text).append(ordinal(val, tok.suffix()));
        }
        return out.toString();
    }

    /** to_timestamp(text, fmt) / to_date: fields read by pattern, separators skipped loosely. */
    static LocalDateTime parse(String input, String fmt, String typeName) {
        int year = 1;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        long micros = 0;
        boolean pm = false;
        boolean ampm = false;
        boolean bc = false;
        int pos = 0;
        List<Token> tokens = tokenize(fmt);
        for (int ti = 0; ti < tokens.size(); ti++) {
            Token tok = tokens.get(ti);
            // a numeric field followed directly by another field reads only its nominal width (YYYYMMDD)
            boolean fixedWidth = ti + 1 < tokens.size() && tokens.get(ti + 1).keyword() != null;
            if (tok.keyword() == null) {
                if (pos < input.length() && !Character.isLetterOrDigit(input.charAt(pos))) {
                    pos++;
                } else if (pos < input.length() && tok.literal().equals(String.valueOf(input.charAt(pos)))) {
                    pos++;
                }
                continue;
            }
            while (pos < input.length() && input.charAt(pos) == ' ') {
                pos++;
            }
            String kw = tok.keyword();
            if (kw.equalsIgnoreCase("Month") || kw.equalsIgnoreCase("Mon")) {
                int m = 0;
                String rest = input.substring(pos).toLowerCase(Locale.ROOT);
                for (int k = 1; k <= 12; k++) {
                    String full = java.time.Month.of(k).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                            .toLowerCase(Locale.ROOT);
                    if (rest.startsWith(full)) {
                        m = k;
                        pos += full.length();
                        break;
                    }
                    if (rest.startsWith(full.substring(0, 3))) {
                        m = k;
                        pos += 3;
                        break;
                    }
                }
                if (m == 0) {
                    throw new dev.tusk.utils.error.TuskException(
                                    dev.tusk.utils.error.SqlState.INVALID_DATETIME_FORMAT,
                                    "invalid value \"" + rest.split("\\s")[0] + "\" for \"" + kw + "\"");
                }
                month = m;
                continue;
            }
            if (kw.equalsIgnoreCase("AM") || kw.equalsIgnoreCase("PM") || kw.equalsIgnoreCase("A.M.")
                    || kw.equalsIgnoreCase("P.M.")) {
                String rest = input.substring(pos).toLowerCase(Locale.ROOT);
                ampm = true;
                pm = rest.startsWith("p");
                pos += kw.length();
                continue;
            }
            if (kw.equalsIgnoreCase("Day") || kw.equalsIgnoreCase("Dy")) {
                while (pos < input.length() && Character.isLetter(input.charAt(pos))) {
                    pos++;
                }
                continue;
            }
            int maxLen = switch (kw) {
                case "YYYY", "IYYY" -> fixedWidth ? 4 : 9;
                case "YYY" -> 3;
                case "DDD", "MS" -> 3;
                case "US" -> 6;
                case "J" -> 9;
                default -> kw.startsWith("FF") ? kw.charAt(2) - '0' : 2;
            };
            int st = pos;
            if (pos < input.length() && input.charAt(pos) == '-' && kw.startsWith("Y")) {
                pos++;
            }
            while (pos < input.length() && Character.isDigit(input.charAt(pos)) && pos - st < maxLen) {
                pos++;
            }
            if (st == pos) {
                throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.SqlState.INVALID_DATETIME_FORMAT,
                        "invalid value \"" + input.substring(st, Math.min(input.length(), st + maxLen))
                                + "\" for \"" + kw + "\"");
            }
            String digits = input.substring(st, pos);
            int v = Integer.parseInt(digits);
            switch (kw) {
                case "YYYY", "IYYY" -> year = v;
                case "YYY" -> year = v < 100 ? 2000 + v : 1000 + v;
                case "YY" -> year = v < 70 ? 2000 + v : 1900 + v;
                case "Y" -> year = 2000 + v;
                case "MM" -> month = v;
                case "DD" -> day = v;
                case "HH24" -> hour = v;
                case "HH", "HH12" -> hour = v;
                case "MI" -> minute = v;
                case "SS" -> second = v;
                case "MS" -> micros = v * 1000L * (long) Math.pow(10, 3 - digits.length());
                case "US" -> micros = v * (long) Math.pow(10, 6 - digits.length());
                case "J" -> {
                    LocalDate jd = LocalDate.MIN.with(JulianFields.JULIAN_DAY, v);
                    year = jd.getYear();
                    month = jd.getMonthValue();
                    day = jd.getDayOfMonth();
                }
                default -> {
                    if (kw.startsWith("FF")) {
                        micros = v * (long) Math.pow(10, 6 - digits.length());
                    }
                }
            }
        }
        if (ampm) {
            if (hour < 1 || hour > 12) {
                throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.SqlState.INVALID_DATETIME_FORMAT,
                        "hour \"" + hour + "\" is invalid for the 12-hour clock")
                        .withHint("Use the 24-hour clock, or give an hour between 1 and 12.");
            }
            hour = hour % 12 + (pm ? 12 : 0);
        }
        try {
            return LocalDateTime.of(bc ? 1 - year : year, month, day, hour, minute, second, (int) (micros * 1000));
        } catch (java.time.DateTimeException e) {
            throw AdtErrors.datetimeFieldOutOfRange(input);
        }
    }
}
