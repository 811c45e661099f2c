package dev.tusk.commands;

import dev.tusk.access.sequence.SequenceAm;
import dev.tusk.access.sequence.SequenceParams;
import dev.tusk.catalog.CatalogWriter;
import dev.tusk.catalog.NewRelation;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.catalog.SequenceDesc;
import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.StorageEngine;
import dev.tusk.utils.adt.TypeOids;

/** Creating a sequence's catalog rows and storage (DefineSequence's core), shared by CREATE SEQUENCE and serial. */
public final class Sequences {
    private Sequences() {
    }

    /** The bounds of a sequence of type {@code typeOid} when not given (smallint/integer narrow int8's). */
    static long defaultMax(int typeOid, long increment) {
        if (increment < 0) {
            return -1;
        }
        return switch (typeOid) {
            case TypeOids.INT2 -> Short.MAX_VALUE;
            case TypeOids.INT4 -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    static long defaultMin(int typeOid, long increment) {
        if (increment > 0) {
            return 1;
        }
        return switch (typeOid) {
            case TypeOids.INT2 -> Short.MIN_VALUE;
            case TypeOids.INT4 -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    /** pg_sequence row, catalog relation and the storage page with the start state. */
    public static RelationDesc create(CommandContext ctx, String name, int namespaceOid, int typeOid,
            SequenceParams p) {
        return create(ctx, name, namespaceOid, typeOid, p, 'p');
    }

    /** Like the above with relpersistence {@code persistence} ('t' for a temporary sequence or a temp table's serial). */
    public static RelationDesc create(CommandContext ctx, String name, int namespaceOid, int typeOid,
            SequenceParams p, char persistence) {
        CatalogWriter w = ctx.writer();
        RelationDesc seq = w.createSequence(new NewRelation(name, namespaceOid, ctx.userOid(),
                persistence == 't' ? 't' : 'p', java.util.List.of()),
                new SequenceDesc(0, typeOid, p.start(), p.increment(), p.maxValue(), p.minValue(), p.cache(),
                        p.cycle()));
        StorageEngine storage = ctx.storage();
        // The catalog made an empty relation file; the sequence access method creates and initialises its own.
        if (storage.smgr().exists(seq.locator(), ForkNumber.MAIN)
                && storage.smgr().nblocks(seq.locator(), ForkNumber.MAIN) == 0) {
            storage.smgr().unlink(seq.locator());
        }
        am(storage).create(ctx.transaction(), seq.locator(), p);
        return seq;
    }

    public static SequenceAm am(StorageEngine storage) {
        return new SequenceAm(storage.buffers(), storage.smgr(), storage.wal());
    }

    /** pg_sequence's parameters as the access method takes them. */
    public static SequenceParams params(SequenceDesc d) {
        return new SequenceParams(d.increment(), d.min(), d.max(), d.start(), d.cache(), d.cycle());
    }
}
