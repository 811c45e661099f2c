/**
 * Sequences, the storage half of PostgreSQL's {@code commands/sequence.c}: a sequence relation is one page
 * holding its state ({@code last_value}, {@code log_cnt}, {@code is_called}); its parameters (increment,
 * bounds, start, cache, cycle) live in the catalog ({@code pg_sequence}) and are passed in by the caller as
 * {@link dev.tusk.access.sequence.SequenceParams}.
 *
 * <p>Invariants:
 * <ul>
 * <li>{@code nextval} and {@code setval} are not transactional: their page change is never undone by an
 *     abort. Only creating the relation (and dropping it) follows the creating transaction.</li>
 * <li>Every state change is WAL-logged (rmgr {@code SEQ}, record {@code XLOG_SEQ_LOG}, a will-init image of
 *     the state) under the page's exclusive content lock, before the lock is released. {@code nextval} logs
 *     the state {@value dev.tusk.access.sequence.SequenceAm#SEQ_LOG_VALS} values ahead and then hands out
 *     values without logging until that reserve ({@code log_cnt}) is used up, or until a checkpoint has
 *     moved the redo point past the page's LSN. So after a crash values may jump ahead but a value whose
 *     use became durable is never handed out again (any WAL that uses the value follows the record that
 *     reserved it; {@code nextval} also gives the calling transaction an xid so that its commit flushes the
 *     record).</li>
 * <li>Concurrent sessions serialize on the page's exclusive content lock; a session's
 *     {@link dev.tusk.access.sequence.SequenceCache} hands out values reserved for it with {@code CACHE > 1}
 *     without touching the page.</li>
 * </ul>
 */
package dev.tusk.access.sequence;
