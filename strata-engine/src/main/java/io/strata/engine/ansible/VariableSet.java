package io.strata.engine.ansible;

import io.strata.engine.jinja.VariableUse;
import java.util.Set;
import java.util.TreeSet;

/** A growing union of {@link VariableUse}s, cheaper than chaining {@link VariableUse#plus}. */
final class VariableSet {

    private final Set<String> names = new TreeSet<>();
    private boolean dynamic;
    private boolean hostFacts;

    /** Adds a use. */
    void add(VariableUse use) {
        names.addAll(use.names());
        dynamic |= use.dynamic();
        hostFacts |= use.hostFacts();
    }

    /** Whether the union reads other hosts' data or variables by computed names. */
    boolean readsAnyHost() {
        return dynamic || hostFacts;
    }

    /** The union as an immutable use. */
    VariableUse toUse() {
        return names.isEmpty() && !dynamic && !hostFacts ? VariableUse.NONE : new VariableUse(names, dynamic, hostFacts);
    }
}
