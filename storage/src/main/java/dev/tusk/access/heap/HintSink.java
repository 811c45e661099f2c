package dev.tusk.access.heap;

/**
 * Told when a visibility check has set a hint bit on a tuple (so the page must be marked dirty as a
 * hint: PostgreSQL's {@code MarkBufferDirtyHint} call inside {@code SetHintBits}).
 */
@FunctionalInterface
public interface HintSink {
    /** For tuples not on a shared page (tests, private copies). */
    HintSink NONE = () -> { };

    void hintSet();
}
