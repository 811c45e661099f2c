package dev.tusk.tcop;

import dev.tusk.libpq.HbaFile;
import dev.tusk.postmaster.BackendRegistry;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * What every backend shares: the SQL engine, the authentication rules, the registry of slots and cancel keys, the
 * blocking executor its session runs on, and authentication_timeout (a client that has not finished startup by
 * then is disconnected).
 */
public record BackendServices(SqlEngine engine, HbaFile hba, BackendRegistry registry, Executor executor,
        Duration authenticationTimeout) {
}
