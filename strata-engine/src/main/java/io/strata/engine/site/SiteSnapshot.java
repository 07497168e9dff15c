package io.strata.engine.site;

import io.strata.engine.config.ConfigException;
import io.strata.engine.config.InventorySettings;
import io.strata.engine.config.LayersConfig;
import io.strata.engine.config.Problem;
import io.strata.engine.config.SourceLocation;
import io.strata.engine.graph.LayerGraph;
import io.strata.engine.graph.LayerGraphBuilder;
import io.strata.engine.graph.LayerNode;
import io.strata.engine.graph.NodeId;
import io.strata.engine.inventory.Inventory;
import io.strata.engine.inventory.ParsedVarsFiles;
import io.strata.engine.source.DirectorySourceTree;
import io.strata.engine.source.EmptySourceTree;
import io.strata.engine.source.RepoPaths;
import io.strata.engine.source.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A site at one revision: its layers file parsed, the node graph, the inventory, and the trees
 * the nodes' playbooks are read from. The layers file lies at the root of the main tree.
 */
public final class SiteSnapshot {

    /** The package list a root without {@code packages} uses, beside the layers file. */
    public static final String DEFAULT_PACKAGES = "packages.yaml";

    private final SiteTrees trees;
    private final LayersConfig config;
    private final LayerGraph graph;
    private final SourceTree inventoryTree;
    private final List<String> inventoryDirs;
    private final String inventoryRepo;
    private final Inventory inventory;

    private SiteSnapshot(SiteTrees trees, LayersConfig config, LayerGraph graph, ParsedVarsFiles varsFiles) {
        this.trees = trees;
        this.config = config;
        this.graph = graph;
        InventorySettings settings = config.inventory();
        if (settings == null || settings.paths().isEmpty()) {
            inventoryRepo = null;
            inventoryTree = EmptySourceTree.INSTANCE;
            inventoryDirs = List.of("");
        } else if (settings.repoName() != null && trees.repos().containsKey(settings.repoName())) {
            inventoryRepo = settings.repoName();
            inventoryTree = trees.repos().get(inventoryRepo);
            inventoryDirs = List.of("");
        } else {
            inventoryRepo = null;
            inventoryTree = trees.main();
            inventoryDirs = settings.paths().stream()
                    .map(path -> RepoPaths.normalize("", path).orElse(path)).toList();
        }
        this.inventory = Inventory.load(inventoryTree, inventoryDirs, varsFiles);
    }

    /**
     * Reads the layers file {@code configFile} at the root of the main tree and builds the graph.
     *
     * @throws ConfigException when the file is missing or breaks a rule
     */
    public static SiteSnapshot load(String configFile, SiteTrees trees) {
        return load(configFile, trees, new ParsedVarsFiles());
    }

    /**
     * Reads the layers file as {@link #load(String, SiteTrees)}, taking the inventory vars files
     * that the load of another revision parsed already from {@code varsFiles}.
     *
     * @throws ConfigException when the file is missing or breaks a rule
     */
    public static SiteSnapshot load(String configFile, SiteTrees trees, ParsedVarsFiles varsFiles) {
        byte[] bytes = trees.main().read(configFile).orElseThrow(() -> new ConfigException(new Problem(
                SourceLocation.of(configFile), "", "no layers file at this revision",
                "create " + configFile + " at the site's root, or give the path of the site's layers file")));
        LayerGraph graph = LayerGraphBuilder.load(configFile, bytes);
        return new SiteSnapshot(trees, graph.config(), graph, varsFiles);
    }

    /** The parsed layers file. */
    public LayersConfig config() {
        return config;
    }

    /** The node graph. */
    public LayerGraph graph() {
        return graph;
    }

    /** The site's trees. */
    public SiteTrees trees() {
        return trees;
    }

    /** The inventory (empty when the site has none). */
    public Inventory inventory() {
        return inventory;
    }

    /** The repository holding the inventory: null when it is a folder of the main repository. */
    public String inventoryRepo() {
        return inventoryRepo;
    }

    /**
     * The inventory's folders in its repository, in the order Ansible reads them ("" for a whole
     * repository); one unless the layers file lists several.
     */
    public List<String> inventoryDirs() {
        return inventoryDirs;
    }

    /** The tree a node's playbook and roles are read from. */
    public SourceTree repoTree(NodeId id) {
        LayerNode node = graph.node(id);
        return trees.repo(node.repo(), node.layer().location());
    }

    /** The package list file of a root (null when it has none); main-repository relative. */
    public String packagesFile(NodeId id) {
        LayerNode node = graph.node(id);
        if (!node.isRoot()) {
            return null;
        }
        if (node.entry().packages() != null) {
            return node.entry().packages();
        }
        return trees.main().isFile(DEFAULT_PACKAGES) ? DEFAULT_PACKAGES : null;
    }

    /**
     * Checks that each file the layers file names exists: playbooks in their repositories,
     * package lists, the inventory folder, and that repositories are mapped.
     */
    public List<Problem> checkFiles() {
        List<Problem> problems = new ArrayList<>();
        for (NodeId id : graph.topologicalOrder()) {
            LayerNode node = graph.node(id);
            if (!trees.has(node.repo())) {
                problems.add(new Problem(node.layer().location(), "repo", "repository '" + node.repo() + "' of layer '"
                        + id.layer() + "' has no checkout", "map it to its checkout: under settings.repos, or with the repository folders given with the request"));
                continue;
            }
            SourceTree tree = repoTree(id);
            if (node.playbook() != null && !tree.isFile(node.playbook())) {
                problems.add(new Problem(node.entry().location(), "pb", "playbook '" + node.playbook() + "' of " + id
                        + " " + whyNotAFile(tree, node.playbook()) + " in "
                        + (node.repo() == null ? "the site repository" : "repository '" + node.repo() + "'"),
                        "create it or correct the path (relative to the repository's root)"));
            }
            if (node.entry().packages() != null && !trees.main().isFile(node.entry().packages())) {
                problems.add(new Problem(node.entry().location(), "packages", "package list '" + node.entry().packages()
                        + "' of " + id + " " + whyNotAFile(trees.main(), node.entry().packages()),
                        "create it or correct the path (relative to the layers file)"));
            }
        }
        InventorySettings settings = config.inventory();
        if (settings != null && inventoryRepo == null) {
            for (int i = 0; i < settings.paths().size(); i++) {
                String dir = inventoryDirs.get(i);
                if (!dir.isEmpty() && inventoryTree.isFile(dir)) {
                    String path = settings.paths().get(i);
                    String parent = RepoPaths.parent(dir);
                    String folder = parent.isEmpty() ? "." : parent;
                    problems.add(new Problem(settings.location(), "path", "inventory path '" + path + "' is a file; Strata reads"
                            + " an inventory folder (its hosts files, group_vars and host_vars)", "give the folder, path: '" + folder
                            + "', if its other files are no inventory sources Ansible would misread; else move the hosts file into"
                            + " a folder of its own with its group_vars"));
                } else if (!dir.isEmpty() && !inventoryTree.isDirectory(dir)) {
                    String path = settings.paths().get(i);
                    problems.add(new Problem(settings.location(), "path", "inventory folder '" + path + "' does not exist",
                            settings.repoName() == null ? "create it or correct the path (relative to the layers file)"
                                    : "create it, correct the path, or map the inventory repository '" + path + "' to its checkout"));
                }
            }
        }
        problems.addAll(inventory.problems());
        return problems;
    }

    /**
     * Groups that nodes join but the inventory does not define: a typo there would build the
     * node silently without the group's variables. None when the site names no inventory or its
     * inventory cannot be read. Validation and builds refuse them; an impact analysis does not
     * (a change may add a group to both files, and the contract's rules apply either way).
     */
    public List<Problem> unknownGroups() {
        InventorySettings settings = config.inventory();
        if (settings == null || settings.path() == null || !inventory.problems().isEmpty() || missingFolder()) {
            return List.of();
        }
        Set<String> known = inventory.groupNames();
        List<Problem> problems = new ArrayList<>();
        for (NodeId id : graph.topologicalOrder()) {
            for (String group : graph.node(id).groups()) {
                if (!known.contains(group)) {
                    problems.add(new Problem(graph.node(id).entry().location(), "groups", "group '" + group + "' of " + id
                            + " is not in the inventory '" + config.inventory().path() + "' (its groups: "
                            + names(known) + ")", "correct the name, or define the group in the inventory"));
                }
            }
        }
        return problems;
    }

    /** Whether an inventory folder of the main repository is missing (checkFiles names it; its groups are unknown). */
    private boolean missingFolder() {
        return inventoryRepo == null && inventoryDirs.stream().anyMatch(dir -> !dir.isEmpty() && !inventoryTree.isDirectory(dir));
    }

    private static String names(Set<String> names) {
        List<String> shown = names.stream().limit(20).toList();
        return String.join(", ", shown) + (names.size() > shown.size() ? ", ... (" + names.size() + " in all)" : "");
    }

    /**
     * Why a path a layer names is not a file of its tree, in words: it leaves the tree, is a
     * folder, is a symbolic link (to a place outside the tree), or does not exist.
     */
    static String whyNotAFile(SourceTree tree, String path) {
        if (path.startsWith("/") || ("/" + path + "/").contains("/../")) {
            return "leaves the repository ('..' or an absolute path; Strata reads only files inside it)";
        }
        if (tree.isDirectory(path)) {
            return "is a folder, not a file";
        }
        if (tree instanceof DirectorySourceTree directory) {
            Path file = directory.root().resolve(path);
            if (Files.isSymbolicLink(file)) {
                try {
                    Path target = file.toRealPath();
                    return target.startsWith(directory.root().toRealPath())
                            ? "is a symbolic link (to " + target + "); Strata reads regular files only, as git stores them"
                            : "is a symbolic link to " + target + ", outside the repository; Strata reads only files inside it";
                } catch (IOException e) {
                    return "is a symbolic link to a file that does not exist";
                }
            }
        }
        return "does not exist";
    }
}
