package io.strata.engine.contents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How the installed packages of two images differ, each list sorted by package and
 * architecture.
 *
 * @param added packages only the new image has (before is null)
 * @param removed packages only the old image has (after is null)
 * @param upgraded packages with a newer version in the new image
 * @param downgraded packages with an older version in the new image
 */
public record PackageChanges(List<Change> added, List<Change> removed, List<Change> upgraded, List<Change> downgraded) {

    /**
     * One package's change.
     *
     * @param name the package
     * @param architecture its architecture
     * @param before its version in the old image, or null
     * @param after its version in the new image, or null
     */
    public record Change(String name, String architecture, String before, String after) {
    }

    /** Keeps unmodifiable copies. */
    public PackageChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        upgraded = List.copyOf(upgraded);
        downgraded = List.copyOf(downgraded);
    }

    /**
     * The changes from one image's packages to another's.
     *
     * @param before the old image's packages by key (empty for a first build)
     * @param after the new image's packages by key
     * @param order the distribution's version order
     */
    public static PackageChanges between(Map<String, InstalledPackage> before, Map<String, InstalledPackage> after,
            Comparator<String> order) {
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> upgraded = new ArrayList<>();
        List<Change> downgraded = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            InstalledPackage old = before.get(key);
            InstalledPackage now = after.get(key);
            if (old == null) {
                added.add(new Change(now.name(), now.architecture(), null, now.version()));
            } else if (now == null) {
                removed.add(new Change(old.name(), old.architecture(), old.version(), null));
            } else {
                int comparison = order.compare(old.version(), now.version());
                Change change = new Change(now.name(), now.architecture(), old.version(), now.version());
                if (comparison < 0) {
                    upgraded.add(change);
                } else if (comparison > 0) {
                    downgraded.add(change);
                }
            }
        }
        return new PackageChanges(added, removed, upgraded, downgraded);
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && upgraded.isEmpty() && downgraded.isEmpty();
    }

    /** The table's short form: {@code +3 -1 ~12 pkgs} (~ counts upgrades and downgrades). */
    public String summary() {
        return "+" + added.size() + " -" + removed.size() + " ~" + (upgraded.size() + downgraded.size()) + " pkgs";
    }
}
