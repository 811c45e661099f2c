package dev.tusk.executor;

import dev.tusk.utils.adt.StorageForms;

/** The type layer's storage mapping (contract 3), the single source of stored forms. */
final class StorageMappingBridge {
    private StorageMappingBridge() {
    }

    static Object fromStorage(int typeOid, Object stored) {
        return StorageForms.fromStorage(typeOid, stored);
    }

    static Object toStorage(int typeOid, Object value) {
        return StorageForms.toStorage(typeOid, value);
    }
}
