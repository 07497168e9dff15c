package io.strata.engine.inventory;

import io.strata.engine.inventory.Inventory.Placed;
import io.strata.engine.inventory.VariableChange.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed in an inventory, as a build container in some groups sees it: either between two
 * revisions, comparing parsed values ({@link #between}), or from the changed paths alone
 * ({@link #ofPaths}), where every variable that a changed file defines counts as changed.
 */
public final class InventoryDiff {

    /** The name of an {@link Kind#OPAQUE} change that may concern any variable. */
    public static final String ANY_VARIABLE = "*";

    private final Inventory base;
    private final Inventory head;
    private final Set<String> changedPaths;

    private InventoryDiff(Inventory base, Inventory head, Set<String> changedPaths) {
        this.base = base;
        this.head = head;
        this.changedPaths = changedPaths;
    }

    /** The value-level difference between two revisions of an inventory. */
    public static InventoryDiff between(Inventory base, Inventory head) {
        return new InventoryDiff(base, head, null);
    }

    /**
     * The difference when only the changed paths are known: every effective variable defined in
     * a changed inventory file counts as changed, an opaque or deleted vars file as
     * {@link Kind#OPAQUE}, a changed hosts file as a membership change.
     */
    public static InventoryDiff ofPaths(Inventory head, Set<String> changedPaths) {
        return new InventoryDiff(null, head, Set.copyOf(changedPaths));
    }

    /**
     * The variables whose effective value differs for a container in these groups, by name,
     * followed by the opaque files that changed and that those groups see.
     */
    public List<VariableChange> changedFor(Collection<String> containerGroups) {
        return base == null ? changedByPath(containerGroups) : changedByValue(containerGroups);
    }

    /** Whether the groups a container in these groups sees differ (or may differ). */
    public boolean visibleGroupsChanged(Collection<String> containerGroups) {
        if (base == null) {
            return hostsFileChanged();
        }
        return !base.visibleGroups(containerGroups).equals(head.visibleGroups(containerGroups))
                || !changedFiles(base.anywhereSources(), head.anywhereSources()).isEmpty();
    }

    /**
     * Whether groups or hosts were added or removed, or moved between groups (or may have been):
     * what plays' {@code hosts:} patterns see.
     */
    public boolean membershipChanged() {
        if (base == null) {
            return hostsFileChanged();
        }
        if (!base.groupNames().equals(head.groupNames()) || !base.hostNames().equals(head.hostNames())) {
            return true;
        }
        for (String group : head.groupNames()) {
            if (!base.hostsOf(group).equals(head.hostsOf(group)) || !base.withAncestors(group).equals(head.withAncestors(group))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether hosts were added, removed or moved between groups, or their variables (inline or
     * host_vars) changed.
     */
    public boolean hostsChanged() {
        if (base == null) {
            return hostsFileChanged() || changedInventoryPaths().stream().anyMatch(path -> relative(path).startsWith("host_vars/"));
        }
        return !base.hostGroups().equals(head.hostGroups())
                || !hostVariables(base).equals(hostVariables(head))
                || !changedFiles(opaque(base.hostSources()), opaque(head.hostSources())).isEmpty()
                || !changedFiles(base.anywhereSources(), head.anywhereSources()).isEmpty();
    }

    private List<VariableChange> changedByValue(Collection<String> groups) {
        Map<String, Placed> before = base.effective(groups);
        Map<String, Placed> after = head.effective(groups);
        List<VariableChange> changes = new ArrayList<>();
        for (String name : union(before.keySet(), after.keySet())) {
            Placed was = before.get(name);
            Placed now = after.get(name);
            if (was == null) {
                changes.add(change(name, Kind.ADDED, now, name + " added in " + now.source().describe()));
            } else if (now == null) {
                changes.add(change(name, Kind.REMOVED, was, name + " removed from " + was.source().describe()));
            } else if (!Objects.equals(was.definition().value(), now.definition().value())) {
                boolean vault = was.definition().vault() || now.definition().vault();
                String where = now.source().file().equals(was.source().file()) ? " in " + now.source().describe()
                        : " in " + now.source().describe() + " (was " + was.source().describe() + ")";
                changes.add(change(name, vault ? Kind.OPAQUE : Kind.MODIFIED, now,
                        name + (vault ? " vault-encrypted value changed" : " changed") + where));
            }
        }
        for (VarsSource source : changedFiles(base.opaqueSourcesFor(groups), head.opaqueSourcesFor(groups))) {
            changes.add(opaqueChange(source));
        }
        return changes;
    }

    private List<VariableChange> changedByPath(Collection<String> groups) {
        Set<String> changed = changedInventoryPaths();
        List<VariableChange> changes = new ArrayList<>();
        head.effective(groups).forEach((name, placed) -> {
            if (changed.contains(placed.source().file())) {
                changes.add(change(name, Kind.MODIFIED, placed, name + " is defined in changed file "
                        + placed.source().describe()));
            }
        });
        head.opaqueSourcesFor(groups).stream().filter(source -> changed.contains(source.file())).forEach(source ->
                changes.add(opaqueChange(source)));
        Set<String> visible = head.visibleGroups(groups);
        for (String path : changed) {
            String owner = deletedFileOwner(relative(path));
            if (!head.files().contains(path)) {
                if (owner != null && (owner.isEmpty() || visible.contains(owner))) {
                    changes.add(opaqueChange(path, path + (owner.isEmpty() ? "" : " (" + owner + ")") + " was removed"));
                }
            } else if (owner != null && !owner.isEmpty() && visible.contains(owner)
                    && changes.stream().noneMatch(c -> c.kind() == Kind.OPAQUE && c.file().equals(path))) {
                changes.add(new VariableChange(ANY_VARIABLE, Kind.UNKNOWN, path, 0, path + " (" + owner + ") changed, and only its"
                        + " path is known: a variable removed from it cannot be seen, so any variable it defined may have changed"));
            }
        }
        return changes;
    }

    /**
     * The group a deleted inventory file belonged to: its group_vars group, "" for a hosts file
     * (in the folder or a sub-folder), null for a host_vars file or another file.
     */
    private static String deletedFileOwner(String relative) {
        if (relative.startsWith("group_vars/")) {
            String first = relative.substring("group_vars/".length()).split("/")[0];
            boolean single = !relative.substring("group_vars/".length()).contains("/");
            return single && first.matches(".+\\.(yml|yaml|json)") ? first.substring(0, first.lastIndexOf('.')) : first;
        }
        return InventoryLoader.isHostsFilePath(relative) ? "" : null;
    }

    private boolean hostsFileChanged() {
        return changedInventoryPaths().stream().anyMatch(path -> head.hostsFiles().contains(path)
                || !head.files().contains(path) && "".equals(deletedFileOwner(relative(path))));
    }

    /** The changed paths that are (or, deleted, were) inventory files. */
    private Set<String> changedInventoryPaths() {
        Set<String> paths = new TreeSet<>();
        for (String path : changedPaths) {
            if (head.files().contains(path) || head.folderOf(path) != null && isInventoryPath(relative(path))) {
                paths.add(path);
            }
        }
        return paths;
    }

    private static boolean isInventoryPath(String relative) {
        return relative.startsWith("group_vars/") || relative.startsWith("host_vars/") || deletedFileOwner(relative) != null;
    }

    /** A path relative to the inventory folder that holds it (the path itself when none does). */
    private String relative(String path) {
        String folder = head.folderOf(path);
        return folder == null || folder.isEmpty() ? path : path.substring(folder.length() + 1);
    }


    /** The opaque sources, of either side, whose content or presence differs between the sides. */
    private static List<VarsSource> changedFiles(List<VarsSource> before, List<VarsSource> after) {
        Map<String, VarsSource> was = new TreeMap<>();
        before.forEach(source -> was.put(source.file(), source));
        Map<String, VarsSource> now = new TreeMap<>();
        after.forEach(source -> now.put(source.file(), source));
        List<VarsSource> changed = new ArrayList<>();
        for (String file : union(was.keySet(), now.keySet())) {
            VarsSource oldSource = was.get(file);
            VarsSource newSource = now.get(file);
            if (oldSource == null || newSource == null || !Objects.equals(oldSource.contentId(), newSource.contentId())) {
                changed.add(newSource == null ? oldSource : newSource);
            }
        }
        return changed;
    }

    private static List<VarsSource> opaque(List<VarsSource> sources) {
        return sources.stream().filter(VarsSource::opaque).toList();
    }

    /** Each host's inline and host_vars values, merged in load order. */
    private static Map<String, Map<String, Object>> hostVariables(Inventory inventory) {
        Map<String, Map<String, Object>> hosts = new HashMap<>();
        for (VarsSource source : inventory.hostSources()) {
            Map<String, Object> values = hosts.computeIfAbsent(source.owner(), key -> new LinkedHashMap<>());
            source.variables().forEach((name, definition) -> values.put(name, definition.value()));
        }
        return hosts;
    }

    private static VariableChange change(String name, Kind kind, Placed placed, String detail) {
        return new VariableChange(name, kind, placed.definition().location().file(), placed.definition().location().line(),
                detail);
    }

    private static VariableChange opaqueChange(VarsSource source) {
        return opaqueChange(source.file(), source.describe() + " is " + source.opaqueReason() + " and changed");
    }

    private static VariableChange opaqueChange(String file, String what) {
        return new VariableChange(ANY_VARIABLE, Kind.OPAQUE, file, 0, what + ": it may define or change any variable");
    }

    private static Set<String> union(Set<String> left, Set<String> right) {
        Set<String> names = new TreeSet<>(left);
        names.addAll(right);
        return names;
    }
}
