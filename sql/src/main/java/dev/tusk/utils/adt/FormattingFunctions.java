package dev.tusk.utils.adt;

import dev.tusk.utils.fmgr.ImplTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/** to_char / to_date / to_timestamp / to_number registrations (formatting.c). */
final class FormattingFunctions {
    private FormattingFunctions() {
    }

    static void register(ImplTable t) {
        t.fn2("timestamp_to_char", (a, b) -> {
            LocalDateTime ts = (LocalDateTime) a;
            return isInf(ts) ? null : DateTimeFormat.format(ts, null, null, null, (String) b);
        }).fn("timestamptz_to_char", (c, ty, a) -> {
            Instant i = (Instant) a[0];
            if (i.equals(Instant.MAX) || i.equals(Instant.MIN)) {
                return null;
            }
            ZonedDateTime z = i.atZone(c.formats().timeZone());
            return DateTimeFormat.format(z.toLocalDateTime(), z.getOffset().getTotalSeconds(),
                    DateTimeTypes.zoneAbbreviation(z), null, (String) a[1]);
        }).fn2("interval_to_char", (a, b) -> {
            Interval iv = (Interval) a;
            return DateTimeFormat.format(LocalDateTime.of(1, 1, 1, 0, 0), null, null, iv, (String) b);
        }).fn2("numeric_to_char", (a, b) -> NumericFormat.format((BigDecimal) a, (String) b))
                .fn2("int4_to_char", (a, b) -> NumericFormat.format(BigDecimal.valueOf((Integer) a), (String) b))
                .fn2("int8_to_char", (a, b) -> NumericFormat.format(BigDecimal.valueOf((Long) a), (String) b))
                .fn2("float4_to_char", (a, b) -> NumericFormat.format(NumericType.toNumeric(a), (String) b))
                .fn2("float8_to_char", (a, b) -> NumericFormat.format(NumericType.toNumeric(a), (String) b))
                .fn("to_timestamp", (c, ty, a) -> DateTimeFormat.parse((String) a[0], (String) a[1],
                        "timestamp with time zone").atZone(c.formats().timeZone()).toInstant())
                .fn2("to_date", (a, b) -> DateTimeFormat.parse((String) a, (String) b, "date").toLocalDate())
                .fn2("numeric_to_number", (a, b) -> NumericFormat.toNumber((String) a, (String) b));
    }

    private static boolean isInf(LocalDateTime ts) {
        return ts.equals(LocalDateTime.MAX) || ts.equals(LocalDateTime.MIN);
    }
}
