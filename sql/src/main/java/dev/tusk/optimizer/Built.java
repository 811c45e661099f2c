package dev.tusk.optimizer;

import dev.tusk.executor.Plan;
import dev.tusk.executor.RowLayout;

/** A plan fragment with the layout of its output rows. */
record Built(Plan plan, RowLayout layout) {
}
