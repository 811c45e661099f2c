package dev.tusk.utils.adt;

/** Typmod application for the non-string types (numeric(p,s), time/timestamp(p), interval(p)). */
final class TypmodCoercions {
    private TypmodCoercions() {
    }

    static Object apply(Object value, int type, int typmod) {
        return switch (type) {
            case TypeOids.NUMERIC -> NumericType.applyTypmod((java.math.BigDecimal) value, typmod);
            case TypeOids.TIME, TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ, TypeOids.TIMETZ ->
                    DateTimeTypes.roundToPrecision(value, typmod);
            case TypeOids.INTERVAL -> DateTimeTypes.roundToPrecision(value, Typmods.intervalPrecision(typmod));
            default -> value;
        };
    }
}
