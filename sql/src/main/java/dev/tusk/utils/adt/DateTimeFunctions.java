package dev.tusk.utils.adt;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.FunctionContext;
import dev.tusk.utils.fmgr.ImplTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Date/time operators and functions (date.c, timestamp.c): arithmetic with intervals, differences, casts,
 * now() and friends, date_trunc, extract/date_part, age, AT TIME ZONE, make_*, generate_series over timestamps.
 * timestamptz calendar arithmetic happens in the session time zone, as in PostgreSQL.
 */
final class DateTimeFunctions {
    private DateTimeFunctions() {
    }

    static final long USECS_PER_DAY = 86_400_000_000L;

    static ZoneId zone(FunctionContext c) {
        return c.formats().timeZone();
    }

    static void register(ImplTable t) {
        t.fn2("date_pli", (a, b) -> addDays((LocalDate) a, (Integer) b))
                .fn2("date_mii", (a, b) -> addDays((LocalDate) a, -(long) (Integer) b))
                .fn2("integer_pl_date(23 1082)", (a, b) -> addDays((LocalDate) b, (Integer) a))
                .fn2("date_mi", (a, b) -> {
                    LocalDate x = (LocalDate) a;
                    LocalDate y = (LocalDate) b;
                    if (isInf(x) || isInf(y)) {
                        throw AdtErrors.datetimeOutOfRange("cannot subtract infinite dates");
                    }
                    return (int) ChronoUnit.DAYS.between(y, x);
                })
                .fn2("date_pl_interval", (a, b) -> tsPlus(DateTimeTypes.toLocalDateTime(a), (Interval) b, 1))
                .fn2("date_mi_interval", (a, b) -> tsPlus(DateTimeTypes.toLocalDateTime(a), (Interval) b, -1))
                .fn2("interval_pl_date(1186 1082)", (a, b) -> tsPlus(DateTimeTypes.toLocalDateTime(b), (Interval) a, 1))
                .fn2("timestamp_pl_interval", (a, b) -> tsPlus((LocalDateTime) a, (Interval) b, 1))
                .fn2("timestamp_mi_interval", (a, b) -> tsPlus((LocalDateTime) a, (Interval) b, -1))
                .fn2("interval_pl_timestamp(1186 1114)", (a, b) -> tsPlus((LocalDateTime) b, (Interval) a, 1))
                .fn("timestamptz_pl_interval", (c, ty, a) -> tstzPlus((Instant) a[0], (Interval) a[1], 1, zone(c)))
                .fn("timestamptz_mi_interval", (c, ty, a) -> tstzPlus((Instant) a[0], (Interval) a[1], -1, zone(c)))
                .fn("interval_pl_timestamptz(1186 1184)", (c, ty, a) -> tstzPlus((Instant) a[1], (Interval) a[0], 1,
                        zone(c)))
                .fn2("timestamp_mi", DateTimeFunctions::timestampMi)
                .fn2("datetime_timestamp", (a, b) -> ((LocalDate) a).atTime((LocalTime) b))
                .fn2("datetime_pl", (a, b) -> ((LocalDate) a).atTime((LocalTime) b))
                .fn2("timedate_pl(1083 1082)", (a, b) -> ((LocalDate) b).atTime((LocalTime) a))
                .fn2("time_mi_time", (a, b) -> new Interval(0, 0,
                        micros((LocalTime) a) - micros((LocalTime) b)))
                .fn2("time_pl_interval", (a, b) -> timePlus((LocalTime) a, ((Interval) b).micros()))
                .fn2("time_mi_interval", (a, b) -> timePlus((LocalTime) a, -((Interval) b).micros()))
                .fn2("interval_pl_time(1186 1083)", (a, b) -> timePlus((LocalTime) b, ((Interval) a).micros()))
                .fn2("interval_pl", (a, b) -> ivAdd((Interval) a, (Interval) b, 1))
                .fn2("interval_mi", (a, b) -> ivAdd((Interval) a, (Interval) b, -1))
                .fn1("interval_um", a -> ivNeg((Interval) a))
                .fn2("interval_mul", (a, b) -> ivMul((Interval) a, (Double) b))
                .fn2("mul_d_interval", (a, b) -> ivMul((Interval) b, (Double) a))
                .fn2("interval_div", (a, b) -> {
                    if ((Double) b == 0.0) {
                        throw AdtErrors.divisionByZero();
                    }
                    return ivMul((Interval) a, 1.0 / (Double) b);
                })
                .fn2("interval_larger", (a, b) -> ((Interval) a).compareTo((Interval) b) >= 0 ? a : b)
                .fn2("interval_smaller", (a, b) -> ((Interval) a).compareTo((Interval) b) <= 0 ? a : b)
                .fn1("interval_justify_hours", a -> justifyHours((Interval) a))
                .fn1("interval_justify_days", a -> justifyDays((Interval) a))
                .fn1("interval_justify_interval", a -> justifyDays(justifyHours((Interval) a)));
        // casts
        t.fn1("date_timestamp", DateTimeTypes::toLocalDateTime)
                .fn("date_timestamptz", (c, ty, a) -> DateTimeTypes.toInstant(a[0], c.formats()))
                .fn1("timestamp_date", a -> {
                    LocalDateTime ts = (LocalDateTime) a;
                    return ts.equals(LocalDateTime.MAX) ? LocalDate.MAX
                            : ts.equals(LocalDateTime.MIN) ? LocalDate.MIN : ts.toLocalDate();
                })
                .fn("timestamptz_date", (c, ty, a) -> {
                    LocalDateTime ts = DateTimeTypes.toLocal((Instant) a[0], zone(c));
                    return ts.equals(LocalDateTime.MAX) ? LocalDate.MAX
                            : ts.equals(LocalDateTime.MIN) ? LocalDate.MIN : ts.toLocalDate();
                })
                .fn("timestamp_timestamptz", (c, ty, a) -> DateTimeTypes.toInstant(a[0], c.formats()))
                .fn("timestamptz_timestamp", (c, ty, a) -> DateTimeTypes.toLocal((Instant) a[0], zone(c)))
                .fn1("timestamp_time", a -> ((LocalDateTime) a).toLocalTime())
                .fn("timestamptz_time", (c, ty, a) -> DateTimeTypes.toLocal((Instant) a[0], zone(c)).toLocalTime())
                .fn("time_timetz", (c, ty, a) -> java.time.OffsetTime.of((LocalTime) a[0],
                        zone(c).getRules().getOffset(LocalDate.ofInstant(c.transactionTimestamp(), zone(c))
                                .atTime((LocalTime) a[0]))))
                .fn1("timetz_time", a -> ((java.time.OffsetTime) a).toLocalTime())
                .fn("timestamptz_timetz", (c, ty, a) -> ((Instant) a[0]).atZone(zone(c)).toOffsetDateTime()
                        .toOffsetTime())
                .fn1("time_interval", a -> new Interval(0, 0, micros((LocalTime) a)))
                .fn1("interval_time", a -> LocalTime.ofNanoOfDay(
                        Math.floorMod(((Interval) a).micros(), USECS_PER_DAY) * 1000))
                .fn2("time_scale", (a, b) -> DateTimeTypes.roundToPrecision(a, (Integer) b))
                .fn2("timestamp_scale", (a, b) -> DateTimeTypes.roundToPrecision(a, (Integer) b))
                .fn2("timestamptz_scale", (a, b) -> DateTimeTypes.roundToPrecision(a, (Integer) b))
                .fn2("interval_scale", (a, b) -> DateTimeTypes.roundToPrecision(a, Typmods.intervalPrecision((Integer) b)));
        // current time
        t.fn("now", (c, ty, a) -> c.transactionTimestamp())
                .fn("statement_timestamp", (c, ty, a) -> c.statementTimestamp())
                .fn("clock_timestamp", (c, ty, a) -> Instant.now().truncatedTo(ChronoUnit.MICROS))
                .fn1("float8_timestamptz", a -> {
                    double d = (Double) a;
                    if (Double.isInfinite(d)) {
                        return d > 0 ? Instant.MAX : Instant.MIN;
                    }
                    if (Double.isNaN(d)) {
                        throw AdtErrors.datetimeOutOfRange("timestamp cannot be NaN");
                    }
                    return Instant.EPOCH.plus(Math.round(d * 1_000_000), ChronoUnit.MICROS);
                })
                .fn1("date_finite", a -> !isInf((LocalDate) a))
                .fn1("timestamp_finite", a -> !(a.equals(LocalDateTime.MAX) || a.equals(LocalDateTime.MIN)
                        || a.equals(Instant.MAX) || a.equals(Instant.MIN)))
                .fn1("interval_finite", a -> true)
                .fn("make_date", (c, ty, a) -> makeDate((Integer) a[0], (Integer) a[1], (Integer) a[2]))
                .fn("make_time", (c, ty, a) -> makeTime((Integer) a[0], (Integer) a[1], (Double) a[2]))
                .fn("make_timestamp", (c, ty, a) -> makeDate((Integer) a[0], (Integer) a[1], (Integer) a[2])
                        .atTime(makeTime((Integer) a[3], (Integer) a[4], (Double) a[5])))
                .fn("make_timestamptz", (c, ty, a) -> makeDate((Integer) a[0], (Integer) a[1], (Integer) a[2])
                        .atTime(makeTime((Integer) a[3], (Integer) a[4], (Double) a[5])).atZone(zone(c)).toInstant())
                .fn("make_timestamptz_at_timezone", (c, ty, a) -> makeDate((Integer) a[0], (Integer) a[1],
                        (Integer) a[2]).atTime(makeTime((Integer) a[3], (Integer) a[4], (Double) a[5]))
                        .atZone(zoneNamed((String) a[6])).toInstant());
        // AT TIME ZONE
        t.fn2("timestamp_zone", (a, b) -> atZone((LocalDateTime) b, zoneNamed((String) a)))
                .fn2("timestamptz_zone", (a, b) -> DateTimeTypes.toLocal((Instant) b, zoneNamed((String) a)))
                .fn2("timestamp_izone", (a, b) -> atZone((LocalDateTime) b, intervalZone((Interval) a)))
                .fn2("timestamptz_izone", (a, b) -> DateTimeTypes.toLocal((Instant) b, intervalZone((Interval) a)));
        // date_trunc, extract, age
        t.fn2("timestamp_trunc", (a, b) -> truncTs((String) a, (LocalDateTime) b))
                .fn("timestamptz_trunc", (c, ty, a) -> truncTstz((String) a[0], (Instant) a[1], zone(c)))
                .fn("timestamptz_trunc_zone", (c, ty, a) -> truncTstz((String) a[0], (Instant) a[1],
                        zoneNamed((String) a[2])))
                .fn2("interval_trunc", (a, b) -> truncInterval((String) a, (Interval) b))
                .fn("extract_date", (c, ty, a) -> DateParts.extract((String) a[0], a[1], TypeOids.DATE, c))
                .fn("extract_time", (c, ty, a) -> DateParts.extract((String) a[0], a[1], TypeOids.TIME, c))
                .fn("extract_timestamp", (c, ty, a) -> DateParts.extract((String) a[0], a[1], TypeOids.TIMESTAMP, c))
                .fn("extract_timestamptz", (c, ty, a) -> DateParts.extract((String) a[0], a[1],
                        TypeOids.TIMESTAMPTZ, c))
                .fn("extract_interval", (c, ty, a) -> DateParts.extract((String) a[0], a[1], TypeOids.INTERVAL, c))
                .fn("date_part(25 1082)", (c, ty, a) -> toDouble(DateParts.extract((String) a[0],
                        DateTimeTypes.toLocalDateTime(a[1]), TypeOids.TIMESTAMP, c)))
                .fn("time_part", (c, ty, a) -> toDouble(DateParts.extract((String) a[0], a[1], TypeOids.TIME, c)))
                .fn("timestamp_part", (c, ty, a) -> toDouble(DateParts.extract((String) a[0], a[1],
                        TypeOids.TIMESTAMP, c)))
                .fn("timestamptz_part", (c, ty, a) -> toDouble(DateParts.extract((String) a[0], a[1],
                        TypeOids.TIMESTAMPTZ, c)))
                .fn("interval_part", (c, ty, a) -> toDouble(DateParts.extract((String) a[0], a[1],
                        TypeOids.INTERVAL, c)))
                .fn2("timestamp_age", (a, b) -> age((LocalDateTime) a, (LocalDateTime) b))
                .fn("timestamptz_age", (c, ty, a) -> age(DateTimeTypes.toLocal((Instant) a[0], zone(c)),
                        DateTimeTypes.toLocal((Instant) a[1], zone(c))))
                .fn("age(1114)", (c, ty, a) -> age(today(c), (LocalDateTime) a[0]))
                .fn("age(1184)", (c, ty, a) -> age(today(c), DateTimeTypes.toLocal((Instant) a[0], zone(c))))
                .set("generate_series_timestamp", (c, ty, a) -> series(a[0], a[1], (Interval) a[2], c))
                .set("generate_series_timestamptz", (c, ty, a) -> series(a[0], a[1], (Interval) a[2], c));
    }

    private static LocalDateTime today(FunctionContext c) {
        return LocalDate.ofInstant(c.transactionTimestamp(), zone(c)).atStartOfDay();
    }

    private static Object toDouble(Object numeric) {
        return numeric == null ? null : ((BigDecimal) numeric).doubleValue();
    }

    static boolean isInf(LocalDate d) {
        return d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN);
    }

    static long micros(LocalTime t) {
        return DateTimeTypes.timeToMicros(t);
    }

    static LocalDate addDays(LocalDate d, long n) {
        if (isInf(d)) {
            return d;
        }
        LocalDate r = d.plusDays(n);
        checkDateRange(r);
        return r;
    }

    static void checkDateRange(LocalDate d) {
        if (d.getYear() < -4713 || d.getYear() > 5874897) {
            throw AdtErrors.datetimeOutOfRange("date out of range");
        }
    }

    static LocalTime timePlus(LocalTime t, long deltaMicros) {
        long m = Math.floorMod(micros(t) + deltaMicros, USECS_PER_DAY);
        return LocalTime.ofNanoOfDay(m * 1000);
    }

    static LocalDateTime tsPlus(LocalDateTime ts, Interval iv, int sign) {
        if (ts.equals(LocalDateTime.MAX) || ts.equals(LocalDateTime.MIN)) {
            return ts;
        }
        try {
            LocalDateTime r = ts.plusMonths((long) sign * iv.months()).plusDays((long) sign * iv.days())
                    .plus(sign * iv.micros(), ChronoUnit.MICROS);
            if (r.getYear() > 294276 || r.getYear() < -4713) {
                throw AdtErrors.datetimeOutOfRange("timestamp out of range");
            }
            return r;
        } catch (java.time.DateTimeException e) {
            throw AdtErrors.datetimeOutOfRange("timestamp out of range");
        }
    }

    static Instant tstzPlus(Instant i, Interval iv, int sign, ZoneId zone) {
        if (i.equals(Instant.MAX) || i.equals(Instant.MIN)) {
            return i;
        }
        try {
            ZonedDateTime z = i.atZone(zone);
            if (iv.months() != 0) {
                z = z.plusMonths((long) sign * iv.months());
            }
            if (iv.days() != 0) {
                z = z.plusDays((long) sign * iv.days());
            }
            return z.toInstant().plus(sign * iv.micros(), ChronoUnit.MICROS);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw AdtErrors.datetimeOutOfRange("timestamp out of range");
        }
    }

    /** timestamp_mi: the difference as days + time (interval_justify_hours of the microseconds). */
    static Object timestampMi(Object a, Object b) {
        long diff;
        if (a instanceof Instant x) {
            Instant y = (Instant) b;
            if (x.equals(Instant.MAX) || x.equals(Instant.MIN) || y.equals(Instant.MAX) || y.equals(Instant.MIN)) {
                throw AdtErrors.datetimeOutOfRange("cannot subtract infinite timestamps");
            }
            diff = ChronoUnit.MICROS.between(y, x);
        } else {
            LocalDateTime x = (LocalDateTime) a;
            LocalDateTime y = (LocalDateTime) b;
            if (x.equals(LocalDateTime.MAX) || x.equals(LocalDateTime.MIN) || y.equals(LocalDateTime.MAX)
                    || y.equals(LocalDateTime.MIN)) {
                throw AdtErrors.datetimeOutOfRange("cannot subtract infinite timestamps");
            }
            diff = ChronoUnit.MICROS.between(y, x);
        }
        return justifyHours(new Interval(0, 0, diff));
    }

    static Interval justifyHours(Interval iv) {
        long days = iv.days() + iv.micros() / USECS_PER_DAY;
        long time = iv.micros() % USECS_PER_DAY;
        if (days > 0 && time < 0) {
            time += USECS_PER_DAY;
            days--;
        } else if (days < 0 && time > 0) {
            time -= USECS_PER_DAY;
            days++;
        }
        return new Interval(iv.months(), Math.toIntExact(days), time);
    }

    static Interval justifyDays(Interval iv) {
        int months = iv.months() + iv.days() / 30;
        int days = iv.days() % 30;
        if (months > 0 && days < 0) {
            days += 30;
            months--;
        } else if (months < 0 && days > 0) {
            days -= 30;
            months++;
        }
        return new Interval(months, days, iv.micros());
    }

    static Interval ivAdd(Interval a, Interval b, int sign) {
        try {
            return new Interval(Math.addExact(a.months(), sign * b.months()), Math.addExact(a.days(), sign * b.days()),
                    Math.addExact(a.micros(), sign * b.micros()));
        } catch (ArithmeticException e) {
            throw AdtErrors.datetimeOutOfRange("interval out of range");
        }
    }

    static Interval ivNeg(Interval a) {
        return new Interval(-a.months(), -a.days(), -a.micros());
    }

    private static double tsround(double x) {
        return Math.rint(x * 1e6) / 1e6;
    }

    /** interval_mul with PostgreSQL's spill-down of fractional months and days. */
    static Interval ivMul(Interval span, double factor) {
        if (Double.isNaN(factor)) {
            throw AdtErrors.datetimeOutOfRange("interval out of range");
        }
        double m = span.months() * factor;
        double d = span.days() * factor;
        if (Math.abs(m) > Integer.MAX_VALUE || Math.abs(d) > Integer.MAX_VALUE) {
            throw AdtErrors.datetimeOutOfRange("interval out of range");
        }
        int month = (int) m;
        int day = (int) d;
        double monthRemainderDays = tsround((m - month) * 30);
        double secRemainder = tsround((d - day + monthRemainderDays - (int) monthRemainderDays) * 86400);
        if (Math.abs(secRemainder) >= 86400) {
            day += (int) (secRemainder / 86400);
            secRemainder -= (int) (secRemainder / 86400) * 86400.0;
        }
        day += (int) monthRemainderDays;
        double time = Math.rint(span.micros() * factor + secRemainder * 1e6);
        if (Math.abs(time) > Long.MAX_VALUE) {
            throw AdtErrors.datetimeOutOfRange("interval out of range");
        }
        return new Interval(month, day, (long) time);
    }

    static LocalDate makeDate(int y, int m, int d) {
        try {
            if (y == 0) {
                throw AdtErrors.datetimeFieldOutOfRange(String.format("%d-%02d-%02d", y, m, d));
            }
            return LocalDate.of(y < 0 ? y + 1 : y, m, d);
        } catch (java.time.DateTimeException e) {
            throw new TuskException(SqlState.DATETIME_FIELD_OVERFLOW,
                    "date field value out of range: " + y + "-" + String.format("%02d-%02d", m, d));
        }
    }

    static LocalTime makeTime(int h, int m, double sec) {
        if (h < 0 || h > 24 || m < 0 || m > 59 || sec < 0 || sec > 60 || (h == 24 && (m > 0 || sec > 0))) {
            throw new TuskException(SqlState.DATETIME_FIELD_OVERFLOW, "time field value out of range: " + h + ":"
                    + String.format("%02d", m) + ":"
                    + String.format(Locale.ROOT, "%09.6f", sec).replaceFirst("\\.?0+$", ""));
        }
        long micros = (h * 3600L + m * 60L) * 1_000_000 + Math.round(sec * 1e6);
        return DateTimeTypes.microsToTime(micros);
    }

    static ZoneId zoneNamed(String name) {
        ZoneId z = TimeZones.find(name);
        if (z == null) {
            throw AdtErrors.invalidParameter("time zone \"" + name + "\" not recognized");
        }
        return z;
    }

    static ZoneId intervalZone(Interval iv) {
        if (iv.months() != 0 || iv.days() != 0) {
            throw AdtErrors.invalidParameter("interval time zone \"" + IntervalType.postgres(iv)
                    + "\" must not include months or days");
        }
        return java.time.ZoneOffset.ofTotalSeconds((int) (iv.micros() / 1_000_000));
    }

    static Instant atZone(LocalDateTime ts, ZoneId z) {
        if (ts.equals(LocalDateTime.MAX)) {
            return Instant.MAX;
        }
        if (ts.equals(LocalDateTime.MIN)) {
            return Instant.MIN;
        }
        return ts.atZone(z).toInstant();
    }

    static String unit(String field) {
        String f = field.toLowerCase(Locale.ROOT).strip();
        return switch (f) {
            case "microseconds", "microsecond", "us", "usec", "usecs" -> "microseconds";
            case "milliseconds", "millisecond", "ms", "msec", "msecs" -> "milliseconds";
            case "second", "seconds", "s", "sec", "secs" -> "second";
            case "minute", "minutes", "m", "min", "mins" -> "minute";
            case "hour", "hours", "h", "hr", "hrs" -> "hour";
            case "day", "days", "d" -> "day";
            case "week", "weeks", "w" -> "week";
            case "month", "months", "mon", "mons" -> "month";
            case "quarter", "qtr" -> "quarter";
            case "year", "years", "y", "yr", "yrs" -> "year";
            case "decade", "decades", "dec", "decs" -> "decade";
            case "century", "centuries", "c", "cent" -> "century";
            case "millennium", "millennia", "mil", "mils" -> "millennium";
            default -> f;
        };
    }

    static LocalDateTime truncTs(String field, LocalDateTime ts) {
        if (ts.equals(LocalDateTime.MAX) || ts.equals(LocalDateTime.MIN)) {
            return ts;
        }
        LocalDate d = ts.toLocalDate();
        return switch (unit(field)) {
            case "microseconds" -> ts;
            case "milliseconds" -> ts.truncatedTo(ChronoUnit.MILLIS);
            case "second" -> ts.truncatedTo(ChronoUnit.SECONDS);
            case "minute" -> ts.truncatedTo(ChronoUnit.MINUTES);
            case "hour" -> ts.truncatedTo(ChronoUnit.HOURS);
            case "day" -> d.atStartOfDay();
            case "week" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
            case "month" -> d.withDayOfMonth(1).atStartOfDay();
            case "quarter" -> LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
            case "year" -> LocalDate.of(d.getYear(), 1, 1).atStartOfDay();
            case "decade" -> LocalDate.of(Math.floorDiv(d.getYear(), 10) * 10, 1, 1).atStartOfDay();
            case "century" -> LocalDate.of(d.getYear() > 0 ? (d.getYear() - 1) / 100 * 100 + 1
                    : -((99 - (d.getYear() - 1)) / 100) * 100 + 1, 1, 1).atStartOfDay();
            case "millennium" -> LocalDate.of(d.getYear() > 0 ? (d.getYear() - 1) / 1000 * 1000 + 1
                    : -((999 - (d.getYear() - 1)) / 1000) * 1000 + 1, 1, 1).atStartOfDay();
            default -> throw AdtErrors.unsupported("unit \"" + field.toLowerCase(Locale.ROOT)
                    + "\" not supported for type timestamp without time zone");
        };
    }

    static Instant truncTstz(String field, Instant i, ZoneId zone) {
        if (i.equals(Instant.MAX) || i.equals(Instant.MIN)) {
            return i;
        }
        LocalDateTime local = truncTs(field, DateTimeTypes.toLocal(i, zone));
        return local.atZone(zone).toInstant();
    }

    static Interval truncInterval(String field, Interval iv) {
        long us = iv.micros();
        return switch (unit(field)) {
            case "microseconds" -> iv;
            case "milliseconds" -> new Interval(iv.months(), iv.days(), us / 1000 * 1000);
            case "second" -> new Interval(iv.months(), iv.days(), us / 1_000_000 * 1_000_000);
            case "minute" -> new Interval(iv.months(), iv.days(), us / 60_000_000 * 60_000_000);
            case "hour" -> new Interval(iv.months(), iv.days(), us / 3_600_000_000L * 3_600_000_000L);
            case "day" -> new Interval(iv.months(), iv.days(), 0);
            case "month" -> new Interval(iv.months(), 0, 0);
            case "quarter" -> new Interval(iv.months() / 3 * 3, 0, 0);
            case "year" -> new Interval(iv.months() / 12 * 12, 0, 0);
            case "decade" -> new Interval(iv.months() / 120 * 120, 0, 0);
            case "century" -> new Interval(iv.months() / 1200 * 1200, 0, 0);
            case "millennium" -> new Interval(iv.months() / 12000 * 12000, 0, 0);
            default -> throw AdtErrors.unsupported("unit \"" + field.toLowerCase(Locale.ROOT)
                    + "\" not supported for type interval");
        };
    }

    private static final int[][] DAY_TAB = {{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
        {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}};

    /** timestamp_age: the symbolic difference in years, months, days and time, with PostgreSQL's borrowing. */
    static Interval age(LocalDateTime t1, LocalDateTime t2) {
        boolean neg = t1.isBefore(t2);
        long usec = (t1.getNano() - t2.getNano()) / 1000;
        long sec = t1.getSecond() - t2.getSecond();
        long min = t1.getMinute() - t2.getMinute();
        long hour = t1.getHour() - t2.getHour();
        long mday = t1.getDayOfMonth() - t2.getDayOfMonth();
        long mon = t1.getMonthValue() - t2.getMonthValue();
        long year = t1.getYear() - t2.getYear();
        if (neg) {
            usec = -usec;
            sec = -sec;
            min = -min;
            hour = -hour;
            mday = -mday;
            mon = -mon;
            year = -year;
        }
        while (usec < 0) {
            usec += 1_000_000;
            sec--;
        }
        while (sec < 0) {
            sec += 60;
            min--;
        }
        while (min < 0) {
            min += 60;
            hour--;
        }
        while (hour < 0) {
            hour += 24;
            mday--;
        }
        while (mday < 0) {
            LocalDateTime ref = neg ? t1 : t2;
            mday += DAY_TAB[ref.toLocalDate().isLeapYear() ? 1 : 0][ref.getMonthValue() - 1];
            mon--;
        }
        while (mon < 0) {
            mon += 12;
            year--;
        }
        if (neg) {
            usec = -usec;
            sec = -sec;
            min = -min;
            hour = -hour;
            mday = -mday;
            mon = -mon;
            year = -year;
        }
        return new Interval(Math.toIntExact(year * 12 + mon), Math.toIntExact(mday),
                ((hour * 60 + min) * 60 + sec) * 1_000_000 + usec);
    }

    private static Iterator<Object> series(Object start, Object stop, Interval step, FunctionContext c) {
        if (step.months() == 0 && step.days() == 0 && step.micros() == 0) {
            throw AdtErrors.invalidParameter("step size cannot equal zero");
        }
        boolean forward = step.compareTo(Interval.ZERO) > 0;
        ZoneId zone = zone(c);
        return new Iterator<>() {
            Object next = start;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    return false;
                }
                int cmp = Comparisons.compare(next instanceof Instant ? TypeOids.TIMESTAMPTZ : TypeOids.TIMESTAMP,
                        next, stop);
                return forward ? cmp <= 0 : cmp >= 0;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object cur = next;
                c.checkInterrupts();
                next = cur instanceof Instant i ? tstzPlus(i, step, 1, zone) : tsPlus((LocalDateTime) cur, step, 1);
                return cur;
            }
        };
    }

    static BigDecimal scaled(long unscaled, int scale) {
        return BigDecimal.valueOf(unscaled, scale).setScale(scale, RoundingMode.UNNECESSARY);
    }

    static int isoYear(LocalDate d) {
        return d.get(IsoFields.WEEK_BASED_YEAR);
    }
}
