package io.strata.engine.ansible;

import io.strata.engine.parallel.Identity;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts one analysis came to, in the order it reached them: cached parts (told apart by
 * identity, as each is computed once per tree) and what the walk added itself (compared by
 * value). Two analyses with equal sequences have the same closure, so it is merged once.
 */
final class ClosureSequence {

    private final List<Object> elements = new ArrayList<>();
    private final List<ClosurePart> parts = new ArrayList<>();
    private boolean dynamicGroups;
    private boolean readsAnyHost;

    /** Adds a part the walk built itself; an empty one changes nothing. */
    void own(ClosurePart part) {
        if (!part.isEmpty()) {
            elements.add(part);
            added(part);
        }
    }

    /** Adds a cached part; an empty one changes nothing. */
    void shared(ClosurePart part) {
        if (!part.isEmpty()) {
            elements.add(new Identity<>(part));
            added(part);
        }
    }

    private void added(ClosurePart part) {
        parts.add(part);
        dynamicGroups |= part.dynamicGroups();
        readsAnyHost |= part.variables().dynamic() || part.variables().hostFacts();
    }

    /** Whether some part creates groups or hosts at run time. */
    boolean dynamicGroups() {
        return dynamicGroups;
    }

    /** Whether some part reads other hosts' data or variables by computed names. */
    boolean readsAnyHost() {
        return readsAnyHost;
    }

    /** The closure of the parts, merged in order. */
    Closure merge() {
        ClosureBuilder all = new ClosureBuilder();
        parts.forEach(all::add);
        return all.closure();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClosureSequence sequence && sequence.elements.equals(elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }
}
