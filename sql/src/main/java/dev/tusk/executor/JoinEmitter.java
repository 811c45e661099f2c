package dev.tusk.executor;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * The probe loop shared by {@link HashJoin} and {@link NestLoop} (the join-state machine of PostgreSQL's
 * nodeHashjoin.c / nodeNestloop.c): for each outer row, tests the candidate inner rows with {@code qual} over the
 * concatenated row; SEMI returns the outer row on its first match, ANTI the outer rows without one; LEFT and FULL
 * null-extend unmatched outer rows, and RIGHT and FULL finally emit the null-extended inner rows nothing matched.
 * Subclasses supply the inner side: all of it (materialized on the first {@link #next}) and the candidates for
 * one outer row.
 */
abstract class JoinEmitter implements ExecNode {
    private final ExecState st;
    private final ExecNode outer;
    private final JoinKind kind;
    private final BiPredicate<Object[], ExecState> qual;
    private final int lw;
    private final int rw;
    private List<JoinRows.Inner> unmatchedSource;
    private Object[] current;
    private List<JoinRows.Inner> candidates;
    private int pos;
    private boolean matched;
    private int unmatchedPos = -1;

    JoinEmitter(ExecState st, ExecNode outer, JoinKind kind, BiPredicate<Object[], ExecState> qual, int lw,
            int rw) {
        this.st = st;
        this.outer = outer;
        this.kind = kind;
        this.qual = qual;
        this.lw = lw;
        this.rw = rw;
    }

    /** Reads the inner side; returns the rows scanned for unmatched ones at the end (RIGHT and FULL). */
    abstract List<JoinRows.Inner> buildInner();

    /** The inner rows that may match {@code outerRow} (called once per outer row). */
    abstract List<JoinRows.Inner> candidates(Object[] outerRow);

    /** The concatenated row to test and return for a candidate (null is allowed when nothing reads it). */
    Object[] joined(Object[] outerRow, JoinRows.Inner in) {
        return JoinRows.concat(outerRow, lw, in.row, rw);
    }

    @Override
    public Object[] next() {
        if (unmatchedSource == null) {
            unmatchedSource = buildInner();
        }
        while (true) {
            if (unmatchedPos >= 0) {
                while (unmatchedPos < unmatchedSource.size()) {
                    JoinRows.Inner in = unmatchedSource.get(unmatchedPos++);
                    if (!in.matched) {
                        return JoinRows.concat(null, lw, in.row, rw);
                    }
                }
                return null;
            }
            if (current == null) {
                current = outer.next();
                if (current == null) {
                    if (kind.emitsUnmatchedRight()) {
                        unmatchedPos = 0;
                        continue;
                    }
                    return null;
                }
                candidates = candidates(current);
                pos = 0;
                matched = false;
            }
            while (pos < candidates.size()) {
                JoinRows.Inner in = candidates.get(pos++);
                Object[] joined = joined(current, in);
                if (qual == null || qual.test(joined, st)) {
                    matched = true;
                    in.matched = true;
                    if (kind == JoinKind.ANTI) {
                        break;
                    }
                    if (kind == JoinKind.SEMI) {
                        Object[] r = current;
                        current = null;
                        return r;
                    }
                    return joined;
                }
            }
            Object[] done = current;
            boolean wasMatched = matched;
            current = null;
            if (!wasMatched && kind == JoinKind.ANTI) {
                return done;
            }
            if (!wasMatched && kind.emitsUnmatchedLeft()) {
                return JoinRows.concat(done, lw, null, rw);
            }
        }
    }

    /** Closes the outer input and drops the inner rows (a subclass releases its own structures too). */
    @Override
    public void close() {
        outer.close();
        unmatchedSource = List.of();
        candidates = List.of();
    }
}
