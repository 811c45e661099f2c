package dev.tusk.utils.fmgr;

import dev.tusk.utils.adt.Casts;
import dev.tusk.utils.adt.CoercionContext;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.adt.TypeRegistry;
import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PostgreSQL's overload resolution (parse_func.c func_get_detail / func_match_argtypes /
 * func_select_candidate, parse_oper.c oper_select_candidate / binary_oper_exact), with polymorphic argument
 * resolution (parse_coerce.c enforce_generic_type_consistency, simplified to one-dimensional arrays).
 */
final class OverloadResolver {
    private OverloadResolver() {
    }

    /** One way to call a function: declared types per actual argument. */
    private record Candidate(FunctionDef fn, OperatorDef op, int[] declared, int variadicFrom) {
    }

    static FunctionMatch resolveFunction(String name, List<FunctionDef> defs, int[] actual, boolean expandVariadic) {
        List<Candidate> cands = new ArrayList<>();
        for (FunctionDef f : defs) {
            int n = f.nargs();
            int[] decl = f.argTypes().stream().mapToInt(Integer::intValue).toArray();
            boolean expand = expandVariadic && f.variadicType() != 0;
            if (n == actual.length && !expand) {
                cands.add(new Candidate(f, null, decl, -1));
            }
            if (expand && n >= 1 && actual.length >= n) {
                int[] exp = Arrays.copyOf(decl, actual.length);
                Arrays.fill(exp, n - 1, actual.length, f.variadicType());
                boolean packs = f.variadicType() != TypeOids.ANY;
                cands.add(new Candidate(f, null, exp, packs ? n - 1 : -1));
            }
        }
        Candidate best = choose(cands, actual, false);
        if (best == null) {
            return null;
        }
        if (best == AMBIGUOUS) {
            throw new TuskException(Severity.ERROR, SqlState.AMBIGUOUS_FUNCTION, "function " + name + "("
                    + FunctionRegistry.typeList(actual) + ") is not unique", null,
                    "Could not choose a best candidate function. You might need to add explicit type casts.", 0,
                    null);
        }
        int[] coerce = Polymorphism.resolveArgs(best.declared(), actual);
        int ret = Polymorphism.resolveResult(best.fn().returnType(), best.declared(), actual);
        int varArray = 0;
        if (best.variadicFrom() >= 0) {
            varArray = best.fn().argTypes().get(best.fn().nargs() - 1);
            if (TypeOids.isPolymorphic(varArray)) {
                varArray = TypeRegistry.builtin().arrayOf(coerce[best.variadicFrom()]);
            }
        }
        return new FunctionMatch(best.fn(), coerce, ret, best.variadicFrom(), varArray);
    }

    static OperatorMatch resolveOperator(String name, List<OperatorDef> ops, int left, int right) {
        List<Candidate> cands = new ArrayList<>();
        int[] actual = left == 0 ? new int[] {right} : new int[] {left, right};
        for (OperatorDef o : ops) {
            if ((left == 0) != (o.left() == 0)) {
                continue;
            }
            int[] decl = left == 0 ? new int[] {o.right()} : new int[] {o.left(), o.right()};
            cands.add(new Candidate(o.function(), o, decl, -1));
        }
        // binary_oper_exact: an unknown operand next to a known one is first assumed to be of the same type
        if (left != 0 && (left == TypeOids.UNKNOWN) != (right == TypeOids.UNKNOWN)) {
            int known = left == TypeOids.UNKNOWN ? right : left;
            for (Candidate c : cands) {
                if (c.declared()[0] == known && c.declared()[1] == known) {
                    return new OperatorMatch(c.op(), known, known, c.op().result());
                }
            }
        }
        Candidate best = choose(cands, actual, true);
        if (best == null) {
            return null;
        }
        if (best == AMBIGUOUS) {
            String sig = left == 0 ? name + " " + dev.tusk.utils.adt.TypeNames.format(right)
                    : dev.tusk.utils.adt.TypeNames.format(left) + " " + name + " "
                            + dev.tusk.utils.adt.TypeNames.format(right);
            throw new TuskException(Severity.ERROR, SqlState.AMBIGUOUS_FUNCTION, "operator is not unique: " + sig,
                    null, "Could not choose a best candidate operator. You might need to add explicit type casts.",
                    0, null);
        }
        int[] coerce = Polymorphism.resolveArgs(best.declared(), actual);
        int ret = Polymorphism.resolveResult(best.op().result(), best.declared(), actual);
        return left == 0 ? new OperatorMatch(best.op(), 0, coerce[0], ret)
                : new OperatorMatch(best.op(), coerce[0], coerce[1], ret);
    }

    private static final Candidate AMBIGUOUS = new Candidate(null, null, new int[0], -1);

    /** Exact match, then func_match_argtypes, then func_select_candidate. */
    private static Candidate choose(List<Candidate> cands, int[] actual, boolean operator) {
        for (Candidate c : cands) {
            if (Arrays.equals(c.declared(), actual)) {
                return c;
            }
        }
        List<Candidate> ok = new ArrayList<>();
        for (Candidate c : cands) {
            if (coercible(actual, c.declared())) {
                ok.add(c);
            }
        }
        if (ok.isEmpty()) {
            return null;
        }
        if (ok.size() == 1) {
            return ok.get(0);
        }
        List<Candidate> sel = selectCandidate(ok, actual);
        if (sel == null || sel.isEmpty()) {
            return AMBIGUOUS;
        }
        return sel.size() == 1 ? sel.get(0) : AMBIGUOUS;
    }

    private static boolean coercible(int[] actual, int[] declared) {
        Casts casts = Casts.builtin();
        for (int i = 0; i < actual.length; i++) {
            if (!casts.canCoerce(actual[i], declared[i], CoercionContext.IMPLICIT)) {
                return false;
            }
        }
        return Polymorphism.consistent(declared, actual);
    }

    /** func_select_candidate. */
    private static List<Candidate> selectCandidate(List<Candidate> cands, int[] input) {
        TypeRegistry types = TypeRegistry.builtin();
        int nargs = input.length;
        int nunknowns = 0;
        for (int t : input) {
            if (t == TypeOids.UNKNOWN) {
                nunknowns++;
            }
        }
        // 1: most exact matches on known inputs
        cands = keepBest(cands, c -> {
            int n = 0;
            for (int i = 0; i < nargs; i++) {
                if (input[i] != TypeOids.UNKNOWN && c.declared()[i] == input[i]) {
                    n++;
                }
            }
            return n;
        });
        if (cands.size() == 1) {
            return cands;
        }
        // 2: most exact-or-preferred (same category as input) at positions needing coercion
        cands = keepBest(cands, c -> {
            int n = 0;
            for (int i = 0; i < nargs; i++) {
                if (input[i] != TypeOids.UNKNOWN) {
                    int d = c.declared()[i];
                    if (d == input[i] || (types.category(d) == types.category(input[i]) && types.isPreferred(d))) {
                        n++;
                    }
                }
            }
            return n;
        });
        if (cands.size() == 1) {
            return cands;
        }
        if (nunknowns == 0) {
            return null;
        }
        // 3: resolve unknown positions by category (string category wins conflicts)
        char[] slotCat = new char[nargs];
        boolean[] slotPref = new boolean[nargs];
        boolean resolved = true;
        for (int i = 0; i < nargs && resolved; i++) {
            if (input[i] != TypeOids.UNKNOWN) {
                continue;
            }
            slotCat[i] = 0;
            boolean conflict = false;
            for (Candidate c : cands) {
                int d = c.declared()[i];
                char cat = types.category(d);
                boolean pref = types.isPreferred(d);
                if (slotCat[i] == 0) {
                    slotCat[i] = cat;
                    slotPref[i] = pref;
                } else if (cat == slotCat[i]) {
                    slotPref[i] |= pref;
                } else if (cat == 'S') {
                    slotCat[i] = 'S';
                    slotPref[i] = pref;
                } else {
                    conflict = true;
                }
            }
            if (conflict && slotCat[i] != 'S') {
                resolved = false;
            }
        }
        if (resolved) {
            List<Candidate> kept = new ArrayList<>();
            for (Candidate c : cands) {
                boolean keep = true;
                for (int i = 0; i < nargs && keep; i++) {
                    if (input[i] != TypeOids.UNKNOWN) {
                        continue;
                    }
                    int d = c.declared()[i];
                    if (types.category(d) != slotCat[i] || (slotPref[i] && !types.isPreferred(d))) {
                        keep = false;
                    }
                }
                if (keep) {
                    kept.add(c);
                }
            }
            if (kept.size() == 1) {
                return kept;
            }
            if (!kept.isEmpty()) {
                cands = kept;
            }
        }
        // 4: unknowns take the one known type, if all known inputs agree
        if (nunknowns < nargs) {
            int known = TypeOids.UNKNOWN;
            for (int t : input) {
                if (t == TypeOids.UNKNOWN) {
                    continue;
                }
                if (known == TypeOids.UNKNOWN) {
                    known = t;
                } else if (known != t) {
                    known = TypeOids.UNKNOWN;
                    break;
                }
            }
            if (known != TypeOids.UNKNOWN) {
                int[] assumed = new int[nargs];
                Arrays.fill(assumed, known);
                List<Candidate> m = new ArrayList<>();
                for (Candidate c : cands) {
                    if (coercible(assumed, c.declared())) {
                        m.add(c);
                    }
                }
                if (m.size() == 1) {
                    return m;
                }
            }
        }
        return null;
    }

    private static List<Candidate> keepBest(List<Candidate> cands, java.util.function.ToIntFunction<Candidate> score) {
        int best = -1;
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : cands) {
            int s = score.applyAsInt(c);
            if (s > best) {
                best = s;
                out.clear();
            }
            if (s == best) {
                out.add(c);
            }
        }
        return out;
    }
}
