package dev.tusk.utils.adt;

import dev.tusk.utils.fmgr.FunctionContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The values of SQLValueFunction (CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP(p), LOCALTIME(p),
 * LOCALTIMESTAMP(p)): all read the transaction start time, in the session time zone. CURRENT_USER,
 * SESSION_USER, CURRENT_CATALOG come straight from {@link FunctionContext}.
 */
public final class SqlValueFunctions {
    private SqlValueFunctions() {
    }

    private static ZoneId zone(FunctionContext c) {
        return c.formats().timeZone();
    }

    /** CURRENT_DATE (date). */
    public static LocalDate currentDate(FunctionContext c) {
        return LocalDate.ofInstant(c.transactionTimestamp(), zone(c));
    }

    /** CURRENT_TIMESTAMP[(p)] (timestamptz); precision -1 for none. */
    public static Instant currentTimestamp(FunctionContext c, int precision) {
        return (Instant) DateTimeTypes.roundToPrecision(c.transactionTimestamp(), precision);
    }

    /** LOCALTIMESTAMP[(p)] (timestamp). */
    public static LocalDateTime localTimestamp(FunctionContext c, int precision) {
        return (LocalDateTime) DateTimeTypes.roundToPrecision(
                LocalDateTime.ofInstant(c.transactionTimestamp(), zone(c)), precision);
    }

    /** CURRENT_TIME[(p)] (timetz). */
    public static java.time.OffsetTime currentTime(FunctionContext c, int precision) {
        var z = c.transactionTimestamp().atZone(zone(c));
        return java.time.OffsetTime.of(localTime(c, precision), z.getOffset());
    }

    /** LOCALTIME[(p)] (time). */
    public static LocalTime localTime(FunctionContext c, int precision) {
        return (LocalTime) DateTimeTypes.roundToPrecision(
                LocalDateTime.ofInstant(c.transactionTimestamp(), zone(c)).toLocalTime(), precision);
    }
}
