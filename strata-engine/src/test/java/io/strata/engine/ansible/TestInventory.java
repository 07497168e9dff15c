package io.strata.engine.ansible;

import io.strata.engine.inventory.InventoryView;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A small in-memory inventory: groups with hosts and child groups, all under {@code all}. */
final class TestInventory implements InventoryView {

    private final Map<String, Set<String>> hosts = new TreeMap<>();
    private final Map<String, Set<String>> children = new TreeMap<>();

    TestInventory() {
        group("all");
        group("ungrouped");
    }

    /** Adds a group with direct hosts. */
    TestInventory group(String name, String... members) {
        hosts.computeIfAbsent(name, n -> new TreeSet<>()).addAll(Set.of(members));
        children.computeIfAbsent(name, n -> new TreeSet<>());
        if (!name.equals("all")) {
            children.get("all").add(name);
        }
        return this;
    }

    /** Makes {@code child} a child group of {@code parent}. */
    TestInventory child(String parent, String child) {
        group(parent);
        group(child);
        children.get(parent).add(child);
        return this;
    }

    @Override
    public Set<String> groupNames() {
        return hosts.keySet();
    }

    @Override
    public Set<String> hostNames() {
        Set<String> all = new TreeSet<>();
        hosts.values().forEach(all::addAll);
        return all;
    }

    @Override
    public Set<String> hostsOf(String group) {
        Set<String> all = new TreeSet<>();
        if (!hosts.containsKey(group)) {
            return all;
        }
        all.addAll(hosts.get(group));
        children.get(group).forEach(child -> all.addAll(hostsOf(child)));
        return all;
    }

    @Override
    public Set<String> withAncestors(String group) {
        Set<String> result = new LinkedHashSet<>();
        result.add(group);
        children.forEach((parent, kids) -> {
            if (kids.contains(group)) {
                result.addAll(withAncestors(parent));
            }
        });
        result.add("all");
        return result;
    }

    /** The groups a container joining {@code groups} sees: them, their ancestors and all. */
    Set<String> visible(String... groups) {
        Set<String> visible = new TreeSet<>();
        for (String group : groups) {
            visible.addAll(withAncestors(group));
        }
        return visible;
    }
}
