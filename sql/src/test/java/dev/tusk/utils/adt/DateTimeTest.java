package dev.tusk.utils.adt;

import static dev.tusk.utils.adt.Eval.call;
import static dev.tusk.utils.adt.Eval.lit;
import static dev.tusk.utils.adt.Eval.op;
import static dev.tusk.utils.adt.Eval.out;
import static dev.tusk.utils.adt.Eval.t;
import static dev.tusk.utils.adt.Eval.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.time.ZoneId;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Date/time I/O, zones, styles and arithmetic; expectations from PostgreSQL 15 (TimeZone UTC unless set). */
class DateTimeTest {
    private static final SessionFormats UTC = SessionFormats.DEFAULT;

    private static String io(int type, String in, SessionFormats f) {
        return TypeIo.textOut(type, TypeIo.textIn(type, in, -1, f), f);
    }

    @Test
    void isoOutputAndBinary() {
        assertEquals("2024-01-02 03:04:05.123456+00", io(TypeOids.TIMESTAMPTZ, "2024-01-02 03:04:05.123456", UTC));
        assertEquals("2024-01-02 01:04:05+00", io(TypeOids.TIMESTAMPTZ, "2024-01-02T03:04:05+02", UTC));
        assertEquals("2024-01-02", io(TypeOids.DATE, "January 2, 2024", UTC));
        assertEquals("2024-01-02", io(TypeOids.DATE, "20240102", UTC));
        assertEquals("0044-03-15 BC", io(TypeOids.DATE, "0044-03-15 BC", UTC));
        assertEquals("infinity", io(TypeOids.TIMESTAMP, "infinity", UTC));
        assertEquals("15:04:05", io(TypeOids.TIME, "3:04:05 PM", UTC));
        assertEquals("24:00:00", io(TypeOids.TIME, "24:00:00", UTC));
        assertEquals("23:59:59.999999", io(TypeOids.TIME, "23:59:59.999999", UTC));
        assertEquals("000000141dd76000", HexFormat.of().formatHex(TypeIo.binaryOut(TypeOids.TIME,
                TypeIo.textIn(TypeOids.TIME, "24:00", -1, UTC), UTC)));
        Object d = TypeIo.textIn(TypeOids.DATE, "2024-01-02", -1, UTC);
        assertEquals("0000223f", HexFormat.of().formatHex(TypeIo.binaryOut(TypeOids.DATE, d, UTC)));
        Object ts = TypeIo.textIn(TypeOids.TIMESTAMP, "2024-01-02 03:04:05.123456", -1, UTC);
        assertEquals("0002b0ec8517d580", HexFormat.of().formatHex(TypeIo.binaryOut(TypeOids.TIMESTAMP, ts, UTC)));
        Object tz = TypeIo.textIn(TypeOids.TIMESTAMPTZ, "2024-01-02 03:04:05+02", -1, UTC);
        assertEquals("0002b0ead7eeab40", HexFormat.of().formatHex(TypeIo.binaryOut(TypeOids.TIMESTAMPTZ, tz, UTC)));
        Object t = TypeIo.textIn(TypeOids.TIME, "03:04:05", -1, UTC);
        assertEquals("0000000292555340", HexFormat.of().formatHex(TypeIo.binaryOut(TypeOids.TIME, t, UTC)));
        assertEquals(ts, TypeIo.binaryIn(TypeOids.TIMESTAMP, TypeIo.binaryOut(TypeOids.TIMESTAMP, ts, UTC), -1, UTC));
        assertEquals("03:04:05.5-08:30", io(TypeOids.TIMETZ, "03:04:05.5-08:30", UTC));
        assertEquals("03:04:05+00", io(TypeOids.TIMETZ, "03:04:05", UTC));
        Object tt = TypeIo.textIn(TypeOids.TIMETZ, "03:04:05+02", -1, UTC);
        assertEquals("0000000292555340ffffe3e0", HexFormat.of().formatHex(TypeIo.binaryOut(TypeOids.TIMETZ, tt, UTC)));
        Object utc = TypeIo.textIn(TypeOids.TIMETZ, "01:04:05+00", -1, UTC);
        assertEquals(true, Comparisons.compare(TypeOids.TIMETZ, tt, utc) != 0);
        assertEquals(true, Comparisons.compare(TypeOids.TIMETZ, tt, TypeIo.textIn(TypeOids.TIMETZ, "02:04:05+00", -1,
                UTC)) < 0);
    }

    @Test
    void otherTimeZonesAndDateStyles() {
        SessionFormats ny = UTC.withTimeZone(ZoneId.of("America/New_York"));
        assertEquals("2024-01-01 22:04:05.123456-05", io(TypeOids.TIMESTAMPTZ, "2024-01-02 03:04:05.123456+00", ny));
        assertEquals("2024-07-02 03:04:05-04", io(TypeOids.TIMESTAMPTZ, "2024-07-02 03:04:05", ny));
        SessionFormats kolkata = UTC.withTimeZone(ZoneId.of("Asia/Kolkata"));
        assertEquals("2024-01-02 08:34:05+05:30", io(TypeOids.TIMESTAMPTZ, "2024-01-02 03:04:05+00", kolkata));
        SessionFormats sqlDmy = kolkata.withDateStyle(DateStyle.parse("SQL, DMY", DateStyle.DEFAULT));
        assertEquals("02/01/2024 08:34:05 IST", io(TypeOids.TIMESTAMPTZ, "2024-01-02 03:04:05+00", sqlDmy));
        assertEquals("02/01/2024", io(TypeOids.DATE, "2024-01-02", sqlDmy));
        SessionFormats pg = kolkata.withDateStyle(DateStyle.parse("Postgres, MDY", DateStyle.DEFAULT));
        assertEquals("Tue Jan 02 03:04:05 2024", io(TypeOids.TIMESTAMP, "2024-01-02 03:04:05", pg));
        assertEquals("Tue Jan 02 08:34:05 2024 IST", io(TypeOids.TIMESTAMPTZ, "2024-01-02 03:04:05+00", pg));
        assertEquals("01-02-2024", io(TypeOids.DATE, "2024-01-02", pg));
        SessionFormats german = kolkata.withDateStyle(DateStyle.parse("German", DateStyle.DEFAULT));
        assertEquals("02.01.2024 08:34:05 IST", io(TypeOids.TIMESTAMPTZ, "2024-01-02 03:04:05+00", german));
        assertEquals("15.03.0044 BC", io(TypeOids.DATE, "0044-03-15 BC", german));
        assertEquals("2024-02-01", io(TypeOids.DATE, "01/02/2024", UTC.withDateStyle(DateStyle.parse("ISO, DMY",
                DateStyle.DEFAULT))));
    }

    @Test
    void intervalOutput() {
        String[][] cases = {{"1 day 02:03:04", "1 day 02:03:04"}, {"1 year 2 months", "1 year 2 mons"},
            {"-1 day 2 hours", "-1 days +02:00:00"}, {"-1 year", "-1 years"}, {"1.5 days", "1 day 12:00:00"},
            {"1.5 months", "1 mon 15 days"}, {"3600", "01:00:00"}, {"@ 1 day ago", "-1 days"},
            {"P1Y2M3DT4H5M6S", "1 year 2 mons 3 days 04:05:06"}, {"0", "00:00:00"}, {"-00:00:01.5", "-00:00:01.5"},
            {"25 hours", "25:00:00"}};
        for (String[] c : cases) {
            assertEquals(c[1], io(TypeOids.INTERVAL, c[0], UTC), c[0]);
        }
        assertEquals("P1Y2M3DT4H5M6.5S", io(TypeOids.INTERVAL, "1 year 2 mons 3 days 04:05:06.5",
                UTC.withIntervalStyle(IntervalStyle.ISO_8601)));
        Object iv = TypeIo.textIn(TypeOids.INTERVAL, "1 year 2 mons 3 days 04:05:06.5", -1, UTC);
        assertEquals("000000036c9361a0000000030000000e",
                HexFormat.of().formatHex(TypeIo.binaryOut(TypeOids.INTERVAL, iv, UTC)));
    }

    @Test
    void inputErrors() {
        TuskException e = assertThrows(TuskException.class, () -> TypeIo.textIn(TypeOids.DATE, "2024-13-01", -1, UTC));
        assertEquals("22008", e.sqlState().code());
        assertEquals("date/time field value out of range: \"2024-13-01\"", e.getMessage());
        assertEquals("Perhaps you need a different \"datestyle\" setting.", e.hint());
        e = assertThrows(TuskException.class, () -> TypeIo.textIn(TypeOids.DATE, "2024-02-30", -1, UTC));
        assertEquals("date/time field value out of range: \"2024-02-30\"", e.getMessage());
        e = assertThrows(TuskException.class, () -> TypeIo.textIn(TypeOids.DATE, "abc", -1, UTC));
        assertEquals(SqlState.INVALID_DATETIME_FORMAT, e.sqlState());
        assertEquals("invalid input syntax for type date: \"abc\"", e.getMessage());
        e = assertThrows(TuskException.class, () -> TypeIo.textIn(TypeOids.TIMESTAMPTZ, "abc", -1, UTC));
        assertEquals("invalid input syntax for type timestamp with time zone: \"abc\"", e.getMessage());
        e = assertThrows(TuskException.class, () -> TypeIo.textIn(TypeOids.INTERVAL, "abc", -1, UTC));
        assertEquals("invalid input syntax for type interval: \"abc\"", e.getMessage());
    }

    @Test
    void arithmeticAndFunctions() {
        assertEquals("2024-01-31", out(op("+", v("2024-01-01", TypeOids.DATE), t(30, TypeOids.INT4))));
        assertEquals("60", out(op("-", v("2024-03-01", TypeOids.DATE), v("2024-01-01", TypeOids.DATE))));
        assertEquals("2024-01-02 12:00:00", out(op("+", v("2024-01-01 10:00", TypeOids.TIMESTAMP),
                v("1 day 2 hours", TypeOids.INTERVAL))));
        assertEquals("2024-02-29 00:00:00", out(op("+", v("2024-01-31", TypeOids.DATE), v("1 month", TypeOids.INTERVAL))));
        assertEquals("1 day 12:00:00", out(op("-", v("2024-01-03", TypeOids.TIMESTAMP),
                v("2024-01-01 12:00", TypeOids.TIMESTAMP))));
        assertEquals("05:00:00", out(op("*", v("2 hours", TypeOids.INTERVAL), v("2.5", TypeOids.NUMERIC))));
        assertEquals("1 day 12:00:00", out(op("*", v("1 day", TypeOids.INTERVAL), t(1.5, TypeOids.FLOAT8))));
        assertEquals("10 days", out(op("/", v("1 mon", TypeOids.INTERVAL), t(3, TypeOids.INT4))));
        assertEquals("2024-05-01 00:00:00", out(call("date_trunc", lit("month"), v("2024-05-17 10:11:12",
                TypeOids.TIMESTAMP))));
        assertEquals("2024-05-13 00:00:00", out(call("date_trunc", lit("week"), v("2024-05-17 10:11:12",
                TypeOids.TIMESTAMP))));
        assertEquals("2024-05-17 10:00:00+00", out(call("date_trunc", lit("hour"), v("2024-05-17 10:11:12+00",
                TypeOids.TIMESTAMPTZ))));
        assertEquals("1 year 1 mon 16 days 14:00:00", out(call("age", v("2024-03-01", TypeOids.TIMESTAMP),
                v("2023-01-15 10:00", TypeOids.TIMESTAMP))));
        assertEquals("2024-02-29", out(call("make_date", t(2024, TypeOids.INT4), t(2, TypeOids.INT4),
                t(29, TypeOids.INT4))));
    }

    @Test
    void extractAndDatePart() {
        assertEquals("5.500000", out(call("extract", lit("second"), v("2024-01-02 03:04:05.5", TypeOids.TIMESTAMP))));
        assertEquals("1704164645.123456", out(call("extract", lit("epoch"), v("2024-01-02 03:04:05.123456",
                TypeOids.TIMESTAMP))));
        assertEquals("1704153600", out(call("extract", lit("epoch"), v("2024-01-02", TypeOids.DATE))));
        assertEquals("5500.000", out(call("extract", lit("milliseconds"), v("03:04:05.5", TypeOids.TIME))));
        assertEquals("31644000.000000", out(call("extract", lit("epoch"), v("1 year 1 day", TypeOids.INTERVAL))));
        assertEquals("2", out(call("extract", lit("dow"), v("2024-01-02", TypeOids.DATE))));
        assertEquals("2460312", out(call("extract", lit("julian"), v("2024-01-02", TypeOids.DATE))));
        assertEquals("1704067200.000000", out(call("extract", lit("epoch"), v("2024-01-01 00:00:00+00",
                TypeOids.TIMESTAMPTZ))));
        Eval.Typed dp = call("date_part", lit("second"), v("2024-01-02 03:04:05.5", TypeOids.TIMESTAMP));
        assertEquals(TypeOids.FLOAT8, dp.type());
        assertEquals(5.5, dp.value());
        TuskException e = assertThrows(TuskException.class, () -> call("extract", lit("hour"),
                v("2024-01-02", TypeOids.DATE)));
        assertEquals("unit \"hour\" not supported for type date", e.getMessage());
    }

    @Test
    void toTimestampAndToDate() {
        assertEquals("2024-01-02 15:04:05+00", out(call("to_timestamp", lit("2024-01-02 15:04:05"),
                lit("YYYY-MM-DD HH24:MI:SS"))));
        assertEquals("2024-03-05", out(call("to_date", lit("05 Mar 2024"), lit("DD Mon YYYY"))));
        assertEquals("2024-01-02 03:04:05.5+00", out(call("to_timestamp", t(1704164645.5, TypeOids.FLOAT8))));
        assertEquals("2024-03-04 22:15:00+00", out(call("to_timestamp", lit("03/04/2024 10:15 PM"),
                lit("MM/DD/YYYY HH12:MI AM"))));
    }

    @Test
    void toChar() {
        assertEquals("2024-01-02 03:04:05.123 123456 03 AM am Jan January   Tue Tuesday   January 2 002 3 1 01 01 "
                + "2460312 lit 24 4", out(call("to_char", v("2024-01-02 03:04:05.123456", TypeOids.TIMESTAMP),
                        lit("YYYY-MM-DD HH24:MI:SS.MS US HH12 AM pm Mon Month Dy Day FMMonth FMDD DDD D Q WW IW J "
                                + "\"lit\" YY Y"))));
        assertEquals("Tuesday  , 02 Jan 2024 03:04:05 PM", out(call("to_char", v("2024-01-02 15:04:05",
                TypeOids.TIMESTAMP), lit("Day, DD Mon YYYY HH12:MI:SS PM"))));
        assertEquals("5th Mar 2024", out(call("to_char", v("2024-03-05", TypeOids.TIMESTAMP), lit("FMDDth Mon YYYY"))));
        assertEquals("UTC +00", out(call("to_char", v("2024-01-02 03:04:05+00", TypeOids.TIMESTAMPTZ), lit("TZ OF"))));
        assertEquals("02:03:04 01", out(call("to_char", v("1 day 02:03:04", TypeOids.INTERVAL), lit("HH24:MI:SS DD"))));
        String[][] nums = {{"0.5", "9.99", "  .50"}, {"0", "999", "   0"}, {"-5", "999", "  -5"},
            {"1.5", "FM999.99", "1.5"}, {"1", "FM999.99", "1."}, {"-5", "999PR", "  <5>"}, {"5", "999PR", "   5 "},
            {"1234567.891", "9,999,999.99", " 1,234,567.89"}, {"12", "0009", " 0012"}, {"-12", "S999", " -12"},
            {"12", "S999", " +12"}, {"99999", "999", " ###"}, {"12", "FM9,999", "12"}, {"-0.5", "9.99", " -.50"},
            {"5", "999MI", "  5 "}, {"-5", "999MI", "  5-"}, {"12345.678", "99,999.99", " 12,345.68"}};
        for (String[] c : nums) {
            assertEquals(c[2], out(call("to_char", v(c[0], TypeOids.NUMERIC), lit(c[1]))), c[0] + " " + c[1]);
        }
    }
}
