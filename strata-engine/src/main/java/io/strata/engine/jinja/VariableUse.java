package io.strata.engine.jinja;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The variables a piece of Jinja text reads.
 *
 * @param names the free variable names read, sorted (the first identifier of each reference)
 * @param dynamic whether some variable is reached by a computed name ({@code vars[...]}, a
 *     {@code vars}/{@code varnames} lookup): any variable may be read
 * @param hostFacts whether other hosts' data is read ({@code hostvars}, {@code groups},
 *     {@code play_hosts}, {@code ansible_play_hosts}, {@code ansible_play_batch})
 */
public record VariableUse(Set<String> names, boolean dynamic, boolean hostFacts) {

    /** Reads nothing. */
    public static final VariableUse NONE = new VariableUse(Set.of(), false, false);

    /** Keeps an immutable, sorted copy of the names. */
    public VariableUse {
        names = Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }

    /** The union of both uses. */
    public VariableUse plus(VariableUse other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        Set<String> union = new TreeSet<>(names);
        union.addAll(other.names);
        return new VariableUse(union, dynamic || other.dynamic, hostFacts || other.hostFacts);
    }

    private boolean isEmpty() {
        return names.isEmpty() && !dynamic && !hostFacts;
    }

    // Compared by value when closures are merged: the generated equals and hashCode run through method handles,
    // slow in a short run (docs/benchmarks.md).
    @Override
    public boolean equals(Object object) {
        return object instanceof VariableUse other && names.equals(other.names) && dynamic == other.dynamic
                && hostFacts == other.hostFacts;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * names.hashCode() + Boolean.hashCode(dynamic)) + Boolean.hashCode(hostFacts);
    }
}
