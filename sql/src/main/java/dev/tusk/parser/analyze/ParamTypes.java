package dev.tusk.parser.analyze;

import dev.tusk.utils.adt.TypeNames;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.SqlState;
import java.util.Arrays;

/**
 * Parameter types of one statement (PostgreSQL's variable-parameter hooks, parse_param.c): declared types
 * stay; undeclared ones ({@code 0}) are unknown until a coercion decides them.
 */
final class ParamTypes {
    private int[] types;
    private int used;

    ParamTypes(int[] declared) {
        this.types = declared.clone();
    }

    /** The current type of {@code $n} (unknown when not yet decided); records the use. */
    int typeOf(int n, int location) {
        if (n < 1 || n > 65535) {
            throw AnalyzeErrors.at(SqlState.UNDEFINED_PARAMETER, "there is no parameter $" + n, location);
        }
        ensure(n);
        used = Math.max(used, n);
        return types[n - 1] == 0 ? TypeOids.UNKNOWN : types[n - 1];
    }

    void setType(int n, int type, int location) {
        ensure(n);
        int cur = types[n - 1];
        if (cur != 0 && cur != TypeOids.UNKNOWN && cur != type) {
            throw AnalyzeErrors.at(SqlState.AMBIGUOUS_PARAMETER, "inconsistent types deduced for parameter $" + n,
                    TypeNames.format(cur) + " versus " + TypeNames.format(type), location);
        }
        types[n - 1] = type;
    }

    private void ensure(int n) {
        if (types.length < n) {
            types = Arrays.copyOf(types, n);
        }
    }

    /** check_variable_parameters: every parameter must have a type by now (42P18 otherwise). */
    int[] finish() {
        int n = Math.max(used, types.length);
        int[] out = Arrays.copyOf(types, n);
        for (int i = 0; i < n; i++) {
            if (out[i] == 0 || out[i] == TypeOids.UNKNOWN) {
                throw AnalyzeErrors.at(SqlState.INDETERMINATE_DATATYPE,
                        "could not determine data type of parameter $" + (i + 1), -1);
            }
        }
        return out;
    }
}
