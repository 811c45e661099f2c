package dev.tusk.utils.adt;

import java.math.BigDecimal;
import java.util.Arrays;

/** Per-type hashing consistent with the comparison's notion of equality. */
final class HashKeys {
    private HashKeys() {
    }

    static int hash(int typeOid, Object v) {
        return switch (v) {
            case BigDecimal d -> d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
            case Double d -> d == 0.0 ? 0 : d.isNaN() ? 1 : d.hashCode();
            case Float f -> f == 0.0f ? 0 : f.isNaN() ? 1 : Double.hashCode(f.doubleValue());
            case Short s -> Long.hashCode(s);
            case Integer i -> Long.hashCode(i);
            case Long l -> Long.hashCode(l);
            case String s -> typeOid == TypeOids.BPCHAR ? TextTypes.bpcharTrim(s).hashCode() : s.hashCode();
            case byte[] b -> Arrays.hashCode(b);
            case Interval i -> i.comparisonKey().hashCode();
            case Jsonb j -> JsonTypes.hashTree(j.root());
            case ArrayValue a -> {
                int h = a.size();
                for (Object e : a.elements()) {
                    h = h * 31 + (e == null ? 0 : hash(a.elementTypeOid(), e));
                }
                yield h;
            }
            default -> v.hashCode();
        };
    }
}
