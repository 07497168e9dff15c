package io.strata.engine.ansible;

import io.strata.engine.inventory.InventoryView;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The build container a playbook is analysed for.
 *
 * @param visibleGroups the container's groups, their ancestor groups and {@code all}
 * @param inventory the inventory's groups and hosts (may be null when the site has none)
 */
public record AnalysisTarget(Set<String> visibleGroups, InventoryView inventory) {

    /** Keeps an immutable, sorted copy of the groups. */
    public AnalysisTarget {
        visibleGroups = Collections.unmodifiableSortedSet(new TreeSet<>(visibleGroups));
    }

    /**
     * The groups the container joins itself: the visible groups that are no ancestor of another
     * visible group, {@code all} left out.
     */
    public Set<String> containerGroups() {
        Set<String> own = new TreeSet<>(visibleGroups);
        own.remove("all");
        if (inventory != null) {
            for (String group : visibleGroups) {
                for (String ancestor : inventory.withAncestors(group)) {
                    if (!ancestor.equals(group)) {
                        own.remove(ancestor);
                    }
                }
            }
        }
        return Collections.unmodifiableSet(own);
    }
}
