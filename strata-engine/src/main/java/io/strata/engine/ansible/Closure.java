package io.strata.engine.ansible;

import io.strata.engine.jinja.VariableUse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a playbook pulls in for one build container at one revision.
 *
 * @param inputs every file read, by repository-relative path, iterated in sorted order
 * @param wildcards dynamic includes and lookups, as globs over paths
 * @param roles the repository-relative directories of the roles used, sorted
 * @param externals roles and collections from outside the repository
 * @param variables the variables read by everything analysed
 * @param uncertainties what could not be analysed
 */
public record Closure(Map<String, Input> inputs, List<Wildcard> wildcards, Set<String> roles,
        List<ExternalDependency> externals, VariableUse variables, List<Uncertainty> uncertainties) {

    /** Nothing pulled in: a playbook that does not exist at this revision. */
    public static final Closure EMPTY = new Closure(Map.of(), List.of(), Set.of(), List.of(), VariableUse.NONE, List.of());

    /** Keeps immutable, sorted copies (the inputs hashed for lookups, iterated in path order). */
    public Closure {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(inputs)));
        wildcards = List.copyOf(wildcards);
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
        externals = List.copyOf(externals);
        uncertainties = List.copyOf(uncertainties);
    }

    /** Whether a path is pulled in, as an input or through a wildcard. */
    public boolean reads(String path) {
        return inputs.containsKey(path) || wildcards.stream().anyMatch(w -> w.matches(path));
    }
}
