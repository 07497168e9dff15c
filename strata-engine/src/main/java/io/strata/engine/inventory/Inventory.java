package io.strata.engine.inventory;

import io.strata.engine.config.Problem;
import io.strata.engine.config.SourceLocation;
import io.strata.engine.inventory.VarsSource.Scope;
import io.strata.engine.parallel.Memo;
import io.strata.engine.source.RepoPaths;
import io.strata.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * An Ansible inventory directory as read at one revision: the group hierarchy, the hosts, and
 * every variable source (hosts files, group_vars, host_vars), each file parsed once. Answers
 * which groups and variables a build container sees when it joins some groups.
 */
public final class Inventory implements InventoryView {

    /** A variable definition and the source it comes from. */
    record Placed(VariableDefinition definition, VarsSource source) {
    }

    private static final String ALL = "all";
    private static final String UNGROUPED = "ungrouped";
    private static final int DEFAULT_PRIORITY = 1;
    private static final String GROUP_PRIORITY = "ansible_group_priority";

    private final List<String> dirs;
    private final DirectedAcyclicGraph<String, DefaultEdge> hierarchy = new DirectedAcyclicGraph<>(DefaultEdge.class);
    private final Map<String, Integer> depths = new HashMap<>();
    private final Map<String, Set<String>> hostGroups = new TreeMap<>();
    private final Map<String, Set<String>> groupHosts = new HashMap<>();
    private final Map<String, List<VarsSource>> groupSources = new HashMap<>();
    private final List<VarsSource> hostSources = new ArrayList<>();
    private final List<VarsSource> anywhereSources = new ArrayList<>();
    private final List<Problem> problems;
    private final Set<String> files;
    private final Set<String> hostsFiles;
    private final Set<String> parsedFiles;
    private final Memo<String, Set<String>> ancestors = new Memo<>();

    Inventory(List<String> dirs, Set<String> groups, Map<String, Set<String>> children, Map<String, Set<String>> directGroups,
            List<VarsSource> sources, List<Problem> problems, Set<String> files, Set<String> hostsFiles) {
        this.dirs = List.copyOf(dirs);
        List<Problem> allProblems = new ArrayList<>(problems);
        groups.forEach(hierarchy::addVertex);
        children.forEach((parent, kids) -> kids.forEach(child -> {
            if (!addChild(parent, child)) {
                allProblems.add(new Problem(SourceLocation.of(String.join(", ", dirs)), child, "group '" + child
                        + "' cannot be a child of '" + parent + "': that makes a cycle",
                        "remove '" + child + "' from the children of '" + parent + "'"));
            }
        }));
        for (String group : groups) {
            if (!group.equals(ALL) && hierarchy.inDegreeOf(group) == 0) {
                hierarchy.addEdge(ALL, group);
            }
        }
        new TopologicalOrderIterator<>(hierarchy).forEachRemaining(group -> {
            int depth = depths.getOrDefault(group, 0);
            depths.putIfAbsent(group, depth);
            hierarchy.outgoingEdgesOf(group).forEach(edge ->
                    depths.merge(hierarchy.getEdgeTarget(edge), depth + 1, Math::max));
        });
        directGroups.forEach((host, hostsGroups) -> {
            Set<String> direct = new TreeSet<>(hostsGroups);
            if (direct.stream().allMatch(group -> group.equals(ALL) || group.equals(UNGROUPED))) {
                direct.add(UNGROUPED);
            }
            hostGroups.put(host, Collections.unmodifiableSet(direct));
            direct.forEach(group -> groupHosts.computeIfAbsent(group, key -> new TreeSet<>()).add(host));
        });
        for (VarsSource source : sources) {
            if (source.scope() == Scope.ANYWHERE) {
                anywhereSources.add(source);
            } else if (source.scope() == Scope.HOST) {
                hostSources.add(source);
            } else {
                groupSources.computeIfAbsent(source.owner(), key -> new ArrayList<>()).add(source);
            }
        }
        this.problems = List.copyOf(allProblems);
        this.files = Set.copyOf(files);
        this.hostsFiles = Set.copyOf(hostsFiles);
        Set<String> parsed = new TreeSet<>(hostsFiles);
        sources.forEach(source -> parsed.add(source.file()));
        this.parsedFiles = Collections.unmodifiableSet(parsed);
    }

    /**
     * The files Strata reads as Ansible loads them: the hosts files and the group_vars and
     * host_vars files Ansible reads. Every value they define is tracked, so a build that reads
     * them reads nothing the analysis does not know.
     */
    public Set<String> parsedFiles() {
        return parsedFiles;
    }

    /** Adds a parent-child edge; false when it would make a cycle ({@code all} is never a child). */
    private boolean addChild(String parent, String child) {
        if (child.equals(ALL)) {
            return false;
        }
        try {
            hierarchy.addEdge(parent, child);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Reads the inventory in a directory of a tree. Never throws on bad content: unreadable files
     * are {@link #problems()} and count as opaque sources.
     *
     * @param dir the repository-relative inventory directory ("" for the root)
     */
    public static Inventory load(SourceTree tree, String dir) {
        return load(tree, List.of(dir), new ParsedVarsFiles());
    }

    /**
     * Reads the inventory in some directories of a tree, in order (as Ansible reads repeated
     * {@code -i} sources: within one precedence level a later directory's value wins), as
     * {@link #load(SourceTree, String)} does one, taking the vars files that another load (of
     * another revision) parsed already from {@code parsed}.
     */
    public static Inventory load(SourceTree tree, List<String> dirs, ParsedVarsFiles parsed) {
        return InventoryLoader.load(tree, dirs.stream().map(dir -> dir.isEmpty() ? "" : RepoPaths.normalize("", dir).orElse(dir))
                .toList(), parsed);
    }

    /** The files that could not be read, each with file, line and a hint. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * The groups a build container in these groups sees: the groups, their ancestors and
     * {@code all}. A group the inventory does not declare still counts as itself.
     */
    public Set<String> visibleGroups(Collection<String> containerGroups) {
        Set<String> visible = new TreeSet<>();
        containerGroups.forEach(group -> visible.addAll(withAncestors(group)));
        visible.add(ALL);
        return Collections.unmodifiableSet(visible);
    }

    /**
     * The effective inventory variables of a build container that is a member of exactly these
     * groups, with Ansible's precedence: groups ordered {@code all} first, then by depth (parent
     * before child), {@code ansible_group_priority} and name; the variables that hosts files give
     * groups lowest, in that order, then the group_vars files in that order; later wins. host_vars
     * never apply (the container is not one of the site's hosts).
     */
    public Map<String, VariableDefinition> variablesFor(Collection<String> containerGroups) {
        Map<String, VariableDefinition> variables = new LinkedHashMap<>();
        effective(containerGroups).forEach((name, placed) -> variables.put(name, placed.definition()));
        return Collections.unmodifiableMap(variables);
    }

    @Override
    public Set<String> groupNames() {
        return Collections.unmodifiableSet(new TreeSet<>(hierarchy.vertexSet()));
    }

    @Override
    public Set<String> hostNames() {
        return Collections.unmodifiableSet(hostGroups.keySet());
    }

    @Override
    public Set<String> hostsOf(String group) {
        if (!hierarchy.containsVertex(group)) {
            return Set.of();
        }
        if (group.equals(ALL)) {
            return hostNames();
        }
        Set<String> hosts = new TreeSet<>(groupHosts.getOrDefault(group, Set.of()));
        hierarchy.getDescendants(group).forEach(child -> hosts.addAll(groupHosts.getOrDefault(child, Set.of())));
        return Collections.unmodifiableSet(hosts);
    }

    @Override
    public Set<String> withAncestors(String group) {
        return ancestors.get(group, this::findAncestors);
    }

    private Set<String> findAncestors(String group) {
        Set<String> groups = new TreeSet<>();
        groups.add(group);
        groups.add(ALL);
        if (hierarchy.containsVertex(group)) {
            groups.addAll(hierarchy.getAncestors(group));
        }
        return Collections.unmodifiableSet(groups);
    }

    /**
     * The effective definitions by name, each with its source, in Ansible's default
     * {@code VARIABLE_PRECEDENCE}: the hosts files' group variables of every visible group in
     * group order (a group's values from all folders merged, a later folder's winning); then
     * {@code group_vars/all} of each folder in order; then each folder's group_vars of the other
     * visible groups, folder after folder, each in group order (Ansible combines its vars plugin's
     * results per inventory source, so a later folder's value wins over any group of an earlier
     * one).
     */
    Map<String, Placed> effective(Collection<String> containerGroups) {
        Map<String, Placed> variables = new TreeMap<>();
        List<String> order = precedence(containerGroups);
        for (String group : order) {
            place(group, Scope.INVENTORY_GROUP, null, variables);
        }
        for (String folder : dirs) {
            place(ALL, Scope.GROUP_VARS, folder, variables);
        }
        for (String folder : dirs) {
            for (String group : order) {
                if (!group.equals(ALL)) {
                    place(group, Scope.GROUP_VARS, folder, variables);
                }
            }
        }
        return variables;
    }

    /**
     * Puts a group's definitions of one scope (and, when given, from one folder) over those already
     * placed. A hosts file's {@code ansible_group_priority} sets the group's priority and is no
     * variable, as in Ansible (in group_vars it is an ordinary variable).
     */
    private void place(String group, Scope scope, String folder, Map<String, Placed> variables) {
        for (VarsSource source : groupSources.getOrDefault(group, List.of())) {
            if (source.scope() == scope && (folder == null || folder.equals(folderOf(source.file())))) {
                source.variables().forEach((name, definition) -> {
                    if (scope != Scope.INVENTORY_GROUP || !name.equals(GROUP_PRIORITY)) {
                        variables.put(name, new Placed(definition, source));
                    }
                });
            }
        }
    }

    /** The innermost of the inventory's folders that holds a file; null when none does. */
    String folderOf(String file) {
        String found = null;
        for (String dir : dirs) {
            if ((dir.isEmpty() || file.startsWith(dir + "/")) && (found == null || dir.length() > found.length())) {
                found = dir;
            }
        }
        return found;
    }

    /** The opaque sources that may define variables for a container in these groups. */
    List<VarsSource> opaqueSourcesFor(Collection<String> containerGroups) {
        List<VarsSource> opaque = new ArrayList<>(anywhereSources);
        for (String group : visibleGroups(containerGroups)) {
            groupSources.getOrDefault(group, List.of()).stream().filter(VarsSource::opaque).forEach(opaque::add);
        }
        return opaque;
    }

    /** The visible groups from lowest to highest precedence. */
    private List<String> precedence(Collection<String> containerGroups) {
        List<String> order = new ArrayList<>(visibleGroups(containerGroups));
        order.sort(Comparator.comparing((String group) -> !group.equals(ALL))
                .thenComparing(group -> depths.getOrDefault(group, 1))
                .thenComparing(this::priority)
                .thenComparing(Comparator.naturalOrder()));
        return order;
    }

    private int priority(String group) {
        int priority = DEFAULT_PRIORITY;
        for (VarsSource source : groupSources.getOrDefault(group, List.of())) {
            VariableDefinition definition = source.variables().get(GROUP_PRIORITY);
            if (source.scope() == Scope.INVENTORY_GROUP && definition != null) {
                priority = definition.value() instanceof Number number ? number.intValue()
                        : parseOr(String.valueOf(definition.value()), priority);
            }
        }
        return priority;
    }

    private static int parseOr(String text, int fallback) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    Map<String, Set<String>> hostGroups() {
        return hostGroups;
    }

    List<VarsSource> hostSources() {
        return hostSources;
    }

    List<VarsSource> anywhereSources() {
        return anywhereSources;
    }

    Set<String> hostsFiles() {
        return hostsFiles;
    }

    /** Every file of the inventory directory that could be an inventory file, read or not. */
    Set<String> files() {
        return files;
    }
}
