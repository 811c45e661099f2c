package dev.tusk.utils.fmgr;

import dev.tusk.utils.adt.Casts;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.adt.TypeRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Polymorphic parameter binding (check_generic_type_consistency / enforce_generic_type_consistency):
 * anyelement/anynonarray/anyarray share one element type; anycompatible* take the common type of their inputs.
 * Inputs that are all unknown bind to text.
 */
final class Polymorphism {
    private Polymorphism() {
    }

    private static boolean isElem(int t) {
        return t == TypeOids.ANYELEMENT || t == TypeOids.ANYNONARRAY || t == TypeOids.ANYENUM;
    }

    private static boolean isCompatElem(int t) {
        return t == TypeOids.ANYCOMPATIBLE || t == TypeOids.ANYCOMPATIBLENONARRAY;
    }

    /** The element type bound by the anyelement family, 0 if none bound, -1 if inconsistent. */
    private static int bindElem(int[] declared, int[] actual) {
        TypeRegistry types = TypeRegistry.builtin();
        int elem = 0;
        for (int i = 0; i < declared.length; i++) {
            int a = actual[i];
            if (a == TypeOids.UNKNOWN) {
                continue;
            }
            int e;
            if (isElem(declared[i])) {
                e = a;
            } else if (declared[i] == TypeOids.ANYARRAY) {
                e = types.polymorphicElementOf(a);
                if (e == 0) {
                    return -1;
                }
            } else {
                continue;
            }
            if (elem != 0 && elem != e) {
                return -1;
            }
            elem = e;
        }
        return elem;
    }

    /** The common type bound by the anycompatible family, 0 if none. */
    private static int bindCompat(int[] declared, int[] actual) {
        TypeRegistry types = TypeRegistry.builtin();
        List<Integer> ins = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < declared.length; i++) {
            if (isCompatElem(declared[i])) {
                any = true;
                ins.add(actual[i]);
            } else if (declared[i] == TypeOids.ANYCOMPATIBLEARRAY) {
                any = true;
                if (actual[i] != TypeOids.UNKNOWN) {
                    ins.add(types.elementOf(actual[i]));
                }
            }
        }
        if (!any) {
            return 0;
        }
        if (ins.isEmpty()) {
            return TypeOids.TEXT;
        }
        return Casts.builtin().selectCommonType(ins, "polymorphic");
    }

    static boolean consistent(int[] declared, int[] actual) {
        if (bindElem(declared, actual) < 0) {
            return false;
        }
        try {
            bindCompat(declared, actual);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The concrete type each argument must be coerced to. */
    static int[] resolveArgs(int[] declared, int[] actual) {
        TypeRegistry types = TypeRegistry.builtin();
        int elem = bindElem(declared, actual);
        if (elem <= 0) {
            elem = TypeOids.TEXT;
        }
        int compat = bindCompat(declared, actual);
        int[] out = new int[declared.length];
        for (int i = 0; i < declared.length; i++) {
            int d = declared[i];
            if (isElem(d)) {
                out[i] = elem;
            } else if (d == TypeOids.ANYARRAY) {
                out[i] = types.arrayOf(elem);
            } else if (isCompatElem(d)) {
                out[i] = compat;
            } else if (d == TypeOids.ANYCOMPATIBLEARRAY) {
                out[i] = types.arrayOf(compat);
            } else if (d == TypeOids.ANY) {
                out[i] = actual[i];
            } else {
                out[i] = d;
            }
        }
        return out;
    }

    /** The concrete result type. */
    static int resolveResult(int ret, int[] declared, int[] actual) {
        TypeRegistry types = TypeRegistry.builtin();
        if (!TypeOids.isPolymorphic(ret)) {
            return ret;
        }
        int elem = bindElem(declared, actual);
        if (elem <= 0) {
            elem = TypeOids.TEXT;
        }
        int compat = bindCompat(declared, actual);
        return switch (ret) {
            case TypeOids.ANYARRAY -> types.arrayOf(elem);
            case TypeOids.ANYCOMPATIBLE, TypeOids.ANYCOMPATIBLENONARRAY -> compat;
            case TypeOids.ANYCOMPATIBLEARRAY -> types.arrayOf(compat);
            default -> elem;
        };
    }
}
