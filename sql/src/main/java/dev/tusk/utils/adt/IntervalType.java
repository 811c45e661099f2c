package dev.tusk.utils.adt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * interval (timestamp.c interval_in/out, datetime.c DecodeInterval/EncodeInterval): input in PostgreSQL's
 * {@code 1 year 2 mons 3 days 04:05:06}, verbose {@code @ 1 day ago} and ISO 8601 {@code P1Y2M3DT4H5M6S} forms;
 * output per IntervalStyle. Binary: int64 microseconds, int32 days, int32 months.
 */
final class IntervalType implements TypeHandler {
    static final IntervalType INSTANCE = new IntervalType();
    static final long USECS_PER_SEC = 1_000_000L;
    static final long USECS_PER_MINUTE = 60 * USECS_PER_SEC;
    static final long USECS_PER_HOUR = 60 * USECS_PER_MINUTE;
    static final long USECS_PER_DAY = 24 * USECS_PER_HOUR;

    private static final Pattern TIME_FIELD = Pattern.compile("([+-]?)(\\d+):(\\d+)(?::(\\d+(?:\\.\\d*)?))?");
    private static final Pattern NUM_UNIT = Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+))\\s*([a-z]*)");
    private static final Pattern ISO = Pattern.compile(
            "P(?:([+-]?[\\d.]+)Y)?(?:([+-]?[\\d.]+)M)?(?:([+-]?[\\d.]+)W)?(?:([+-]?[\\d.]+)D)?"
                    + "(?:T(?:([+-]?[\\d.]+)H)?(?:([+-]?[\\d.]+)M)?(?:([+-]?[\\d.]+)S)?)?");

    @Override
    public Object in(int typeOid, String text, int typmod, SessionFormats f) {
        return DateTimeTypes.roundToPrecision(parse(text), Typmods.intervalPrecision(typmod));
    }

    /** Accumulates fields with PostgreSQL's fractional spill-down (AdjustFractDays/AdjustFractSeconds). */
    private static final class Acc {
        long months;
        long days;
        BigDecimal micros = BigDecimal.ZERO;

        void add(BigDecimal amount, String unit, String input) {
            switch (unit) {
                case "millennium", "millennia", "millenniums", "mil", "mils" -> addMonths(times(amount, 12000));
                case "century", "centuries", "c", "cent" -> addMonths(amount.multiply(BigDecimal.valueOf(1200)));
                case "decade", "decades", "dec", "decs" -> addMonths(amount.multiply(BigDecimal.valueOf(120)));
                case "year", "years", "y", "yr", "yrs" -> addMonths(amount.multiply(BigDecimal.valueOf(12)));
                case "month", "months", "mon", "mons" -> addMonths(amount);
                case "week", "weeks", "w" -> addDays(amount.multiply(BigDecimal.valueOf(7)));
                case "day", "days", "d" -> addDays(amount);
                case "hour", "hours", "h", "hr", "hrs" -> micros = micros.add(times(amount, USECS_PER_HOUR));
                case "minute", "minutes", "m", "min", "mins" -> micros = micros.add(times(amount, USECS_PER_MINUTE));
                case "second", "seconds", "s", "sec", "secs", "" -> micros = micros.add(times(amount, USECS_PER_SEC));
                case "millisecond", "milliseconds", "ms", "msec", "msecs" -> micros = micros.add(times(amount, 1000));
                case "microsecond", "microseconds", "us", "usec", "usecs" -> micros = micros.add(amount);
                default -> throw AdtErrors.invalidSyntax("interval", input);
            }
        }

        private static BigDecimal times(BigDecimal amount, long factor) {
            return amount.multiply(BigDecimal.valueOf(factor));
        }

        void addMonths(BigDecimal m) {
            BigDecimal whole = m.setScale(0, RoundingMode.DOWN);
            months += whole.longValueExact();
            addDays(m.subtract(whole).multiply(BigDecimal.valueOf(30)));
        }

        void addDays(BigDecimal d) {
            BigDecimal whole = d.setScale(0, RoundingMode.DOWN);
            days += whole.longValueExact();
            micros = micros.add(d.subtract(whole).multiply(BigDecimal.valueOf(USECS_PER_DAY)));
        }

        Interval result(boolean negate, String input) {
            long us = micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            long m = negate ? -months : months;
            long d = negate ? -days : days;
            if (negate) {
                us = -us;
            }
            if (m != (int) m || d != (int) d) {
                throw AdtErrors.datetimeOutOfRange("interval out of range");
            }
            return new Interval((int) m, (int) d, us);
        }
    }

    static Interval parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw AdtErrors.invalidSyntax("interval", text);
        }
        try {
            if (s.startsWith("p")) {
                return parseIso(text, s.toUpperCase(Locale.ROOT));
            }
            boolean ago = false;
            if (s.startsWith("@")) {
                s = s.substring(1).strip();
            }
            if (s.endsWith(" ago") || s.equals("ago")) {
                ago = true;
                s = s.substring(0, s.length() - 3).strip();
            }
            Acc acc = new Acc();
            String rest = s;
            boolean any = false;
            while (!rest.isEmpty()) {
                Matcher tm = TIME_FIELD.matcher(rest);
                if (tm.lookingAt() && (tm.group(4) != null || tm.end() == rest.length()
                        || Character.isWhitespace(rest.charAt(tm.end())))) {
                    boolean neg = tm.group(1).equals("-");
                    BigDecimal us = BigDecimal.valueOf(Long.parseLong(tm.group(2)) * USECS_PER_HOUR
                            + Long.parseLong(tm.group(3)) * USECS_PER_MINUTE);
                    if (tm.group(4) != null) {
                        us = us.add(new BigDecimal(tm.group(4)).multiply(BigDecimal.valueOf(USECS_PER_SEC)));
                    }
                    acc.micros = acc.micros.add(neg ? us.negate() : us);
                    rest = rest.substring(tm.end()).strip();
                    any = true;
                    continue;
                }
                Matcher nm = NUM_UNIT.matcher(rest);
                if (!nm.lookingAt()) {
                    throw AdtErrors.invalidSyntax("interval", text);
                }
                String unit = nm.group(2);
                int end = nm.end();
                if (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
                    throw AdtErrors.invalidSyntax("interval", text);
                }
                acc.add(new BigDecimal(nm.group(1)), unit, text);
                rest = rest.substring(end).strip();
                any = true;
            }
            if (!any) {
                throw AdtErrors.invalidSyntax("interval", text);
            }
            return acc.result(ago, text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw AdtErrors.invalidSyntax("interval", text);
        }
    }

    private static Interval parseIso(String text, String s) {
        Matcher m = ISO.matcher(s);
        if (!m.matches() || s.equals("P") || s.endsWith("T")) {
            throw AdtErrors.invalidSyntax("interval", text);
        }
        Acc acc = new Acc();
        String[] units = {"year", "month", "week", "day", "hour", "minute", "second"};
        for (int i = 0; i < units.length; i++) {
            if (m.group(i + 1) != null) {
                acc.add(new BigDecimal(m.group(i + 1)), units[i], text);
            }
        }
        return acc.result(false, text);
    }

    @Override
    public String out(int typeOid, Object value, SessionFormats f) {
        Interval iv = (Interval) value;
        IntervalStyle style = f == null ? IntervalStyle.POSTGRES : f.intervalStyle();
        return switch (style) {
            case ISO_8601 -> iso(iv);
            case POSTGRES_VERBOSE -> verbose(iv);
            default -> postgres(iv);
        };
    }

    static String postgres(Interval iv) {
        int years = iv.months() / 12;
        int mons = iv.months() % 12;
        StringBuilder sb = new StringBuilder();
        boolean[] neg = {false};
        appendField(sb, years, "year", neg);
        appendField(sb, mons, "mon", neg);
        appendField(sb, iv.days(), "day", neg);
        long us = iv.micros();
        if (us != 0 || sb.isEmpty()) {
            boolean minus = us < 0;
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(minus ? "-" : neg[0] ? "+" : "");
            long a = Math.abs(us);
            sb.append(String.format("%02d:%02d:%02d", a / USECS_PER_HOUR, (a / USECS_PER_MINUTE) % 60,
                    (a / USECS_PER_SEC) % 60));
            DateTimeTypes.appendFraction(sb, a % USECS_PER_SEC);
        }
        return sb.toString();
    }

    private static void appendField(StringBuilder sb, long v, String unit, boolean[] neg) {
        if (v == 0) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append(' ');
        }
        if (neg[0] && v > 0) {
            sb.append('+');
        }
        sb.append(v).append(' ').append(unit).append(v == 1 ? "" : "s");
        neg[0] = v < 0;
    }

    private static String verbose(Interval iv) {
        StringBuilder sb = new StringBuilder("@");
        int years = iv.months() / 12;
        int mons = iv.months() % 12;
        long us = iv.micros();
        long h = us / USECS_PER_HOUR;
        long mi = (us / USECS_PER_MINUTE) % 60;
        long secUs = us % USECS_PER_MINUTE;
        boolean any = false;
        long[] vals = {years, mons, iv.days(), h, mi};
        String[] names = {"year", "mon", "day", "hour", "min"};
        for (int i = 0; i < vals.length; i++) {
            if (vals[i] != 0) {
                sb.append(' ').append(Math.abs(vals[i])).append(' ').append(names[i])
                        .append(Math.abs(vals[i]) == 1 ? "" : "s");
                any = true;
            }
        }
        if (secUs != 0) {
            StringBuilder sec = new StringBuilder(Long.toString(Math.abs(secUs) / USECS_PER_SEC));
            DateTimeTypes.appendFraction(sec, Math.abs(secUs) % USECS_PER_SEC);
            sb.append(' ').append(sec).append(" sec").append(Math.abs(secUs) == USECS_PER_SEC ? "" : "s");
            any = true;
        }
        if (!any) {
            sb.append(" 0");
        }
        if (iv.months() < 0 || (iv.months() == 0 && (iv.days() < 0 || (iv.days() == 0 && us < 0)))) {
            sb.append(" ago");
        }
        return sb.toString();
    }

    private static String iso(Interval iv) {
        if (iv.months() == 0 && iv.days() == 0 && iv.micros() == 0) {
            return "PT0S";
        }
        StringBuilder sb = new StringBuilder("P");
        int years = iv.months() / 12;
        int mons = iv.months() % 12;
        if (years != 0) {
            sb.append(years).append('Y');
        }
        if (mons != 0) {
            sb.append(mons).append('M');
        }
        if (iv.days() != 0) {
            sb.append(iv.days()).append('D');
        }
        long us = iv.micros();
        if (us != 0) {
            sb.append('T');
            long h = us / USECS_PER_HOUR;
            long mi = (us / USECS_PER_MINUTE) % 60;
            long s = us % USECS_PER_MINUTE;
            if (h != 0) {
                sb.append(h).append('H');
            }
            if (mi != 0) {
                sb.append(mi).append('M');
            }
            if (s != 0) {
                StringBuilder sec = new StringBuilder(s < 0 ? "-" : "").append(Math.abs(s) / USECS_PER_SEC);
                DateTimeTypes.appendFraction(sec, Math.abs(s) % USECS_PER_SEC);
                sb.append(sec).append('S');
            }
        }
        return sb.toString();
    }

    @Override
    public Object recv(int typeOid, ByteBuffer buf, int typmod, SessionFormats f) {
        Bytes.requireRemaining(buf, 16);
        long micros = buf.getLong();
        int days = buf.getInt();
        int months = buf.getInt();
        return DateTimeTypes.roundToPrecision(new Interval(months, days, micros), Typmods.intervalPrecision(typmod));
    }

    @Override
    public byte[] send(int typeOid, Object value, SessionFormats f) {
        Interval iv = (Interval) value;
        return ByteBuffer.allocate(16).putLong(iv.micros()).putInt(iv.days()).putInt(iv.months()).array();
    }

    @Override
    public int compare(int typeOid, Object a, Object b) {
        return ((Interval) a).compareTo((Interval) b);
    }
}
