package dev.tusk.libpq;

import dev.tusk.tcop.Session;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cancel keys of live sessions (PostgreSQL's {@code processCancelRequest} over the backend list): a
 * CancelRequest naming a registered process id with its secret cancels that session's running statement; a
 * wrong key is silently ignored, as PostgreSQL does. Thread-safe.
 */
public final class CancelRegistry {
    private record Entry(int secret, Session session) {
    }

    private final ConcurrentHashMap<Integer, Entry> entries = new ConcurrentHashMap<>();

    public void register(int processId, int secret, Session session) {
        entries.put(processId, new Entry(secret, session));
    }

    public void unregister(int processId) {
        entries.remove(processId);
    }

    /** Returns whether a session was signalled. */
    public boolean cancel(int processId, int secret) {
        Entry e = entries.get(processId);
        if (e == null || !MessageDigest.isEqual(intBytes(e.secret()), intBytes(secret))) {
            return false;
        }
        e.session().cancel();
        return true;
    }

    public int size() {
        return entries.size();
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
