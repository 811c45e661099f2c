package dev.tusk.nodes;

import java.util.List;

/**
 * A window definition of {@code OVER (...)}, {@code OVER name} or WINDOW clause entries (PostgreSQL's
 * {@code WindowDef}). {@code frameOptions} uses PostgreSQL's FRAMEOPTION_* bits (see {@link #FRAMEOPTION_DEFAULTS}).
 */
public record WindowDef(String name, String refname, List<Expr> partitionClause, List<SortBy> orderClause,
        int frameOptions, Expr startOffset, Expr endOffset, int location) implements Node {
    public WindowDef {
        partitionClause = List.copyOf(partitionClause);
        orderClause = List.copyOf(orderClause);
    }

    public static final int FRAMEOPTION_NONDEFAULT = 0x00001;
    public static final int FRAMEOPTION_RANGE = 0x00002;
    public static final int FRAMEOPTION_ROWS = 0x00004;
    public static final int FRAMEOPTION_GROUPS = 0x00008;
    public static final int FRAMEOPTION_BETWEEN = 0x00010;
    public static final int FRAMEOPTION_START_UNBOUNDED_PRECEDING = 0x00020;
    public static final int FRAMEOPTION_END_UNBOUNDED_PRECEDING = 0x00040;
    public static final int FRAMEOPTION_START_UNBOUNDED_FOLLOWING = 0x00080;
    public static final int FRAMEOPTION_END_UNBOUNDED_FOLLOWING = 0x00100;
    public static final int FRAMEOPTION_START_CURRENT_ROW = 0x00200;
    public static final int FRAMEOPTION_END_CURRENT_ROW = 0x00400;
    public static final int FRAMEOPTION_START_OFFSET_PRECEDING = 0x00800;
    public static final int FRAMEOPTION_END_OFFSET_PRECEDING = 0x01000;
    public static final int FRAMEOPTION_START_OFFSET_FOLLOWING = 0x02000;
    public static final int FRAMEOPTION_END_OFFSET_FOLLOWING = 0x04000;
    public static final int FRAMEOPTION_EXCLUDE_CURRENT_ROW = 0x08000;
    public static final int FRAMEOPTION_EXCLUDE_GROUP = 0x10000;
    public static final int FRAMEOPTION_EXCLUDE_TIES = 0x20000;
    public static final int FRAMEOPTION_DEFAULTS = FRAMEOPTION_RANGE | FRAMEOPTION_START_UNBOUNDED_PRECEDING
            | FRAMEOPTION_END_CURRENT_ROW;
}
