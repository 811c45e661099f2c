package dev.tusk.utils.adt;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * time with time zone (date.c timetz_*), carried as {@link OffsetTime}. Binary form: int64 microseconds of the
 * local time, then int32 zone offset in seconds west of Greenwich. Ordering compares the UTC instant, then the
 * zone, so 03:04:05+02 and 01:04:05+00 are not equal (timetz_cmp).
 */
final class TimeTzType implements TypeHandler {
    static final TimeTzType INSTANCE = new TimeTzType();

    @Override
    public Object in(int typeOid, String text, int typmod, SessionFormats f) {
        SessionFormats fm = f == null ? SessionFormats.DEFAULT : f;
        DateTimeParser.Fields d = DateTimeParser.parse(text, "time with time zone", fm.dateStyle());
        LocalTime t;
        if (d.special() != null) {
            if (!d.special().equals("allballs")) {
                throw AdtErrors.invalidDatetime("time with time zone", text);
            }
            t = LocalTime.MIDNIGHT;
            return OffsetTime.of(t, ZoneOffset.UTC);
        }
        if (d.time() == null) {
            throw AdtErrors.invalidDatetime("time with time zone", text);
        }
        t = d.time();
        ZoneOffset off;
        if (d.zone() instanceof ZoneOffset zo) {
            off = zo;
        } else {
            var zone = d.zone() != null ? d.zone() : fm.timeZone();
            LocalDate on = d.date() != null ? d.date() : LocalDate.now(zone);
            off = zone.getRules().getOffset(on.atTime(t));
        }
        OffsetTime v = OffsetTime.of(t, off);
        if (typmod >= 0) {
            v = OffsetTime.of((LocalTime) DateTimeTypes.roundToPrecision(t, typmod), off);
        }
        return v;
    }

    @Override
    public String out(int typeOid, Object value, SessionFormats f) {
        OffsetTime v = (OffsetTime) value;
        return DateTimeTypes.formatTime(v.toLocalTime()) + TimeZones.isoOffset(v.getOffset().getTotalSeconds());
    }

    @Override
    public Object recv(int typeOid, ByteBuffer buf, int typmod, SessionFormats f) {
        Bytes.requireRemaining(buf, 12);
        long micros = buf.getLong();
        int west = buf.getInt();
        if (micros < 0 || micros >= 86_400_000_000L) {
            throw AdtErrors.datetimeOutOfRange("time out of range");
        }
        return OffsetTime.of(LocalTime.ofNanoOfDay(micros * 1000), ZoneOffset.ofTotalSeconds(-west));
    }

    @Override
    public byte[] send(int typeOid, Object value, SessionFormats f) {
        OffsetTime v = (OffsetTime) value;
        return ByteBuffer.allocate(12).putLong(v.toLocalTime().toNanoOfDay() / 1000)
                .putInt(-v.getOffset().getTotalSeconds()).array();
    }

    @Override
    public int compare(int typeOid, Object a, Object b) {
        OffsetTime x = (OffsetTime) a;
        OffsetTime y = (OffsetTime) b;
        long ux = x.toLocalTime().toNanoOfDay() / 1000 - x.getOffset().getTotalSeconds() * 1_000_000L;
        long uy = y.toLocalTime().toNanoOfDay() / 1000 - y.getOffset().getTotalSeconds() * 1_000_000L;
        if (ux != uy) {
            return Long.compare(ux, uy);
        }
        // zone in seconds west: a larger value sorts later
        return Integer.compare(-x.getOffset().getTotalSeconds(), -y.getOffset().getTotalSeconds());
    }
}
