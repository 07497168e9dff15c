package io.strata.engine.ansible;

import io.strata.engine.jinja.VariableUse;
import java.util.List;
import java.util.Set;

/**
 * What a {@link Unit} pulls in by itself, with everything that its own search directories
 * resolve followed: the same wherever the unit is used. What depends on the use (the
 * playbook's directory, the roles that use this one, role search paths) is left {@code pending}.
 *
 * @param inputs files read
 * @param wildcards globs of dynamic references resolved here
 * @param uncertainties what cannot be analysed
 * @param pending references resolved per use
 * @param variables the variables read
 * @param collections collections named by fully qualified modules, lookups and role metadata
 * @param searchCollections collections a role's metadata lists for unqualified role names
 * @param dynamicGroups whether groups or hosts are created at run time
 * @param searchesParentRoles whether resolving the pending references depends on the roles that
 *     use this one (a role's file may be found in theirs)
 */
record Fragment(List<Found> inputs, List<Found> wildcards, List<Uncertainty> uncertainties, List<Pending> pending,
        VariableUse variables, Set<String> collections, List<String> searchCollections, boolean dynamicGroups,
        boolean searchesParentRoles) {

    /** Keeps immutable copies. */
    Fragment {
        inputs = List.copyOf(inputs);
        wildcards = List.copyOf(wildcards);
        uncertainties = List.copyOf(uncertainties);
        pending = List.copyOf(pending);
        collections = Set.copyOf(collections);
        searchCollections = List.copyOf(searchCollections);
    }

    /**
     * A file or glob found, before the use is known.
     *
     * @param path the path or glob
     * @param kind {@code role}, {@code file} or {@code playbook}
     * @param what how it is reached from inside the unit; null for a file of a role's build folders
     */
    record Found(String path, String kind, String what) {
    }

    /**
     * A reference left to resolve per use.
     *
     * @param ref the reference
     * @param file the file it is written in
     * @param roleDir the role that file belongs to, or null
     * @param handlers whether it is in a handlers section
     */
    record Pending(Ref ref, String file, String roleDir, boolean handlers) {
    }
}
