package dev.tusk.utils.adt;

import java.time.ZoneId;

/**
 * The session settings that change how values read and print: DateStyle, IntervalStyle, TimeZone,
 * extra_float_digits and bytea_output, plus the catalog lookup the reg* types need ({@code regLookup}, null when
 * no catalog is at hand: reg* values then read and print as plain OIDs).
 */
public record SessionFormats(DateStyle dateStyle, IntervalStyle intervalStyle, ZoneId timeZone,
        int extraFloatDigits, boolean byteaHex, RegLookup regLookup) {

    /** PostgreSQL's defaults with TimeZone UTC: ISO, MDY / postgres / UTC / 1 / hex, no catalog. */
    public static final SessionFormats DEFAULT =
            new SessionFormats(DateStyle.DEFAULT, IntervalStyle.POSTGRES, ZoneId.of("UTC"), 1, true, null);

    public SessionFormats withTimeZone(ZoneId zone) {
        return new SessionFormats(dateStyle, intervalStyle, zone, extraFloatDigits, byteaHex, regLookup);
    }

    public SessionFormats withDateStyle(DateStyle style) {
        return new SessionFormats(style, intervalStyle, timeZone, extraFloatDigits, byteaHex, regLookup);
    }

    public SessionFormats withIntervalStyle(IntervalStyle style) {
        return new SessionFormats(dateStyle, style, timeZone, extraFloatDigits, byteaHex, regLookup);
    }

    public SessionFormats withExtraFloatDigits(int digits) {
        return new SessionFormats(dateStyle, intervalStyle, timeZone, digits, byteaHex, regLookup);
    }

    public SessionFormats withByteaHex(boolean hex) {
        return new SessionFormats(dateStyle, intervalStyle, timeZone, extraFloatDigits, hex, regLookup);
    }

    public SessionFormats withRegLookup(RegLookup lookup) {
        return new SessionFormats(dateStyle, intervalStyle, timeZone, extraFloatDigits, byteaHex, lookup);
    }
}
