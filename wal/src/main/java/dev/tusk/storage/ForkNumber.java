package dev.tusk.storage;

/** The forks of a relation (PostgreSQL's {@code ForkNumber}); the suffix names the fork's file. */
public enum ForkNumber {
    MAIN(""),
    FSM("_fsm"),
    VISIBILITYMAP("_vm"),
    INIT("_init");

    private final String fileSuffix;

    ForkNumber(String fileSuffix) {
        this.fileSuffix = fileSuffix;
    }

    /** File name suffix: {@code ""}, {@code "_fsm"}, {@code "_vm"}, {@code "_init"}. */
    public String fileSuffix() {
        return fileSuffix;
    }
}
