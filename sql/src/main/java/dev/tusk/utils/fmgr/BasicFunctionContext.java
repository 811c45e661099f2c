package dev.tusk.utils.fmgr;

import dev.tusk.utils.adt.SessionFormats;
import java.time.Instant;
import java.util.Random;
import java.util.random.RandomGenerator;

/** {@link FunctionContext#basic}: fixed session facts, transaction/statement time fixed at creation. */
record BasicFunctionContext(SessionFormats formats, Instant started, RandomGenerator random)
        implements FunctionContext {
    BasicFunctionContext(SessionFormats formats) {
        this(formats, Instant.now(), new Random());
    }

    @Override
    public String currentUser() {
        return "postgres";
    }

    @Override
    public String currentDatabase() {
        return "postgres";
    }

    @Override
    public int backendPid() {
        return 0;
    }

    @Override
    public Instant transactionTimestamp() {
        return started;
    }

    @Override
    public Instant statementTimestamp() {
        return started;
    }
}
