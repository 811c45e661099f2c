package dev.tusk.tcop;

import dev.tusk.utils.adt.DateStyle;
import dev.tusk.utils.adt.IntervalStyle;
import dev.tusk.utils.adt.SessionFormats;
import dev.tusk.utils.fmgr.FunctionContext;
import dev.tusk.utils.misc.GucSession;
import dev.tusk.utils.misc.GucValues;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The session facts functions see (GetUserId, MyProcPid, GetCurrentTransactionStartTimestamp, the formatting
 * GUCs). Formats are rebuilt from the settings when one of them changed.
 */
final class SessionFunctionContext implements FunctionContext {
    private final TuskSession session;
    private final GucSession gucs;
    private final Random random = new Random();
    private final Map<Class<?>, Object> services = new HashMap<>();
    private SessionFormats formats;
    private String formatsKey;
    private Instant transactionStart = Instant.now();
    private Instant statementStart = transactionStart;

    SessionFunctionContext(TuskSession session, GucSession gucs) {
        this.session = session;
        this.gucs = gucs;
    }

    @Override
    public SessionFormats formats() {
        String key = gucs.get("DateStyle") + '|' + gucs.get("IntervalStyle") + '|' + gucs.get("TimeZone") + '|'
                + gucs.get("extra_float_digits") + '|' + gucs.get("bytea_output");
        if (formats == null || !key.equals(formatsKey)) {
            formats = new SessionFormats(DateStyle.parse(gucs.get("DateStyle"), DateStyle.DEFAULT),
                    IntervalStyle.parse(gucs.get("IntervalStyle")), GucValues.zoneOf(gucs.get("TimeZone")),
                    Integer.parseInt(gucs.get("extra_float_digits")), gucs.get("bytea_output").equals("hex"),
                    session.regLookup());
            formatsKey = key;
        }
        return formats.regLookup() == session.regLookup() ? formats : formats.withRegLookup(session.regLookup());
    }

    @Override
    public String currentUser() {
        return session.userName();
    }

    @Override
    public String sessionUser() {
        return session.userName();
    }

    @Override
    public String currentDatabase() {
        return session.databaseName();
    }

    @Override
    public int backendPid() {
        return session.backendPid();
    }

    @Override
    public Instant transactionTimestamp() {
        return transactionStart;
    }

    @Override
    public Instant statementTimestamp() {
        return statementStart;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    /** setseed(). */
    void seed(long seed) {
        random.setSeed(seed);
    }

    @Override
    public void checkInterrupts() {
        session.checkInterrupts();
    }

    @Override
    public <T> T service(Class<T> type) {
        Object s = services.get(type);
        if (s != null) {
            return type.cast(s);
        }
        Object fromSession = session.service(type);
        if (fromSession != null) {
            return type.cast(fromSession);
        }
        return FunctionContext.super.service(type);
    }

    <T> void registerService(Class<T> type, T impl) {
        services.put(type, impl);
    }

    void statementStarted(boolean newTransaction) {
        statementStart = Instant.now();
        if (newTransaction) {
            transactionStart = statementStart;
        }
    }
}
