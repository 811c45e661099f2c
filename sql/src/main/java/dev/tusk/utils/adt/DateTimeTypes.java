package dev.tusk.utils.adt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * date, time, timestamp and timestamptz (date.c, timestamp.c). Carriers: LocalDate, LocalTime, LocalDateTime,
 * Instant. ±infinity are {@link LocalDate#MAX}/{@code MIN}, {@link LocalDateTime#MAX}/{@code MIN},
 * {@link Instant#MAX}/{@code MIN}. Binary forms count days / microseconds from 2000-01-01 (UTC for timestamptz).
 */
public final class DateTimeTypes implements TypeHandler {
    static final DateTimeTypes INSTANCE = new DateTimeTypes();
    static final LocalDate PG_EPOCH = LocalDate.of(2000, 1, 1);

    /**
     * time '24:00:00', which PostgreSQL accepts and LocalTime cannot carry: {@link LocalTime#MAX} (nanosecond
     * precision, so never a real microsecond value) stands for it.
     */
    public static final LocalTime TIME_24 = LocalTime.MAX;
    static final LocalDateTime PG_EPOCH_TS = PG_EPOCH.atStartOfDay();
    static final Instant PG_EPOCH_INSTANT = PG_EPOCH_TS.toInstant(ZoneOffset.UTC);

    static String typeName(int typeOid) {
        return switch (typeOid) {
            case TypeOids.DATE -> "date";
            case TypeOids.TIME -> "time";
            case TypeOids.TIMESTAMP -> "timestamp";
            default -> "timestamp with time zone";
        };
    }

    // ---- input --------------------------------------------------------------------------------------------

    @Override
    public Object in(int typeOid, String text, int typmod, SessionFormats f) {
        DateStyle style = f == null ? DateStyle.DEFAULT : f.dateStyle();
        ZoneId zone = f == null ? ZoneOffset.UTC : f.timeZone();
        DateTimeParser.Fields d = DateTimeParser.parse(text, typeName(typeOid), style);
        Object v = switch (typeOid) {
            case TypeOids.DATE -> dateOf(d, text, zone);
            case TypeOids.TIME -> timeOf(d, text);
            case TypeOids.TIMESTAMP -> timestampOf(d, text, zone);
            default -> timestamptzOf(d, text, zone);
        };
        return roundToPrecision(v, typmod);
    }

    private static LocalDate dateOf(DateTimeParser.Fields d, String text, ZoneId zone) {
        if (d.special() != null) {
            return switch (d.special()) {
                case "infinity" -> LocalDate.MAX;
                case "-infinity" -> LocalDate.MIN;
                case "epoch" -> LocalDate.of(1970, 1, 1);
                case "today", "now" -> LocalDate.now(zone);
                case "tomorrow" -> LocalDate.now(zone).plusDays(1);
                case "yesterday" -> LocalDate.now(zone).minusDays(1);
                default -> throw AdtErrors.invalidDatetime("date", text);
            };
        }
        if (d.date() == null) {
            throw AdtErrors.invalidDatetime("date", text);
        }
        return d.date();
    }

    private static LocalTime timeOf(DateTimeParser.Fields d, String text) {
        if (d.special() != null) {
            return switch (d.special()) {
                case "allballs" -> LocalTime.MIDNIGHT;
                case "now" -> LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                default -> throw AdtErrors.invalidDatetime("time", text);
            };
        }
        if (d.time() == null) {
            throw AdtErrors.invalidDatetime("time", text);
        }
        if (d.nanosRoundUp() != null) {
            return TIME_24;
        }
        return d.time();
    }

    private static LocalDateTime timestampOf(DateTimeParser.Fields d, String text, ZoneId zone) {
        if (d.special() != null) {
            return switch (d.special()) {
                case "infinity" -> LocalDateTime.MAX;
                case "-infinity" -> LocalDateTime.MIN;
                case "epoch" -> LocalDateTime.of(1970, 1, 1, 0, 0);
                case "now" -> LocalDateTime.now(zone).truncatedTo(ChronoUnit.MICROS);
                case "today" -> LocalDate.now(zone).atStartOfDay();
                case "tomorrow" -> LocalDate.now(zone).plusDays(1).atStartOfDay();
                case "yesterday" -> LocalDate.now(zone).minusDays(1).atStartOfDay();
                default -> throw AdtErrors.invalidDatetime("timestamp", text);
            };
        }
        if (d.date() == null) {
            throw AdtErrors.invalidDatetime("timestamp", text);
        }
        LocalDateTime ts = d.date().atTime(d.time() == null ? LocalTime.MIDNIGHT : d.time());
        return d.nanosRoundUp() != null ? ts.plusDays(1) : ts;
    }

    private static Instant timestamptzOf(DateTimeParser.Fields d, String text, ZoneId zone) {
        if (d.special() != null) {
            return switch (d.special()) {
                case "infinity" -> Instant.MAX;
                case "-infinity" -> Instant.MIN;
                case "epoch" -> Instant.EPOCH;
                case "now" -> Instant.now().truncatedTo(ChronoUnit.MICROS);
                default -> timestampOf(d, text, zone).atZone(zone).toInstant();
            };
        }
        if (d.date() == null) {
            throw AdtErrors.invalidDatetime("timestamp with time zone", text);
        }
        LocalDateTime ts = d.date().atTime(d.time() == null ? LocalTime.MIDNIGHT : d.time());
        if (d.nanosRoundUp() != null) {
            ts = ts.plusDays(1);
        }
        return ts.atZone(d.zone() != null ? d.zone() : zone).toInstant();
    }

    // ---- output -------------------------------------------------------------------------------------------

    @Override
    public String out(int typeOid, Object value, SessionFormats f) {
        SessionFormats fm = f == null ? SessionFormats.DEFAULT : f;
        return switch (value) {
            case LocalDate d -> formatDate(d, fm.dateStyle());
            case LocalTime t -> formatTime(t);
            case LocalDateTime ts -> formatTimestamp(ts, fm.dateStyle());
            case Instant i -> formatTimestamptz(i, fm.dateStyle(), fm.timeZone());
            default -> value.toString();
        };
    }

    static String yearText(int year) {
        int y = year > 0 ? year : 1 - year;
        return y < 1000 ? String.format("%04d", y) : Integer.toString(y);
    }

    static String bcSuffix(int year) {
        return year > 0 ? "" : " BC";
    }

    static String formatDate(LocalDate d, DateStyle style) {
        if (d.equals(LocalDate.MAX)) {
            return "infinity";
        }
        if (d.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        String y = yearText(d.getYear());
        String mm = String.format("%02d", d.getMonthValue());
        String dd = String.format("%02d", d.getDayOfMonth());
        String body = switch (style.style()) {
            case ISO -> y + "-" + mm + "-" + dd;
            case SQL -> style.order() == DateStyle.Order.DMY ? dd + "/" + mm + "/" + y : mm + "/" + dd + "/" + y;
            case GERMAN -> dd + "." + mm + "." + y;
            case POSTGRES -> style.order() == DateStyle.Order.DMY ? dd + "-" + mm + "-" + y : mm + "-" + dd + "-" + y;
        };
        return body + bcSuffix(d.getYear());
    }

    /** Microseconds since midnight (PostgreSQL's TimeADT); 24:00:00 is 86400000000. */
    public static long timeToMicros(LocalTime t) {
        return t.equals(TIME_24) ? 86_400_000_000L : t.toNanoOfDay() / 1000;
    }

    /** The inverse of {@link #timeToMicros}. */
    public static LocalTime microsToTime(long micros) {
        return micros >= 86_400_000_000L ? TIME_24 : LocalTime.ofNanoOfDay(micros * 1000);
    }

    static String formatTime(LocalTime t) {
        if (t.equals(TIME_24)) {
            return "24:00:00";
        }
        StringBuilder sb = new StringBuilder(String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(),
                t.getSecond()));
        appendFraction(sb, t.getNano() / 1000);
        return sb.toString();
    }

    static void appendFraction(StringBuilder sb, long micros) {
        if (micros != 0) {
            String fr = String.format("%06d", micros);
            int end = fr.length();
            while (fr.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(fr, 0, end);
        }
    }

    static String formatTimestamp(LocalDateTime ts, DateStyle style) {
        if (ts.equals(LocalDateTime.MAX)) {
            return "infinity";
        }
        if (ts.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        return formatDateTime(ts, style, null, 0);
    }

    /** Shared layout; {@code zoneText}/offset appended for timestamptz. */
    private static String formatDateTime(LocalDateTime ts, DateStyle style, String zoneAbbrev, int offsetSecs) {
        LocalDate d = ts.toLocalDate();
        String time = formatTime(ts.toLocalTime());
        String y = yearText(d.getYear());
        String bc = bcSuffix(d.getYear());
        String mm = String.format("%02d", d.getMonthValue());
        String dd = String.format("%02d", d.getDayOfMonth());
        boolean tz = zoneAbbrev != null;
        return switch (style.style()) {
            case ISO -> y + "-" + mm + "-" + dd + " " + time + (tz ? TimeZones.isoOffset(offsetSecs) : "") + bc;
            case SQL -> (style.order() == DateStyle.Order.DMY ? dd + "/" + mm : mm + "/" + dd) + "/" + y + " " + time
                    + (tz ? " " + zoneAbbrev : "") + bc;
            case GERMAN -> dd + "." + mm + "." + y + " " + time + (tz ? " " + zoneAbbrev : "") + bc;
            case POSTGRES -> {
                String dow = d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                String mon = d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                String md = style.order() == DateStyle.Order.DMY ? dd + " " + mon : mon + " " + dd;
                yield dow + " " + md + " " + time + " " + y + (tz ? " " + zoneAbbrev : "") + bc;
            }
        };
    }

    static String formatTimestamptz(Instant i, DateStyle style, ZoneId zone) {
        if (i.equals(Instant.MAX)) {
            return "infinity";
        }
        if (i.equals(Instant.MIN)) {
            return "-infinity";
        }
        ZonedDateTime z = i.atZone(zone);
        int off = z.getOffset().getTotalSeconds();
        String abbrev = style.style() == DateStyle.Style.ISO ? "" : zoneAbbreviation(z);
        return formatDateTime(z.toLocalDateTime(), style, abbrev, off);
    }

    private static final java.time.format.DateTimeFormatter ZONE_ABBREV =
            java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    static String zoneAbbreviation(ZonedDateTime z) {
        if (z.getZone() instanceof ZoneOffset || z.getZone().getId().equals("UTC")) {
            return z.getOffset().getTotalSeconds() == 0 ? "UTC" : TimeZones.isoOffset(z.getOffset().getTotalSeconds());
        }
        String s = ZONE_ABBREV.format(z);
        return s.startsWith("GMT") ? TimeZones.isoOffset(z.getOffset().getTotalSeconds()) : s;
    }

    // ---- binary -------------------------------------------------------------------------------------------

    @Override
    public Object recv(int typeOid, ByteBuffer buf, int typmod, SessionFormats f) {
        if (typeOid == TypeOids.DATE) {
            Bytes.requireRemaining(buf, 4);
            int days = buf.getInt();
            return days == Integer.MAX_VALUE ? LocalDate.MAX : days == Integer.MIN_VALUE ? LocalDate.MIN
                    : PG_EPOCH.plusDays(days);
        }
        Bytes.requireRemaining(buf, 8);
        long micros = buf.getLong();
        Object v = switch (typeOid) {
            case TypeOids.TIME -> {
                if (micros < 0 || micros > 86_400_000_000L) {
                    throw AdtErrors.datetimeOutOfRange("time out of range");
                }
                yield micros == 86_400_000_000L ? DateTimeTypes.TIME_24
                        : LocalTime.ofNanoOfDay(micros * 1000);
            }
            case TypeOids.TIMESTAMP -> micros == Long.MAX_VALUE ? LocalDateTime.MAX
                    : micros == Long.MIN_VALUE ? LocalDateTime.MIN : PG_EPOCH_TS.plus(micros, ChronoUnit.MICROS);
            default -> micros == Long.MAX_VALUE ? Instant.MAX
                    : micros == Long.MIN_VALUE ? Instant.MIN : PG_EPOCH_INSTANT.plus(micros, ChronoUnit.MICROS);
        };
        return roundToPrecision(v, typmod);
    }

    @Override
    public byte[] send(int typeOid, Object value, SessionFormats f) {
        return switch (value) {
            case LocalDate d -> Bytes.i4(dateToDays(d));
            case LocalTime t -> Bytes.i8(timeToMicros(t));
            case LocalDateTime ts -> Bytes.i8(timestampToMicros(ts));
            case Instant i -> Bytes.i8(instantToMicros(i));
            default -> throw new IllegalArgumentException(value.getClass().getName());
        };
    }

    /** Days since 2000-01-01 (PostgreSQL's DateADT), infinities as INT_MAX/INT_MIN. */
    public static int dateToDays(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return Integer.MAX_VALUE;
        }
        if (d.equals(LocalDate.MIN)) {
            return Integer.MIN_VALUE;
        }
        return (int) ChronoUnit.DAYS.between(PG_EPOCH, d);
    }

    public static LocalDate daysToDate(int days) {
        return days == Integer.MAX_VALUE ? LocalDate.MAX : days == Integer.MIN_VALUE ? LocalDate.MIN
                : PG_EPOCH.plusDays(days);
    }

    /** Microseconds since 2000-01-01 00:00 (PostgreSQL's Timestamp), infinities as INT64 max/min. */
    public static long timestampToMicros(LocalDateTime ts) {
        if (ts.equals(LocalDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (ts.equals(LocalDateTime.MIN)) {
            return Long.MIN_VALUE;
        }
        return ChronoUnit.MICROS.between(PG_EPOCH_TS, ts);
    }

    public static LocalDateTime microsToTimestamp(long micros) {
        return micros == Long.MAX_VALUE ? LocalDateTime.MAX : micros == Long.MIN_VALUE ? LocalDateTime.MIN
                : PG_EPOCH_TS.plus(micros, ChronoUnit.MICROS);
    }

    /** Microseconds since 2000-01-01 00:00 UTC (TimestampTz). */
    public static long instantToMicros(Instant i) {
        if (i.equals(Instant.MAX)) {
            return Long.MAX_VALUE;
        }
        if (i.equals(Instant.MIN)) {
            return Long.MIN_VALUE;
        }
        return ChronoUnit.MICROS.between(PG_EPOCH_INSTANT, i);
    }

    public static Instant microsToInstant(long micros) {
        return micros == Long.MAX_VALUE ? Instant.MAX : micros == Long.MIN_VALUE ? Instant.MIN
                : PG_EPOCH_INSTANT.plus(micros, ChronoUnit.MICROS);
    }

    @Override
    public int compare(int typeOid, Object a, Object b) {
        return switch (a) {
            case LocalDate d -> d.compareTo((LocalDate) b);
            case LocalTime t -> Long.compare(timeToMicros(t), timeToMicros((LocalTime) b));
            case LocalDateTime ts -> ts.compareTo((LocalDateTime) b);
            case Instant i -> i.compareTo((Instant) b);
            default -> throw new IllegalArgumentException(a.getClass().getName());
        };
    }

    // ---- conversions --------------------------------------------------------------------------------------

    /** A date/timestamp/timestamptz as an instant, local values read in the session zone. */
    static Instant toInstant(Object v, SessionFormats f) {
        ZoneId zone = f == null ? ZoneOffset.UTC : f.timeZone();
        return switch (v) {
            case Instant i -> i;
            case LocalDateTime ts -> ts.equals(LocalDateTime.MAX) ? Instant.MAX
                    : ts.equals(LocalDateTime.MIN) ? Instant.MIN : ts.atZone(zone).toInstant();
            case LocalDate d -> d.equals(LocalDate.MAX) ? Instant.MAX
                    : d.equals(LocalDate.MIN) ? Instant.MIN : d.atStartOfDay(zone).toInstant();
            default -> throw new IllegalArgumentException(v.getClass().getName());
        };
    }

    static LocalDateTime toLocalDateTime(Object v) {
        return switch (v) {
            case LocalDateTime ts -> ts;
            case LocalDate d -> d.equals(LocalDate.MAX) ? LocalDateTime.MAX
                    : d.equals(LocalDate.MIN) ? LocalDateTime.MIN : d.atStartOfDay();
            default -> throw new IllegalArgumentException(v.getClass().getName());
        };
    }

    /** timestamptz shown in a zone as a local timestamp (timestamptz_timestamp / AT TIME ZONE). */
    static LocalDateTime toLocal(Instant i, ZoneId zone) {
        if (i.equals(Instant.MAX)) {
            return LocalDateTime.MAX;
        }
        if (i.equals(Instant.MIN)) {
            return LocalDateTime.MIN;
        }
        return LocalDateTime.ofInstant(i, zone);
    }

    /** AdjustTimestampForTypmod / AdjustTimeForTypmod / interval precision: round microseconds to p digits. */
    static Object roundToPrecision(Object v, int typmod) {
        if (typmod < 0 || typmod >= 6) {
            return v;
        }
        long unit = (long) Math.pow(10, 6 - typmod);
        return switch (v) {
            case LocalTime t -> {
                long m = roundMicros(timeToMicros(t), unit);
                yield m >= 86_400_000_000L ? DateTimeTypes.TIME_24 : LocalTime.ofNanoOfDay(m * 1000);
            }
            case LocalDateTime ts -> ts.equals(LocalDateTime.MAX) || ts.equals(LocalDateTime.MIN) ? ts
                    : microsToTimestamp(roundMicros(timestampToMicros(ts), unit));
            case Instant i -> i.equals(Instant.MAX) || i.equals(Instant.MIN) ? i
                    : microsToInstant(roundMicros(instantToMicros(i), unit));
            case Interval iv -> new Interval(iv.months(), iv.days(), roundMicros(iv.micros(), unit));
            default -> v;
        };
    }

    private static long roundMicros(long micros, long unit) {
        return BigDecimal.valueOf(micros).divide(BigDecimal.valueOf(unit), 0, RoundingMode.HALF_UP).longValue() * unit;
    }
}
