package dev.tusk.storage;

import dev.tusk.access.heap.HeapRedo;
import dev.tusk.access.nbtree.NbtRedo;
import dev.tusk.access.transam.RelationStorage;
import dev.tusk.access.transam.Clog;
import dev.tusk.access.transam.RmgrId;
import dev.tusk.access.transam.RmgrTable;
import dev.tusk.access.transam.TransamVariables;
import dev.tusk.access.transam.XLogRedo;
import dev.tusk.access.transam.XactRedo;

/** The redo routines of every resource manager Tusk writes records for (PostgreSQL's {@code rmgrlist.h}). */
public final class ResourceManagers {
    private ResourceManagers() {
    }

    public static RmgrTable standard(Clog clog, TransamVariables vars) {
        return new RmgrTable()
                .register(RmgrId.XLOG, new XLogRedo(vars))
                .register(RmgrId.XACT, new XactRedo(clog, vars))
                .register(RmgrId.SMGR, new RelationStorage.Redo())
                .register(RmgrId.HEAP, new HeapRedo())
                .register(RmgrId.BTREE, new NbtRedo())
                .register(RmgrId.SEQ, new dev.tusk.access.sequence.SequenceAm.Redo());
    }
}
