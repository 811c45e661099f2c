package dev.tusk.tcop;

import dev.tusk.catalog.CatalogManager;
import dev.tusk.catalog.DatabaseDesc;
import dev.tusk.catalog.RoleDesc;
import dev.tusk.storage.StorageEngine;
import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.misc.GucTable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL side of one running instance (PostgreSQL's {@code InitPostgres} plus the shared state sessions use):
 * the catalogs of every database, the server's configuration values, the checkpoint hook, and the open
 * sessions. Thread-safe; each session is single-threaded.
 */
public final class TuskSqlEngine implements SqlEngine {
    private final StorageEngine storage;
    private final CatalogManager catalogs;
    private final Map<String, String> serverSettings;
    private final Set<TuskSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile Runnable checkpointRequest;
    private volatile boolean shuttingDown;

    private TuskSqlEngine(StorageEngine storage, Map<String, String> serverSettings) {
        this.storage = storage;
        this.catalogs = CatalogManager.open(storage);
        Map<String, String> settings = new java.util.HashMap<>(serverSettings);
        java.nio.file.Path data = storage.dataDir().toAbsolutePath();
        settings.putIfAbsent("data_directory", data.toString());
        settings.putIfAbsent("config_file", data.resolve("postgresql.conf").toString());
        settings.putIfAbsent("hba_file", data.resolve("pg_hba.conf").toString());
        settings.putIfAbsent("ident_file", data.resolve("pg_ident.conf").toString());
        this.serverSettings = Map.copyOf(settings);
        this.checkpointRequest = () -> storage.createCheckPoint(false);
        GucTable.instance();
        dev.tusk.catalog.CatalogFunctions.register();
        BuiltinSqlFunctions.registerOnce();
    }

    /** The SQL engine over an opened storage engine whose data directory went through catalog bootstrap. */
    public static TuskSqlEngine open(StorageEngine storage, Map<String, String> serverSettings) {
        return new TuskSqlEngine(Objects.requireNonNull(storage, "storage"), serverSettings);
    }

    public StorageEngine storage() {
        return storage;
    }

    public CatalogManager catalogs() {
        return catalogs;
    }

    Map<String, String> serverSettings() {
        return serverSettings;
    }

    /** What CHECKPOINT runs: the server sets its checkpointer's request here (default: a direct checkpoint). */
    public void setCheckpointRequest(Runnable request) {
        this.checkpointRequest = Objects.requireNonNull(request, "request");
    }

    Runnable checkpointRequest() {
        return checkpointRequest;
    }

    @Override
    public Optional<RoleSecret> roleSecret(String roleName) {
        RoleDesc role = catalogs.roleForLogin(roleName);
        if (role == null || !role.canLogin()) {
            return Optional.empty();
        }
        return Optional.of(new RoleSecret(role.name(), role.password(), role.superuser()));
    }

    @Override
    public Session openSession(SessionStart start) {
        if (shuttingDown) {
            throw fatal(SqlState.CANNOT_CONNECT_NOW, "the database system is shutting down");
        }
        RoleDesc role = catalogs.roleForLogin(start.user());
        if (role == null) {
            throw fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "role \"" + start.user() + "\" does not exist");
        }
        if (!role.canLogin()) {
            throw fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "role \"" + start.user() + "\" is not permitted to log in");
        }
        DatabaseDesc db = catalogs.databaseForLogin(start.database());
        if (db == null) {
            throw fatal(SqlState.UNDEFINED_DATABASE, "database \"" + start.database() + "\" does not exist");
        }
        if (!db.allowConnections()) {
            throw fatal(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "database \"" + db.name() + "\" is not currently accepting connections");
        }
        TuskSession session = new TuskSession(this, start, role, db);
        sessions.add(session);
        // The catalog's count of connected sessions guards CREATE DATABASE ... TEMPLATE and DROP/RENAME DATABASE.
        catalogs.sessionConnected(db.oid());
        return session;
    }

    /** Backend ids of open sessions (their temp namespaces are pg_temp_N). */
    private final java.util.Set<Integer> backendIds = new java.util.HashSet<>();

    /** The smallest backend id no open session uses (PostgreSQL's first client backend usually gets 3). */
    synchronized int allocateBackendId() {
        int id = 3;
        while (!backendIds.add(id)) {
            id++;
        }
        return id;
    }

    synchronized void releaseBackendId(int id) {
        backendIds.remove(id);
    }

    void sessionClosed(TuskSession session) {
        releaseBackendId(session.backendId());
        if (sessions.remove(session)) {
            catalogs.sessionDisconnected(session.databaseOid());
        }
    }

    /** Sessions connected to database {@code dbOid} other than {@code except} (DROP DATABASE's check). */
    int otherSessionsOn(int dbOid, TuskSession except) {
        int n = 0;
        for (TuskSession s : sessions) {
            if (s != except && s.databaseOid() == dbOid) {
                n++;
            }
        }
        return n;
    }

    /** Refuses new sessions and rolls back the open ones (fast shutdown); the storage engine stays open. */
    public void shutdown() {
        shuttingDown = true;
        for (TuskSession s : sessions) {
            s.cancel();
        }
    }

    static TuskException fatal(SqlState state, String message) {
        return new TuskException(Severity.FATAL, state, message, null, null, 0, null);
    }
}
