package io.strata.engine.inventory;

import io.strata.engine.config.Problem;
import io.strata.engine.config.SourceLocation;
import io.strata.engine.inventory.VarsSource.Scope;
import io.strata.engine.jinja.JinjaReferences;
import io.strata.engine.source.RepoPaths;
import io.strata.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Reads an inventory once: the hosts files (YAML or INI), group_vars and host_vars of each of its
 * folders, in order. Collects groups, hosts, variable sources and problems; never throws on bad
 * content.
 */
final class InventoryLoader {

    private static final String VAULT_HEADER = "$ANSIBLE_VAULT;";
    private static final List<String> VARS_EXTENSIONS = List.of("", "yml", "yaml", "json");
    private static final Set<String> YAML_EXTENSIONS = Set.of("yml", "yaml", "json");
    /**
     * Extensions Ansible skips in an inventory directory ({@code INVENTORY_IGNORE_EXTS}: its
     * {@code REJECT_EXTS}, {@code .orig}, {@code .cfg}, {@code .retry}), and documentation and
     * templates. {@code .ini} is read: ansible-core 2.19 and later read it, earlier versions skip
     * it, and reading it is the side that never misses a host or a value that may count.
     */
    private static final Set<String> NOT_INVENTORY_EXTENSIONS = Set.of("md", "rst", "txt", "adoc", "orig", "bak",
            "retry", "pyc", "pyo", "swp", "rpm", "cfg", "j2");

    /** A vars file of one group or host, with its place in Ansible's load order. */
    private record VarsFile(String path, String owner, int extensionRank, List<String> segments) {
    }

    private static final Comparator<VarsFile> LOAD_ORDER = Comparator.comparing(VarsFile::segments,
            InventoryLoader::compareSegments);

    private final SourceTree tree;
    private final List<String> dirs;
    private final ParsedVarsFiles parsed;
    private final InventoryYaml yaml = new InventoryYaml();
    private final Set<String> groups = new TreeSet<>(List.of("all", "ungrouped"));
    private final Map<String, Set<String>> children = new HashMap<>();
    private final Map<String, Set<String>> hostGroups = new TreeMap<>();
    private final Map<List<String>, Map<String, VariableDefinition>> inline = new LinkedHashMap<>();
    private final List<VarsSource> sources = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> files = new HashSet<>();
    private final Set<String> opaqueHostsFiles = new LinkedHashSet<>();
    private final Set<String> hostsFiles = new TreeSet<>();

    private InventoryLoader(SourceTree tree, List<String> dirs, ParsedVarsFiles parsed) {
        this.tree = tree;
        this.dirs = dirs;
        this.parsed = parsed;
    }

    /**
     * Reads the inventory in {@code dirs} ("" for the root), in order, taking vars files already
     * parsed from {@code parsed}.
     */
    static Inventory load(SourceTree tree, List<String> dirs, ParsedVarsFiles parsed) {
        InventoryLoader loader = new InventoryLoader(tree, dirs, parsed);
        loader.readAll();
        return loader.build();
    }

    /**
     * Reads every folder's hosts files, then their group_vars and host_vars, each pass in the
     * folders' order ({@link Inventory} applies Ansible's precedence to the sources).
     */
    private void readAll() {
        List<Map<String, List<VarsFile>>> groupVars = new ArrayList<>();
        List<Map<String, List<VarsFile>>> hostVars = new ArrayList<>();
        for (String dir : dirs) {
            Map<String, List<VarsFile>> groups = new TreeMap<>();
            Map<String, List<VarsFile>> hosts = new TreeMap<>();
            readFolder(dir, groups, hosts);
            groupVars.add(groups);
            hostVars.add(hosts);
        }
        inline.forEach((key, variables) -> sources.add(new VarsSource(key.get(0), Scope.valueOf(key.get(1)), key.get(2),
                Collections.unmodifiableMap(variables), null, null)));
        opaqueHostsFiles.forEach(file -> sources.add(opaque(file, Scope.ANYWHERE, "", "unreadable as an inventory")));
        groupVars.forEach(byOwner -> readVarsFiles(byOwner, Scope.GROUP_VARS));
        hostVars.forEach(byOwner -> readVarsFiles(byOwner, Scope.HOST));
    }

    /** Reads one folder's hosts files and collects its vars files. */
    private void readFolder(String dir, Map<String, List<VarsFile>> groupVars, Map<String, List<VarsFile>> hostVars) {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        for (String path : dir.isEmpty() ? tree.files() : tree.filesUnder(dir)) {
            String relative = path.substring(prefix.length());
            if (relative.startsWith("group_vars/")) {
                files.add(path);
                addVarsFile(path, relative.substring("group_vars/".length()), groupVars);
            } else if (relative.startsWith("host_vars/")) {
                files.add(path);
                addVarsFile(path, relative.substring("host_vars/".length()), hostVars);
            } else if (isHostsFilePath(relative)) {
                files.add(path);
                readHostsFile(path);
            }
        }
    }

    private Inventory build() {
        return new Inventory(dirs, groups, children, hostGroups, sources, problems, files, hostsFiles);
    }

    /**
     * Whether a file of an inventory folder (its path relative to the folder) may be a hosts file:
     * Ansible reads the folder's files and, recursively, its sub-folders' files as inventory
     * sources, except below {@code group_vars}, {@code host_vars}, {@code vars_plugins} and
     * hidden folders (its {@code IGNORED_ALWAYS}). A sub-folder's own group_vars are not read:
     * Ansible loads group_vars beside the folder it was given only.
     */
    static boolean isHostsFilePath(String relative) {
        String[] segments = relative.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            String folder = segments[i];
            if (folder.startsWith(".") || folder.equals("group_vars") || folder.equals("host_vars") || folder.equals("vars_plugins")) {
                return false;
            }
        }
        return isHostsFileName(segments[segments.length - 1]);
    }

    /** Whether a file name may be a hosts file. */
    static boolean isHostsFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.startsWith(".") && !lower.startsWith("readme") && !lower.equals("ansible.cfg") && !lower.endsWith("~")
                && !NOT_INVENTORY_EXTENSIONS.contains(extension(lower));
    }

    private void readHostsFile(String path) {
        String text = text(path);
        String extension = extension(path);
        hostsFiles.add(path);
        if (text.startsWith("#!")) {
            opaqueHostsFiles.add(path);
            problems.add(new Problem(SourceLocation.of(path), "", "a dynamic inventory script is not read",
                    "list the build groups in a static hosts file; until then any change to it counts as changing any variable"));
            return;
        }
        if (text.startsWith(VAULT_HEADER)) {
            opaqueHostsFiles.add(path);
            return;
        }
        if (YAML_EXTENSIONS.contains(extension) || extension.isEmpty()) {
            InventoryYaml.Composed composed = yaml.compose(path, text);
            if (composed.problem() == null && YamlHostsParser.isInventory(composed.root())) {
                readYamlHosts(path, (MappingNode) composed.root());
                return;
            }
            if (!extension.isEmpty()) {
                if (composed.problem() != null) {
                    problem(composed.problem());
                } else {
                    hostsFiles.remove(path); // a playbook or other YAML beside the inventory
                }
                return;
            }
        }
        IniHostsParser.parse(path, text, this);
    }

    private void readYamlHosts(String path, MappingNode root) {
        try {
            YamlHostsParser.parse(path, root, yaml, this);
        } catch (YAMLException e) {
            problem(InventoryYaml.problem(path, e, root.getStartMark()));
        }
    }

    private static void addVarsFile(String path, String relative, Map<String, List<VarsFile>> byOwner) {
        List<String> segments = Arrays.asList(relative.split("/"));
        if (segments.stream().anyMatch(segment -> segment.startsWith(".") || segment.endsWith("~"))) {
            return;
        }
        String first = segments.get(0);
        String owner = first;
        int rank = 0;
        if (segments.size() > 1) {
            if (!VARS_EXTENSIONS.contains(extension(relative))) {
                return;
            }
        } else if (YAML_EXTENSIONS.contains(extension(first))) {
            owner = first.substring(0, first.lastIndexOf('.'));
            rank = VARS_EXTENSIONS.indexOf(extension(first));
        }
        byOwner.computeIfAbsent(owner, key -> new ArrayList<>()).add(new VarsFile(path, owner, rank, segments));
    }

    /**
     * Reads each owner's vars files the way Ansible finds them: the first of {@code <name>} (a
     * file, or a directory read recursively in sorted order), {@code <name>.yml},
     * {@code <name>.yaml}, {@code <name>.json} that exists; the others are not read.
     */
    private void readVarsFiles(Map<String, List<VarsFile>> byOwner, Scope scope) {
        for (List<VarsFile> files : byOwner.values()) {
            int rank = files.stream().mapToInt(VarsFile::extensionRank).min().orElse(0);
            files.stream().filter(file -> file.extensionRank() == rank).sorted(LOAD_ORDER)
                    .forEach(file -> readVarsFile(file, scope));
        }
    }

    private void readVarsFile(VarsFile file, Scope scope) {
        String text = text(file.path());
        ParsedVarsFiles.Read read = parsed.get(file.path(), scope, file.owner(), text, () -> parse(file, scope, text));
        if (read.problem() != null) {
            problems.add(read.problem());
        }
        sources.add(read.source());
    }

    private ParsedVarsFiles.Read parse(VarsFile file, Scope scope, String text) {
        if (text.startsWith(VAULT_HEADER)) {
            return new ParsedVarsFiles.Read(opaque(file.path(), scope, file.owner(), "vault-encrypted"), null);
        }
        InventoryYaml.Composed composed = yaml.compose(file.path(), text);
        Problem problem = composed.problem();
        Map<String, VariableDefinition> variables = new LinkedHashMap<>();
        if (problem == null && composed.root() instanceof MappingNode mapping) {
            try {
                yaml.entries(file.path(), mapping).forEach((name, entry) ->
                        variables.put(name, definition(name, entry.value(), entry.location())));
            } catch (YAMLException e) {
                problem = InventoryYaml.problem(file.path(), e, mapping.getStartMark());
            }
        } else if (problem == null && composed.root() != null && !InventoryYaml.isNull(composed.root())) {
            problem = InventoryYaml.problem(file.path(), composed.root().getStartMark(),
                    "the top level is not a mapping of variable names to values");
        }
        if (problem != null) {
            return new ParsedVarsFiles.Read(opaque(file.path(), scope, file.owner(), "unparseable"), problem);
        }
        return new ParsedVarsFiles.Read(new VarsSource(file.path(), scope, file.owner(), Collections.unmodifiableMap(variables),
                null, null), null);
    }

    private String text(String path) {
        return tree.readString(path).orElse("");
    }

    private VarsSource opaque(String file, Scope scope, String owner, String reason) {
        return new VarsSource(file, scope, owner, Map.of(), reason, tree.contentId(file).orElse(""));
    }

    private static String extension(String path) {
        String name = RepoPaths.fileName(path);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static int compareSegments(List<String> left, List<String> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = left.get(i).compareTo(right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static VariableDefinition definition(String name, Object value, SourceLocation location) {
        return new VariableDefinition(name, value, location, value instanceof VaultValue, JinjaReferences.inValue(value));
    }

    // Callbacks of the hosts file parsers.

    void declare(String group) {
        groups.add(group);
    }

    void child(String parent, String child) {
        children.computeIfAbsent(parent, key -> new LinkedHashSet<>()).add(child);
    }

    void host(String group, String host) {
        hostGroups.computeIfAbsent(host, key -> new TreeSet<>()).add(group);
    }

    void groupVariable(String file, String group, String name, Object value, SourceLocation location) {
        inlineVariables(file, Scope.INVENTORY_GROUP, group).put(name, definition(name, value, location));
    }

    void hostVariable(String file, String host, String name, Object value, SourceLocation location) {
        inlineVariables(file, Scope.HOST, host).put(name, definition(name, value, location));
    }

    /** A hosts file that Ansible would reject: it may declare anything. */
    void problem(Problem problem) {
        problems.add(problem);
        opaqueHostsFiles.add(problem.location().file());
    }

    private Map<String, VariableDefinition> inlineVariables(String file, Scope scope, String owner) {
        return inline.computeIfAbsent(List.of(file, scope.name(), owner), key -> new LinkedHashMap<>());
    }
}
