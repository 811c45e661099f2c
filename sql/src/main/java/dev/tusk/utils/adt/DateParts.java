package dev.tusk.utils.adt;

import dev.tusk.utils.fmgr.FunctionContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.JulianFields;
import java.util.Locale;

/**
 * EXTRACT (numeric results, PostgreSQL 14+) over date, time, timestamp, timestamptz and interval; date_part
 * converts the same values to double precision.
 */
final class DateParts {
    private DateParts() {
    }

    static Object extract(String field, Object value, int type, FunctionContext c) {
        String f = field.toLowerCase(Locale.ROOT).strip();
        String u = DateTimeFunctions.unit(f);
        return switch (type) {
            case TypeOids.INTERVAL -> interval(f, u, (Interval) value);
            case TypeOids.TIME -> time(f, u, (LocalTime) value);
            case TypeOids.DATE -> date(f, u, (LocalDate) value);
            case TypeOids.TIMESTAMPTZ -> {
                Instant i = (Instant) value;
                if (i.equals(Instant.MAX) || i.equals(Instant.MIN)) {
                    yield null;
                }
                if (u.equals("epoch")) {
                    long us = ChronoUnit.MICROS.between(Instant.EPOCH, i);
                    yield DateTimeFunctions.scaled(us, 6);
                }
                int off = c.formats().timeZone().getRules().getOffset(i).getTotalSeconds();
                switch (u) {
                    case "timezone": yield BigDecimal.valueOf(off);
                    case "timezone_h", "timezone_hour": yield BigDecimal.valueOf(off / 3600);
                    case "timezone_m", "timezone_minute": yield BigDecimal.valueOf((off / 60) % 60);
                    default: break;
                }
                yield timestamp(f, u, DateTimeTypes.toLocal(i, c.formats().timeZone()), "timestamp with time zone");
            }
            default -> {
                LocalDateTime ts = (LocalDateTime) value;
                if (ts.equals(LocalDateTime.MAX) || ts.equals(LocalDateTime.MIN)) {
                    yield null;
                }
                if (u.equals("epoch")) {
                    long us = ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), ts);
                    yield DateTimeFunctions.scaled(us, 6);
                }
                yield timestamp(f, u, ts, "timestamp without time zone");
            }
        };
    }

    private static AdtErrorsHolder unsupported(String f, String typeName) {
        throw AdtErrors.unsupported("unit \"" + f + "\" not supported for type " + typeName);
    }

    /** Never instantiated: lets {@link #unsupported} be used in expression position. */
    private record AdtErrorsHolder() {
    }

    private static BigDecimal timePart(String u, long microsOfDay, String f, String typeName) {
        long sec = (microsOfDay / 1_000_000) % 60;
        long frac = microsOfDay % 1_000_000;
        return switch (u) {
            case "microseconds" -> BigDecimal.valueOf(sec * 1_000_000 + frac);
            case "milliseconds" -> DateTimeFunctions.scaled(sec * 1_000_000 + frac, 3);
            case "second" -> DateTimeFunctions.scaled(sec * 1_000_000 + frac, 6);
            case "minute" -> BigDecimal.valueOf((microsOfDay / 60_000_000) % 60);
            case "hour" -> BigDecimal.valueOf(microsOfDay / 3_600_000_000L);
            default -> {
                unsupported(f, typeName);
                yield null;
            }
        };
    }

    private static BigDecimal datePart(String u, LocalDate d, String f, String typeName) {
        int y = d.getYear();
        int pgYear = y > 0 ? y : y - 1;
        return switch (u) {
            case "day" -> BigDecimal.valueOf(d.getDayOfMonth());
            case "month" -> BigDecimal.valueOf(d.getMonthValue());
            case "quarter" -> BigDecimal.valueOf((d.getMonthValue() - 1) / 3 + 1);
            case "year" -> BigDecimal.valueOf(pgYear);
            case "decade" -> BigDecimal.valueOf(pgYear >= 0 ? pgYear / 10 : -((8 - (pgYear - 1)) / 10));
            case "century" -> BigDecimal.valueOf(pgYear > 0 ? (pgYear + 99) / 100 : -((99 - (pgYear - 1)) / 100));
            case "millennium" -> BigDecimal.valueOf(pgYear > 0 ? (pgYear + 999) / 1000
                    : -((999 - (pgYear - 1)) / 1000));
            case "week" -> BigDecimal.valueOf(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "dow" -> BigDecimal.valueOf(d.getDayOfWeek().getValue() % 7);
            case "isodow" -> BigDecimal.valueOf(d.getDayOfWeek().getValue());
            case "doy" -> BigDecimal.valueOf(d.getDayOfYear());
            case "isoyear" -> BigDecimal.valueOf(d.get(IsoFields.WEEK_BASED_YEAR));
            case "julian" -> BigDecimal.valueOf(d.getLong(JulianFields.JULIAN_DAY));
            default -> {
                unsupported(f, typeName);
                yield null;
            }
        };
    }

    private static BigDecimal timestamp(String f, String u, LocalDateTime ts, String typeName) {
        return switch (u) {
            case "microseconds", "milliseconds", "second", "minute", "hour" ->
                    timePart(u, ts.toLocalTime().toNanoOfDay() / 1000, f, typeName);
            case "julian" -> {
                long us = ts.toLocalTime().toNanoOfDay() / 1000;
                BigDecimal day = BigDecimal.valueOf(ts.toLocalDate().getLong(JulianFields.JULIAN_DAY));
                yield us == 0 ? day : day.add(BigDecimal.valueOf(us).divide(BigDecimal.valueOf(86_400_000_000L),
                        java.math.MathContext.DECIMAL64));
            }
            default -> datePart(u, ts.toLocalDate(), f, typeName);
        };
    }

    private static BigDecimal date(String f, String u, LocalDate d) {
        if (d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN)) {
            return null;
        }
        if (u.equals("epoch")) {
            return BigDecimal.valueOf(ChronoUnit.DAYS.between(LocalDate.of(1970, 1, 1), d) * 86400);
        }
        if (u.equals("microseconds") || u.equals("milliseconds") || u.equals("second") || u.equals("minute")
                || u.equals("hour")) {
            unsupported(f, "date");
        }
        return datePart(u, d, f, "date");
    }

    private static BigDecimal time(String f, String u, LocalTime t) {
        long us = DateTimeTypes.timeToMicros(t);
        if (u.equals("epoch")) {
            return DateTimeFunctions.scaled(us, 6);
        }
        return timePart(u, us, f, "time without time zone");
    }

    private static BigDecimal interval(String f, String u, Interval iv) {
        long us = iv.micros();
        return switch (u) {
            case "microseconds" -> BigDecimal.valueOf(us % 60_000_000);
            case "milliseconds" -> DateTimeFunctions.scaled(us % 60_000_000, 3);
            case "second" -> DateTimeFunctions.scaled(us % 60_000_000, 6);
            case "minute" -> BigDecimal.valueOf((us / 60_000_000) % 60);
            case "hour" -> BigDecimal.valueOf(us / 3_600_000_000L);
            case "day" -> BigDecimal.valueOf(iv.days());
            case "month" -> BigDecimal.valueOf(iv.months() % 12);
            case "quarter" -> BigDecimal.valueOf((iv.months() % 12) / 3 + 1);
            case "year" -> BigDecimal.valueOf(iv.months() / 12);
            case "decade" -> BigDecimal.valueOf(iv.months() / 120);
            case "century" -> BigDecimal.valueOf(iv.months() / 1200);
            case "millennium" -> BigDecimal.valueOf(iv.months() / 12000);
            case "epoch" -> {
                long secsFromDayMonths = ((long) (365.25 * 86400) * (iv.months() / 12))
                        + (30L * 86400) * (iv.months() % 12) + 86400L * iv.days();
                yield DateTimeFunctions.scaled(us, 6).add(BigDecimal.valueOf(secsFromDayMonths));
            }
            default -> {
                unsupported(f, "interval");
                yield null;
            }
        };
    }
}
