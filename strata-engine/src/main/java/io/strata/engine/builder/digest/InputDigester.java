package io.strata.engine.builder.digest;

import io.strata.engine.ansible.AnalysisCache;
import io.strata.engine.ansible.AnalysisTarget;
import io.strata.engine.ansible.Closure;
import io.strata.engine.ansible.ExternalDependency;
import io.strata.engine.ansible.PlaybookAnalyzer;
import io.strata.engine.ansible.Requirements;
import io.strata.engine.ansible.Uncertainty;
import io.strata.engine.ansible.Wildcard;
import io.strata.engine.builder.packages.PackageList;
import io.strata.engine.config.Problem;
import io.strata.engine.graph.LayerNode;
import io.strata.engine.graph.NodeId;
import io.strata.engine.inventory.Inventory;
import io.strata.engine.inventory.VariableDefinition;
import io.strata.engine.site.SiteSnapshot;
import io.strata.engine.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes a node's {@link InputDigest}: the parent image's ID, the node's definition in the
 * layers file, the visible groups, the tool versions and the connection, and then for a root its
 * package list (as parsed: reformatting changes nothing), for a layer the content of every file
 * its playbook pulls in at this revision (found by the engine's {@link PlaybookAnalyzer}), the
 * files its dynamic includes could match, the repository's {@code ansible.cfg}, the values of the
 * inventory variables it reads (and of the variables those read), pinned versions of external
 * roles and collections, and what the analysis could not see through.
 *
 * <p>Where the analysis cannot be sure it widens the inputs, never narrows them: a variable read
 * by a computed name, or an external role without sources, brings in every visible variable;
 * reading other hosts' data brings in every inventory file; vault-encrypted or unreadable
 * inventory files always count.
 */
public final class InputDigester {

    /** The first line of every digest: the format of the lines. */
    public static final String FORMAT = "strata-input-digest 1";

    private final SiteSnapshot site;
    private final AnalysisCache cache = new AnalysisCache();

    /** A digester of one site revision. */
    public InputDigester(SiteSnapshot site) {
        this.site = site;
    }

    /**
     * The digest of a node.
     *
     * @param id the node
     * @param parentImageId the parent image's ID ({@code sha256:...}), or null for a root
     * @param packages the root's package list (null for a layer, or a root without one)
     * @param tools the tool versions
     * @param connection the Ansible connection's name (layers only)
     */
    public InputDigest digest(NodeId id, String parentImageId, PackageList packages, ToolVersions tools, String connection) {
        LayerNode node = site.graph().node(id);
        Inventory inventory = site.inventory();
        List<String> lines = new ArrayList<>();
        lines.add(FORMAT);
        lines.add("node " + id);
        lines.add("parent " + (parentImageId == null ? "scratch" : parentImageId));
        lines.add("definition " + CanonicalJson.write(node.entry().buildInputs()));
        lines.add("groups " + CanonicalJson.write(new ArrayList<>(inventory.visibleGroups(node.groups()))));
        lines.add("tool strata " + tools.strata());
        lines.add("tool buildah " + tools.buildah());
        if (node.isRoot()) {
            if (packages != null) {
                lines.add("packages " + packages.file() + " " + CanonicalJson.write(packages.value()));
            }
        }
        if (node.playbook() != null) {
            lines.add("tool ansible " + tools.ansible());
            lines.add("connection " + connection);
            layerInputs(node, inventory, lines);
        }
        return new InputDigest(lines);
    }

    private void layerInputs(LayerNode node, Inventory inventory, List<String> lines) {
        SourceTree tree = site.repoTree(node.id());
        Set<String> visible = inventory.visibleGroups(node.groups());
        Closure closure = new PlaybookAnalyzer(tree, cache).analyze(node.playbook(), new AnalysisTarget(visible, inventory));
        Set<String> files = new TreeSet<>(closure.inputs().keySet());
        files.add(node.playbook());
        for (Wildcard wildcard : closure.wildcards()) {
            tree.files().stream().filter(wildcard::matches).forEach(files::add);
            lines.add("wildcard " + wildcard.glob());
        }
        if (tree.isFile("ansible.cfg")) {
            files.add("ansible.cfg");
        }
        for (String path : files) {
            lines.add(tree.read(path).map(bytes -> "file " + path + " " + InputDigest.sha256(bytes)).orElse("missing " + path));
        }
        boolean externalWithoutSources = false;
        if (!closure.externals().isEmpty()) {
            Map<String, String> pinned = Requirements.load(tree);
            for (ExternalDependency external : closure.externals()) {
                lines.add("external " + external.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + external.name()
                        + " " + pinned.getOrDefault(external.name(), "(unpinned)"));
                externalWithoutSources |= !external.sourcesAvailable();
            }
        }
        for (Uncertainty uncertainty : closure.uncertainties()) {
            lines.add("uncertain " + uncertainty.path() + ": " + uncertainty.detail().replace('\n', ' '));
        }
        Map<String, VariableDefinition> defined = inventory.variablesFor(node.groups());
        boolean everything = closure.variables().dynamic() || closure.variables().hostFacts() || externalWithoutSources;
        for (Map.Entry<String, VariableDefinition> variable : variables(closure, defined, everything).entrySet()) {
            lines.add("var " + variable.getKey() + " " + CanonicalJson.write(variable.getValue().value()));
        }
        inventoryFiles(inventory, closure.variables().hostFacts(), lines);
    }

    /** The inventory variables read, directly or through other inventory variables' values. */
    private static Map<String, VariableDefinition> variables(Closure closure, Map<String, VariableDefinition> defined,
            boolean everything) {
        if (everything) {
            return new TreeMap<>(defined);
        }
        Map<String, VariableDefinition> used = new TreeMap<>();
        Deque<String> names = new ArrayDeque<>(closure.variables().names());
        while (!names.isEmpty()) {
            String name = names.pop();
            VariableDefinition definition = defined.get(name);
            if (definition == null || used.containsKey(name)) {
                continue;
            }
            used.put(name, definition);
            if (definition.uses().dynamic()) {
                return new TreeMap<>(defined);
            }
            names.addAll(definition.uses().names());
        }
        return used;
    }

    /**
     * Inventory files that count whatever the playbook reads: vault-encrypted and unreadable ones
     * (they may define anything), and every file when other hosts' data is read.
     */
    private void inventoryFiles(Inventory inventory, boolean all, List<String> lines) {
        SourceTree tree = site.inventoryRepo() == null ? site.trees().main() : site.trees().repos().get(site.inventoryRepo());
        if (tree == null || site.config().inventory() == null) {
            return;
        }
        Set<String> unreadable = new TreeSet<>();
        for (Problem problem : inventory.problems()) {
            unreadable.add(problem.location().file());
        }
        Set<String> files = new TreeSet<>();
        site.inventoryDirs().forEach(dir -> files.addAll(tree.filesUnder(dir)));
        for (String path : files) {
            byte[] bytes = tree.read(path).orElse(new byte[0]);
            boolean vault = new String(bytes, 0, Math.min(bytes.length, 14), StandardCharsets.UTF_8).equals("$ANSIBLE_VAULT");
            if (all || vault || unreadable.contains(path)) {
                lines.add("inventory-file " + path + " " + InputDigest.sha256(bytes));
            }
        }
    }
}
