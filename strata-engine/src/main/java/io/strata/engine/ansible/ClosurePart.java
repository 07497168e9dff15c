package io.strata.engine.ansible;

import io.strata.engine.jinja.VariableUse;
import java.util.List;

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
}
