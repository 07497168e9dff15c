package io.strata.engine.ansible;

import io.strata.engine.jinja.VariableUse;
import java.util.List;
import java.util.Objects;

/**
 * A piece of a closure, cached per tree and shared by every analysis that uses it: what one
 * play pulls in, or the group_vars of one group.
 *
 * @param inputs files read, in the order they were reached
 * @param wildcards globs of dynamic references
 * @param roles role directories used
 * @param externals external roles and collections
 * @param variables variables read
 * @param uncertainties what cannot be analysed
 * @param dynamicGroups whether groups or hosts are created at run time
 */
record ClosurePart(List<Input> inputs, List<Wildcard> wildcards, List<String> roles, List<ExternalDependency> externals,
        VariableUse variables, List<Uncertainty> uncertainties, boolean dynamicGroups) {

    /** Keeps immutable copies. */
    ClosurePart {
        inputs = List.copyOf(inputs);
        wildcards = List.copyOf(wildcards);
        roles = List.copyOf(roles);
        externals = List.copyOf(externals);
        uncertainties = List.copyOf(uncertainties);
    }

    /** Whether the part adds nothing to a closure. */
    boolean isEmpty() {
        return inputs.isEmpty() && wildcards.isEmpty() && roles.isEmpty() && externals.isEmpty() && uncertainties.isEmpty()
                && !dynamicGroups && variables.names().isEmpty() && !variables.dynamic() && !variables.hostFacts();
    }

    // Compared by value when closures are merged: the generated equals and hashCode run through method handles,
    // slow in a short run (docs/benchmarks.md).
    @Override
    public boolean equals(Object object) {
        return object instanceof ClosurePart other && inputs.equals(other.inputs) && wildcards.equals(other.wildcards)
                && roles.equals(other.roles) && externals.equals(other.externals)
                && variables.equals(other.variables) && uncertainties.equals(other.uncertainties)
                && dynamicGroups == other.dynamicGroups;
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputs, wildcards, roles, externals, variables, uncertainties, dynamicGroups);
    }
}
