package dev.tusk.utils.adt;

import dev.tusk.utils.fmgr.ImplTable;
import java.util.UUID;

/**
 * Session and system information functions (misc.c, version.c, uuid.c): version(), current_user,
 * current_database(), pg_backend_pid(), pg_typeof(), gen_random_uuid(), num_nulls(), pg_sleep().
 */
final class MiscFunctions {
    private MiscFunctions() {
    }

    /** version(): clients parse "PostgreSQL 15.x" from the start. */
    static final String VERSION = "PostgreSQL 15.18 (Tusk 0.1.0) on x86_64-pc-linux-gnu, compiled by javac "
            + Runtime.version().feature() + ", 64-bit";

    /** pg_size_pretty (dbsize.c): bytes below 10240, then kB/MB/GB/TB/PB below 20480 units, half rounded. */
    static String sizePretty(java.math.BigDecimal size) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB"};
        java.math.BigInteger v = size.toBigInteger();
        for (int i = 0; i < units.length; i++) {
            long limit = i == 0 ? 10 * 1024 : 20 * 1024 - 1;
            if (i == units.length - 1 || v.abs().compareTo(java.math.BigInteger.valueOf(limit)) < 0) {
                if (i > 0) {
                    v = v.add(java.math.BigInteger.valueOf(v.signum() < 0 ? -1 : 1)).divide(java.math.BigInteger.TWO);
                }
                return v + " " + units[i];
            }
            v = v.divide(java.math.BigInteger.ONE.shiftLeft(i == 0 ? 9 : 10));
        }
        return v.toString();
    }

    static void register(ImplTable t) {
        t.fn1("PG_encoding_to_char", a -> switch ((Integer) a) {
            case 0 -> "SQL_ASCII";
            case 6 -> "UTF8";
            case 8 -> "LATIN1";
            default -> "";
        }).fn1("PG_char_to_encoding", a -> switch (((String) a).toUpperCase(java.util.Locale.ROOT).replace("-", "")) {
            case "SQL_ASCII" -> 0;
            case "UTF8", "UNICODE" -> 6;
            case "LATIN1" -> 8;
            default -> -1;
        }).fn("pg_client_encoding", (c, ty, a) -> "UTF8")
                .fn("getdatabaseencoding", (c, ty, a) -> "UTF8")
                .fn("pg_is_in_recovery", (c, ty, a) -> false)
                .fn("pg_jit_available", (c, ty, a) -> false)
                .fn1("pg_size_pretty", a -> sizePretty(java.math.BigDecimal.valueOf((Long) a)))
                .fn1("pg_size_pretty_numeric", a -> sizePretty((java.math.BigDecimal) a));
        t.fn("text_regclass", (c, ty, a) -> RegTypes.INSTANCE.in(TypeOids.REGCLASS, (String) a[0], -1, c.formats()))
                .fn("pgsql_version", (c, ty, a) -> VERSION)
                .fn("current_user", (c, ty, a) -> c.currentUser())
                .fn("session_user", (c, ty, a) -> c.sessionUser())
                .fn("current_database", (c, ty, a) -> c.currentDatabase())
                .fn("pg_backend_pid", (c, ty, a) -> c.backendPid())
                .fn("pg_typeof", (c, ty, a) -> ty[0])
                .fn("gen_random_uuid", (c, ty, a) -> UUID.randomUUID())
                .fn("pg_num_nulls", (c, ty, a) -> {
                    int n = 0;
                    for (Object o : a) {
                        n += o == null ? 1 : 0;
                    }
                    return n;
                })
                .fn("pg_num_nonnulls", (c, ty, a) -> {
                    int n = 0;
                    for (Object o : a) {
                        n += o == null ? 0 : 1;
                    }
                    return n;
                })
                .fn("pg_sleep", (c, ty, a) -> {
                    long end = System.nanoTime() + (long) ((Double) a[0] * 1e9);
                    while (System.nanoTime() < end) {
                        c.checkInterrupts();
                        try {
                            Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                    return null;
                })
                .fn("setseed", (c, ty, a) -> {
                    double seed = (Double) a[0];
                    if (seed < -1 || seed > 1) {
                        throw AdtErrors.invalidParameter("setseed parameter " + seed + " is out of allowed range "
                                + "[-1,1]");
                    }
                    if (c.random() instanceof java.util.Random r) {
                        r.setSeed(Double.doubleToLongBits(seed));
                    }
                    return null;
                });
    }
}
