package dev.tusk.utils.adt;

/**
 * One pg_cast row. {@code method}: 'f' through function {@code funcOid}, 'i' through the I/O functions,
 * 'b' binary-coercible (the value is reused as is).
 */
public record CastDef(int oid, int source, int target, int funcOid, CoercionContext context, char method) {
}
