package io.strata.engine.ansible;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Accumulates a closure or a part of one; the first way a file is reached gives its detail. */
final class ClosureBuilder {

    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private final Map<String, Wildcard> wildcards = new LinkedHashMap<>();
    private final Set<String> roles = new LinkedHashSet<>();
    private final Map<String, ExternalDependency> externals = new LinkedHashMap<>();
    private final VariableSet variables = new VariableSet();
    private final Set<Uncertainty> uncertainties = new LinkedHashSet<>();
    private boolean dynamicGroups;

    void input(String path, String kind, String detail) {
        if (!inputs.containsKey(path)) {
            inputs.put(path, new Input(path, kind, detail));
        }
    }

    void wildcard(String glob, String kind, String detail) {
        if (!wildcards.containsKey(glob)) {
            wildcards.put(glob, new Wildcard(glob, kind, detail));
        }
    }

    void role(String dir) {
        roles.add(dir);
    }

    void external(ExternalDependency.Kind kind, String name, boolean available, String detail) {
        externals.putIfAbsent(kind + " " + name, new ExternalDependency(name, kind, available, detail));
    }

    void uncertainty(String path, String detail) {
        uncertainties.add(new Uncertainty(path, detail));
    }

    VariableSet variables() {
        return variables;
    }

    void dynamicGroups(boolean created) {
        dynamicGroups |= created;
    }

    boolean dynamicGroups() {
        return dynamicGroups;
    }

    /** Adds a cached part. */
    void add(ClosurePart part) {
        for (Input input : part.inputs()) {
            inputs.putIfAbsent(input.path(), input);
        }
        for (Wildcard wildcard : part.wildcards()) {
            wildcards.putIfAbsent(wildcard.glob(), wildcard);
        }
        roles.addAll(part.roles());
        for (ExternalDependency external : part.externals()) {
            externals.putIfAbsent(external.kind() + " " + external.name(), external);
        }
        variables.add(part.variables());
        uncertainties.addAll(part.uncertainties());
        dynamicGroups |= part.dynamicGroups();
    }

    /** What was accumulated, as a part to cache. */
    ClosurePart part() {
        return new ClosurePart(new ArrayList<>(inputs.values()), new ArrayList<>(wildcards.values()),
                new ArrayList<>(roles), new ArrayList<>(externals.values()), variables.toUse(),
                new ArrayList<>(uncertainties), dynamicGroups);
    }

    /** What was accumulated, as a closure. */
    Closure closure() {
        List<ExternalDependency> sorted = new ArrayList<>(externals.values());
        sorted.sort(Comparator.comparing(ExternalDependency::kind).thenComparing(ExternalDependency::name));
        return new Closure(inputs, List.copyOf(wildcards.values()), roles, sorted, variables.toUse(),
                List.copyOf(uncertainties));
    }
}
