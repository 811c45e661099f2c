package dev.tusk.tcop;

import dev.tusk.libpq.ProtocolErrors;
import java.util.HashMap;
import java.util.Map;

/**
 * The named and unnamed prepared statements and portals of a session's extended-query protocol (PostgreSQL's
 * prepared statement hash and portal manager). The unnamed ("") statement and portal are replaced silently by the
 * next Parse / Bind; a named one must be closed before its name is reused.
 */
final class ExtendedQueryState {
    /** A portal with the statement it came from (for EmptyQueryResponse and messages). */
    record BoundPortal(Portal portal, PreparedStatement statement) {
    }

    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<String, BoundPortal> portals = new HashMap<>();

    /** Throws 42P05 before any work is done when a named statement exists. */
    void checkStatementFree(String name) {
        if (!name.isEmpty() && statements.containsKey(name)) {
            throw ProtocolErrors.duplicateStatement(name);
        }
    }

    void putStatement(String name, PreparedStatement statement) {
        checkStatementFree(name);
        statements.put(name, statement);
    }

    PreparedStatement statement(String name) {
        PreparedStatement s = statements.get(name);
        if (s == null) {
            throw ProtocolErrors.unknownStatement(name);
        }
        return s;
    }

    void closeStatement(String name) {
        statements.remove(name);
    }

    /** Throws 42P03 for a named portal that exists; drops the unnamed one (it is about to be replaced). */
    void preparePortalName(String name) {
        if (name.isEmpty()) {
            closePortal("");
        } else if (portals.containsKey(name)) {
            throw ProtocolErrors.duplicateCursor(name);
        }
    }

    void putPortal(String name, Portal portal, PreparedStatement statement) {
        preparePortalName(name);
        portals.put(name, new BoundPortal(portal, statement));
    }

    BoundPortal portal(String name) {
        BoundPortal p = portals.get(name);
        if (p == null) {
            throw ProtocolErrors.unknownPortal(name);
        }
        return p;
    }

    void closePortal(String name) {
        BoundPortal p = portals.remove(name);
        if (p != null) {
            p.portal().close();
        }
    }

    /** Transaction end: portals do not outlive their transaction. */
    void closeAllPortals() {
        if (portals.isEmpty()) {
            return;
        }
        RuntimeException first = null;
        for (BoundPortal p : portals.values()) {
            try {
                p.portal().close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        portals.clear();
        if (first != null) {
            throw first;
        }
    }

    int portalCount() {
        return portals.size();
    }
}
