package io.strata.engine.impact;

import io.strata.engine.ansible.AnalysisCache;
import io.strata.engine.ansible.AnalysisDepth;
import io.strata.engine.ansible.AnsibleCfgSettings;
import io.strata.engine.ansible.Closure;
import io.strata.engine.ansible.ExternalDependency;
import io.strata.engine.ansible.Input;
import io.strata.engine.ansible.Uncertainty;
import io.strata.engine.ansible.Wildcard;
import io.strata.engine.change.ChangeSet;
import io.strata.engine.graph.LayerNode;
import io.strata.engine.graph.NodeId;
import io.strata.engine.inventory.InventoryDiff;
import io.strata.engine.inventory.VariableChange;
import io.strata.engine.inventory.VariableDefinition;
import io.strata.engine.parallel.Identity;
import io.strata.engine.parallel.Memo;
import io.strata.engine.site.SiteSnapshot;
import io.strata.engine.source.SourceTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The directly affected nodes of one change set, with their reasons (rules 1 to 6). */
final class ChangeAnalysis {

    /** The variables some closures read, followed through the inventory of a container in these groups. */
    private record ReachKey(List<Identity<Closure>> closures, List<String> groups) {
        // A hash key of the analysis: the generated equals and hashCode run through method handles,
        // slow in a short run (docs/benchmarks.md).
        @Override
        public boolean equals(Object object) {
            return object instanceof ReachKey other && closures.equals(other.closures) && groups.equals(other.groups);
        }

        @Override
        public int hashCode() {
            return 31 * closures.hashCode() + groups.hashCode();
        }
    }

    private static final String ANSIBLE_CFG = "ansible.cfg";

    private final SiteSnapshot base;
    private final SiteSnapshot head;
    private final ChangeSet change;
    private final Set<String> paths;
    private final NodeClosures baseClosures;
    private final NodeClosures headClosures;
    private final InventoryDiff inventoryDiff;
    /** Whether both revisions group the hosts alike (what plays' host patterns see). */
    private final boolean hostsAlike;
    private final boolean sameFilesAndHosts;
    private final boolean everyReason;
    private final Memo<List<String>, Map<String, VariableDefinition>> baseVariables = new Memo<>();
    private final Memo<List<String>, Map<String, VariableDefinition>> headVariables = new Memo<>();
    private final Memo<Identity<Closure>, List<Reason>> fileMatches = new Memo<>();
    private final Memo<List<String>, List<VariableChange>> variableChanges = new Memo<>();
    private final Memo<ReachKey, Map<String, String>> reached = new Memo<>();

    ChangeAnalysis(SiteSnapshot base, SiteSnapshot head, ChangeSet change, AnalysisCache cache, boolean everyReason) {
        this.base = base;
        this.head = head;
        this.change = change;
        this.paths = changedPaths(change);
        this.baseClosures = new NodeClosures(base, cache);
        this.headClosures = new NodeClosures(head, cache);
        this.inventoryDiff = inventoryTouched() ? diffInventory() : null;
        this.hostsAlike = inventoryDiff == null || !inventoryDiff.membershipChanged();
        this.sameFilesAndHosts = hostsAlike && sameFiles(change.base(), change.head());
        this.everyReason = everyReason;
    }

    void run(Map<NodeId, List<Reason>> direct, Map<NodeId, String> unaffected) {
        head.graph().topologicalOrder().parallelStream().forEach(id -> {
            List<Reason> reasons = new ArrayList<>();
            String why = analyse(head.graph().node(id), reasons);
            if (reasons.isEmpty()) {
                unaffected.put(id, why);
            } else {
                direct.put(id, List.copyOf(reasons));
            }
        });
    }

    /** Adds the node's reasons; returns why it is not affected when none is found. */
    private String analyse(LayerNode node, List<Reason> reasons) {
        NodeId id = node.id();
        reasons.addAll(DefinitionDiff.reasons(id, base.graph(), head.graph()));
        if (node.isRoot() && change.repo() == null) {
            String before = base.graph().contains(id) ? base.packagesFile(id) : null;
            PackageListDiff.reason(id.toString(), before, base.trees().main(), head.packagesFile(id), head.trees().main())
                    .ifPresent(reasons::add);
        }
        boolean touchesRepo = Objects.equals(change.repo(), node.repo()) && !paths.isEmpty();
        if (!touchesRepo && inventoryDiff == null) {
            return "the change touches neither " + repoName(node.repo()) + " nor the inventory";
        }
        // Cheapest first: the changed files the node's roles hold (a part of its closure found
        // without reading task files, vars files or templates) already make it rebuild; then the
        // whole head closure; the base closure (which can only add reasons) only when neither
        // affects the node and it may differ from the head closure.
        if (touchesRepo && !everyReason) {
            Optional<Closure> roles = headClosures.of(node, AnalysisDepth.ROLES);
            if (roles.isPresent()) {
                fileReasons(node, List.of(roles.get()), reasons);
                if (!reasons.isEmpty()) {
                    return "";
                }
            }
        }
        Optional<Closure> after = headClosures.of(node);
        List<Closure> closures = after.map(List::of).orElse(List.of());
        closureReasons(node, closures, touchesRepo, reasons);
        if (reasons.isEmpty() && !sameWalk(node)) {
            Optional<Closure> before = baseClosures.of(node);
            closures = Stream.concat(before.stream(), closures.stream()).toList();
            closureReasons(node, closures, touchesRepo, reasons);
            if (reasons.isEmpty() && before.isPresent() && after.isPresent()) {
                pulledInReason(node, before.get(), after.get()).ifPresent(reasons::add);
            }
        }
        int inputs = closures.stream().mapToInt(c -> c.inputs().size()).max().orElse(0);
        return "none of the " + inputs + " files its playbook pulls in changed, and no inventory variable it reads changed";
    }

    /**
     * Why the node is rebuilt when its playbook pulls in other files at the two revisions though
     * none of them changed: a play whose {@code hosts:} pattern names hosts reaches the container
     * at one revision only, once the inventory moved those hosts between groups.
     */
    private Optional<Reason> pulledInReason(LayerNode node, Closure before, Closure after) {
        Optional<String> gone = before.inputs().keySet().stream().filter(p -> !after.inputs().containsKey(p)).findFirst();
        Optional<String> come = after.inputs().keySet().stream().filter(p -> !before.inputs().containsKey(p)).findFirst();
        if (gone.isEmpty() && come.isEmpty()) {
            return Optional.empty();
        }
        String example = gone.map(p -> p + " at the base revision only").orElseGet(() -> come.get() + " at the head revision only");
        String kind = hostsAlike ? "file" : "groups";
        String why = kind.equals("groups") ? "the inventory moved hosts, and a play's hosts pattern reaches the container"
                + " at one revision only" : "the files it pulls in differ between the revisions";
        return Optional.of(new Reason(kind, gone.orElseGet(come::get), node.playbook() + " pulls in other files for "
                + node.id() + " though none of them changed (" + example + "): " + why));
    }

    /**
     * Whether the node's base closure is sure to be its head closure, once the head closure gave
     * no reason: then the head closure pulls in no changed file (nor a glob that may name one)
     * and the node's definition is unchanged; if besides both revisions hold the same files
     * (only contents changed), group the hosts alike and pin the same external roles, a walk of
     * the base reads the same files with the same contents, finds the same ones and follows the
     * same plays.
     */
    private boolean sameWalk(LayerNode node) {
        return sameFilesAndHosts && baseClosures.requirements(node).equals(headClosures.requirements(node));
    }

    /** Whether two trees hold the same paths. */
    private static boolean sameFiles(SourceTree before, SourceTree after) {
        if (before == after) {
            return true;
        }
        if (before.files().size() != after.files().size()) {
            return false;
        }
        Iterator<String> paths = after.files().iterator();
        for (String path : before.files()) {
            if (!path.equals(paths.next())) {
                return false;
            }
        }
        return true;
    }

    private void closureReasons(LayerNode node, List<Closure> closures, boolean touchesRepo, List<Reason> reasons) {
        if (touchesRepo) {
            fileReasons(node, closures, reasons);
            requirementReasons(node, closures, reasons);
        }
        if (inventoryDiff != null) {
            inventoryReasons(node, closures, reasons);
        }
    }

    private void fileReasons(LayerNode node, List<Closure> closures, List<Reason> reasons) {
        // A node without a playbook runs no Ansible: the configuration does not reach it.
        boolean configChanged = node.playbook() != null && paths.contains(ANSIBLE_CFG);
        Set<String> matched = new TreeSet<>();
        if (configChanged) {
            matched.add(ANSIBLE_CFG);
        }
        for (Closure closure : closures) {
            for (Reason reason : fileMatches.get(new Identity<>(closure), key -> matches(key.value()))) {
                if (matched.add(reason.file())) {
                    reasons.add(reason);
                }
            }
        }
        if (configChanged) {
            reasons.add(new Reason("config", ANSIBLE_CFG, "the Ansible configuration of " + repoName(node.repo())
                    + " changes how " + node.playbook() + " runs"));
        }
        Set<String> seen = new TreeSet<>();
        for (Closure closure : closures) {
            for (Uncertainty uncertainty : closure.uncertainties()) {
                if (seen.add(uncertainty.path())) {
                    reasons.add(new Reason("unparseable", uncertainty.path(), uncertainty.detail()
                            + "; any change in " + repoName(node.repo()) + " may reach it"));
                }
            }
        }
    }

    /** The changed paths one closure pulls in, each as a reason (computed once per closure). */
    private List<Reason> matches(Closure closure) {
        Set<String> candidates = paths;
        if (closure.wildcards().isEmpty() && closure.inputs().size() < paths.size()) {
            // Fewer inputs than changed paths: the same matches, found from the inputs' side.
            candidates = new TreeSet<>();
            for (String input : closure.inputs().keySet()) {
                if (paths.contains(input)) {
                    candidates.add(input);
                }
            }
        }
        List<Reason> reasons = new ArrayList<>();
        for (String path : candidates) {
            Input input = closure.inputs().get(path);
            if (input != null) {
                reasons.add(new Reason(input.kind(), path, input.detail()));
                continue;
            }
            for (Wildcard wildcard : closure.wildcards()) {
                if (wildcard.matches(path)) {
                    reasons.add(new Reason(wildcard.kind(), path, wildcard.detail()
                            + " (dynamic path " + wildcard.glob() + " may name it)"));
                    break;
                }
            }
        }
        return List.copyOf(reasons);
    }

    private void requirementReasons(LayerNode node, List<Closure> closures, List<Reason> reasons) {
        Map<String, String> pinnedBefore = baseClosures.requirements(node);
        Map<String, String> pinnedAfter = headClosures.requirements(node);
        if (pinnedBefore.equals(pinnedAfter)) {
            return;
        }
        Set<String> seen = new TreeSet<>();
        for (Closure closure : closures) {
            for (ExternalDependency dependency : closure.externals()) {
                String name = dependency.name();
                if (seen.add(name) && !Objects.equals(pinnedBefore.get(name), pinnedAfter.get(name))) {
                    reasons.add(new Reason("external", null, dependency.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + name
                            + " pinned version changed from " + pinnedBefore.getOrDefault(name, "(none)") + " to "
                            + pinnedAfter.getOrDefault(name, "(none)") + "; " + dependency.detail()));
                }
            }
        }
    }

    private void inventoryReasons(LayerNode node, List<Closure> closures, List<Reason> reasons) {
        List<String> groups = node.groups();
        boolean hostFacts = closures.stream().anyMatch(c -> c.variables().hostFacts());
        if (inventoryDiff.visibleGroupsChanged(groups)) {
            reasons.add(new Reason("groups", null, "the groups " + node.id() + "'s container sees changed from "
                    + base.inventory().visibleGroups(groups) + " to " + head.inventory().visibleGroups(groups)));
        }
        if (hostFacts && inventoryDiff.hostsChanged()) {
            reasons.add(new Reason("groups", null, "inventory hosts changed and " + node.playbook()
                    + " reads hostvars or groups[...]"));
        }
        List<VariableChange> changes = variableChanges.get(groups, inventoryDiff::changedFor);
        if (changes.isEmpty()) {
            return;
        }
        Map<String, String> reached = this.reached.get(
                new ReachKey(closures.stream().map(Identity::new).toList(), groups),
                key -> reachedVariables(groups, closures));
        boolean dynamic = closures.stream().anyMatch(c -> c.variables().dynamic());
        Optional<ExternalDependency> opaqueRole = closures.stream().flatMap(c -> c.externals().stream())
                .filter(d -> d.kind() == ExternalDependency.Kind.ROLE && !d.sourcesAvailable()).findFirst();
        for (VariableChange variable : changes) {
            if (variable.kind() == VariableChange.Kind.UNKNOWN) {
                reasons.add(new Reason("variable", variable.file(), variable.detail() + "; " + node.id() + " sees it: pass"
                        + " the base and head revisions for value-level precision"));
            } else if (variable.kind() == VariableChange.Kind.OPAQUE) {
                reasons.add(new Reason("vault", variable.file(), variable.detail() + "; it may define or change any variable "
                        + node.id() + " sees"));
            } else if (reached.containsKey(variable.name())) {
                reasons.add(new Reason("variable", variable.file(), variable.detail() + "; read by " + node.playbook()
                        + " or its roles" + reached.get(variable.name())));
            } else if (dynamic) {
                reasons.add(new Reason("dynamic", variable.file(), variable.detail() + "; " + node.playbook()
                        + " reads variables by computed names (vars[...] or lookup('vars', ...))"));
            } else if (opaqueRole.isPresent()) {
                reasons.add(new Reason("external", variable.file(), variable.detail() + "; " + opaqueRole.get().name()
                        + " is not in the repository and may read it (" + opaqueRole.get().detail() + ")"));
            }
        }
    }

    /**
     * The variables a node's playbook reads, directly or through inventory variables whose values
     * name them; each maps to "" or to the chain ", through b".
     */
    private Map<String, String> reachedVariables(List<String> groups, List<Closure> closures) {
        Map<String, String> reached = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (Closure closure : closures) {
            for (String name : closure.variables().names()) {
                if (reached.putIfAbsent(name, "") == null) {
                    queue.add(name);
                }
            }
        }
        List<Map<String, VariableDefinition>> definitions = List.of(
                baseVariables.get(groups, base.inventory()::variablesFor), headVariables.get(groups, head.inventory()::variablesFor));
        while (!queue.isEmpty()) {
            String name = queue.poll();
            for (Map<String, VariableDefinition> defined : definitions) {
                VariableDefinition definition = defined.get(name);
                if (definition == null) {
                    continue;
                }
                for (String used : definition.uses().names()) {
                    if (!reached.containsKey(used)) {
                        reached.put(used, ", through " + name + reached.get(name));
                        queue.add(used);
                    }
                }
            }
        }
        return reached;
    }

    /**
     * The paths the change touches, without {@code ansible.cfg} when both revisions hold the same
     * settings in it (comments, blank lines or spacing changed): no run is configured otherwise.
     */
    private static Set<String> changedPaths(ChangeSet change) {
        Set<String> paths = change.paths();
        if (!paths.contains(ANSIBLE_CFG) || !change.precise() || !AnsibleCfgSettings.same(change.base(), change.head())) {
            return paths;
        }
        Set<String> settingsChanged = new TreeSet<>(paths);
        settingsChanged.remove(ANSIBLE_CFG);
        return settingsChanged;
    }

    private boolean inventoryTouched() {
        String repo = head.inventoryRepo();
        if (!Objects.equals(change.repo(), repo) || paths.isEmpty()) {
            return false;
        }
        List<String> folders = Stream.concat(head.inventoryDirs().stream(), base.inventoryDirs().stream()).distinct().toList();
        if (repo != null || folders.contains("")) {
            return true;
        }
        return paths.stream().anyMatch(p -> folders.stream().anyMatch(folder -> p.startsWith(folder + "/")));
    }

    private InventoryDiff diffInventory() {
        return change.precise()
                ? InventoryDiff.between(base.inventory(), head.inventory())
                : InventoryDiff.ofPaths(head.inventory(), paths);
    }

    private static String repoName(String repo) {
        return repo == null ? "the site repository" : "repository '" + repo + "'";
    }
}
