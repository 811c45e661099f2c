package dev.tusk.tcop;

import dev.tusk.commands.SequenceSession;
import dev.tusk.utils.misc.GucSession;

/**
 * The session state that SQL functions reach through {@code FunctionContext.service(SessionServices.class)}:
 * settings for current_setting/set_config, and the sequence values for currval/lastval.
 */
public interface SessionServices {
    GucSession gucs();

    SequenceSession sequences();

    boolean superuser();

    boolean inTransactionBlock();

    /** The catalogs as the running statement's transaction sees them. */
    dev.tusk.catalog.Catalog currentCatalog();

    /** The running statement's transaction. */
    dev.tusk.access.transam.Transaction currentTransaction();

    dev.tusk.storage.StorageEngine storage();
}
