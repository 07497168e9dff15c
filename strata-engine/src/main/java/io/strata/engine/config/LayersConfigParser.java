package io.strata.engine.config;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code layers.yaml} in the sites' format (docs/layers-format.md section 1) and reports every problem
 * at once, each with file, line, column, key and a fix.
 */
public final class LayersConfigParser {

    /** An image type or repository name: what node ids, image and file names can all hold. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    static final String INVENTORY_KEY = "inventory";
    static final String SETTINGS_KEY = "settings";
    private static final Set<String> ENTRY_KEYS = Set.of("type", "firstlayer", "packages", "groups", "pb", "children");
    private static final Set<String> LAYER_KEYS = Set.of("repo", "image_types");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final YamlNodes.Values values = new YamlNodes.Values();

    private LayersConfigParser(String file) {
        this.file = file;
    }

    /**
     * Parses the file's bytes.
     *
     * @param file the path shown in messages
     * @param bytes the content
     * @throws ConfigException with every problem found
     */
    public static LayersConfig parse(String file, byte[] bytes) {
        ParsedLayers parsed = read(file, bytes);
        if (!parsed.problems().isEmpty()) {
            throw new ConfigException(parsed.problems());
        }
        return parsed.config();
    }

    /**
     * Parses the file's bytes leniently: the problems found, and a best-effort configuration
     * (wrongly typed values read as the user meant them) unless the file cannot be read at all.
     *
     * @throws ConfigException when the file is no YAML mapping (nothing else can be checked)
     */
    public static ParsedLayers read(String file, byte[] bytes) {
        LayersConfigParser parser = new LayersConfigParser(file);
        LayersConfig config = parser.run(new String(bytes, StandardCharsets.UTF_8));
        return new ParsedLayers(config, List.copyOf(parser.problems));
    }

    private LayersConfig run(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new ConfigException(syntaxProblem(text, e));
        } catch (YAMLException e) {
            throw new ConfigException(new Problem(SourceLocation.of(file), "", "not valid YAML: " + e.getMessage(),
                    "check the file with a YAML linter"));
        }
        if (root == null) {
            throw new ConfigException(new Problem(new SourceLocation(file, 1, 1), "", "the file is empty",
                    "describe at least one layer, e.g. 'base: {image_types: [{type: base, firstlayer: True}]}'"));
        }
        problems.addAll(YamlNodes.duplicateKeys(file, root));
        if (!(root instanceof MappingNode top)) {
            throw new ConfigException(new Problem(YamlNodes.location(file, root), "",
                    "the top level must be a mapping of layer names", "write 'layername:' keys at column 1"));
        }
        InventorySettings inventory = null;
        Settings settings = Settings.defaults();
        Map<String, Layer> layers = new LinkedHashMap<>();
        for (NodeTuple tuple : top.getValue()) {
            String key = YamlNodes.keyText(tuple);
            if (key == null) {
                problems.add(new Problem(YamlNodes.location(file, tuple.getKeyNode()), "", "a key must be a plain name",
                        "use a layer name such as 'compute'"));
            } else if (key.equals(INVENTORY_KEY)) {
                inventory = inventory(tuple.getValueNode());
            } else if (key.equals(SETTINGS_KEY)) {
                settings = settings(tuple.getValueNode());
            } else if (!layers.containsKey(key)) {
                Layer layer = layer(key, tuple);
                if (layer != null) {
                    layers.put(key, layer);
                }
            }
        }
        if (layers.isEmpty() && problems.isEmpty()) {
            throw new ConfigException(new Problem(YamlNodes.location(file, root), "", "the file defines no layer",
                    "add a layer, e.g. 'base: {image_types: [{type: base, firstlayer: True}]}'"));
        }
        return new LayersConfig(file, inventory, layers, settings);
    }

    /**
     * Refuses an image type or repository name that could not be one name everywhere it goes
     * (node ids, image names, job and stage names, file names, NAME=PATH mappings): a separator,
     * '..', a blank, '=' or a shell character.
     */
    private void checkName(String what, String value, SourceLocation where, String key) {
        if (!NAME.matcher(value).matches() || value.contains("..")) {
            problems.add(new Problem(where, key, what + " '" + value + "' is not a plain name",
                    "use letters, digits, '-', '_' and '.', starting with a letter or digit (e.g. 'slurm-config')"));
        }
    }

    private Problem syntaxProblem(String text, MarkedYAMLException e) {
        SourceLocation where = YamlNodes.location(file, e.getProblemMark());
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        if (problem.contains("\\t") || problem.contains("\t") || lineHasTab(text, where.line())) {
            return new Problem(where, "", "a tab character: YAML forbids tabs for indentation",
                    "indent with spaces only (e.g. 2 spaces per level)");
        }
        return new Problem(where, "", "not valid YAML: " + problem, "fix the syntax at this place");
    }

    private static boolean lineHasTab(String text, int line) {
        String[] lines = text.split("\n", -1);
        return line >= 1 && line <= lines.length && lines[line - 1].indexOf('\t') >= 0;
    }

    private InventorySettings inventory(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(new Problem(YamlNodes.location(file, node), INVENTORY_KEY, "must be a mapping",
                    "write 'inventory: {path: cluster-inventory, cluster_name: clusterA, cluster_name_short: ca}'"));
            return null;
        }
        Map<String, Node> keys = keyed(mapping);
        List<String> paths = inventoryPaths(keys.get("path"));
        String name = string(keys.get("cluster_name"), "cluster_name", false, "");
        String shortName = string(keys.get("cluster_name_short"), "cluster_name_short", false, "");
        if (!keys.containsKey("path")) {
            problems.add(new Problem(YamlNodes.location(file, node), "path", "the inventory has no path",
                    "add path: 'cluster-inventory' (a directory, or the inventory repository's name)"));
        }
        return new InventorySettings(paths, name, shortName, YamlNodes.location(file, node));
    }

    /** One inventory path, or a non-empty list of folders (Ansible's repeated -i). */
    private List<String> inventoryPaths(Node node) {
        String hint = "name the inventory directory, e.g. path: 'cluster-inventory', or list folders read in order,"
                + " e.g. path: ['environments/common/inventory', 'environments/site/inventory']";
        if (!(node instanceof SequenceNode sequence)) {
            String path = string(node, "path", true, hint);
            return path == null ? List.of() : List.of(path);
        }
        if (sequence.getValue().isEmpty()) {
            problems.add(new Problem(YamlNodes.location(file, node), "path", "must not be an empty list", hint));
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String path = string(item, "path", true, hint);
            if (path != null && paths.contains(path)) {
                problems.add(new Problem(YamlNodes.location(file, item), "path", "inventory folder '" + path
                        + "' is listed twice", "list each folder once"));
            } else if (path != null) {
                paths.add(path);
            }
        }
        return List.copyOf(paths);
    }

    @SuppressWarnings("unchecked")
    private Settings settings(Node node) {
        if (!(node instanceof MappingNode)) {
            problems.add(new Problem(YamlNodes.location(file, node), SETTINGS_KEY, "must be a mapping",
                    "write 'settings: {registry: registry.example.org}'"));
            return Settings.defaults();
        }
        Map<String, Object> raw = (Map<String, Object>) values.of(node);
        Map<String, Node> keys = keyed((MappingNode) node);
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        keyLocations(node, "", locations);
        String registry = string(keys.get("registry"), "registry", false, "");
        String tag = string(keys.get("published_tag"), "published_tag", false, "");
        Map<String, String> repos = new LinkedHashMap<>();
        Node reposNode = keys.get("repos");
        if (reposNode instanceof MappingNode reposMap) {
            for (NodeTuple tuple : reposMap.getValue()) {
                String dir = string(tuple.getValueNode(), "repos." + YamlNodes.keyText(tuple), true,
                        "give the checkout directory of the repository");
                if (dir != null) {
                    repos.put(YamlNodes.keyText(tuple), dir);
                }
            }
        } else if (reposNode != null) {
            problems.add(new Problem(YamlNodes.location(file, reposNode), "repos", "must be a mapping of repository name to directory",
                    "write 'repos: {hsn-config: ../hsn-config}'"));
        }
        return new Settings(registry, tag == null ? Settings.DEFAULT_PUBLISHED_TAG : tag, Map.copyOf(repos), raw,
                Map.copyOf(locations));
    }

    /** Records where each mapping key below a node is written, by dotted path. */
    private void keyLocations(Node node, String path, Map<String, SourceLocation> locations) {
        locations.putIfAbsent(path, YamlNodes.location(file, node));
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = YamlNodes.keyText(tuple);
                if (key != null) {
                    String child = path.isEmpty() ? key : path + "." + key;
                    locations.putIfAbsent(child, YamlNodes.location(file, tuple.getKeyNode()));
                    keyLocations(tuple.getValueNode(), child, locations);
                }
            }
        }
    }

    private Layer layer(String name, NodeTuple tuple) {
        Node node = tuple.getValueNode();
        SourceLocation where = YamlNodes.location(file, tuple.getKeyNode());
        if (!(node instanceof MappingNode mapping)) {
            problems.add(new Problem(YamlNodes.location(file, node), name, "a layer must be a mapping with image_types",
                    "write '" + name + ": {image_types: [{type: base, pb: '" + name + ".yml'}]}'"));
            return null;
        }
        Map<String, Node> keys = keyed(mapping);
        if (name.contains("/") || name.contains("..") || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(new Problem(where, name, "layer name '" + name + "' holds '/', '..' or a control character, which"
                    + " node names (layer/type), image names and file names cannot hold",
                    "use letters, digits, '-', '_' and '.' (e.g. 'slurm')"));
        }
        for (NodeTuple t : mapping.getValue()) {
            String key = YamlNodes.keyText(t);
            if (key != null && !LAYER_KEYS.contains(key)) {
                problems.add(new Problem(YamlNodes.location(file, t.getKeyNode()), key, "unknown key in layer '" + name + "'",
                        "a layer takes 'repo' and 'image_types'; site-specific options belong under 'settings'"));
            }
        }
        String repo = string(keys.get("repo"), "repo", false, "");
        if (repo != null) {
            checkName("repository name", repo, YamlNodes.location(file, keys.get("repo")), "repo");
        }
        Node types = keys.get("image_types");
        List<ImageTypeEntry> entries = new ArrayList<>();
        if (types == null) {
            problems.add(new Problem(where, name, "layer has no image_types",
                    "add image_types: [{type: base, pb: '" + name + ".yml'}]"));
        } else if (!(types instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problems.add(new Problem(YamlNodes.location(file, types), "image_types", "must be a non-empty list of entries",
                    "write image_types: [{type: base, pb: '" + name + ".yml'}]"));
        } else {
            Map<String, SourceLocation> seenTypes = new LinkedHashMap<>();
            for (Node entryNode : sequence.getValue()) {
                ImageTypeEntry entry = entry(name, repo, entryNode);
                if (entry == null) {
                    continue;
                }
                SourceLocation first = seenTypes.putIfAbsent(entry.type(), entry.location());
                if (first != null) {
                    problems.add(new Problem(entry.location(), "type", "type '" + entry.type() + "' appears twice in layer '"
                            + name + "' (first at line " + first.line() + ")",
                            "give each entry of a layer its own type, or merge the two entries"));
                } else {
                    entries.add(entry);
                }
            }
        }
        return new Layer(name, repo, List.copyOf(entries), where);
    }

    @SuppressWarnings("unchecked")
    private ImageTypeEntry entry(String layer, String repo, Node node) {
        SourceLocation where = YamlNodes.location(file, node);
        if (!(node instanceof MappingNode mapping)) {
            problems.add(new Problem(where, "image_types", "an entry must be a mapping",
                    "write {type: compute, groups: ['Compute'], pb: 'comp.yml'}"));
            return null;
        }
        Map<String, Node> keys = keyed(mapping);
        for (NodeTuple t : mapping.getValue()) {
            String key = YamlNodes.keyText(t);
            if (key != null && !ENTRY_KEYS.contains(key)) {
                problems.add(new Problem(YamlNodes.location(file, t.getKeyNode()), key, "unknown key in an entry of layer '" + layer + "'",
                        "an entry takes " + String.join(", ", List.of("type", "firstlayer", "packages", "groups", "pb", "children"))));
            }
        }
        String type = string(keys.get("type"), "type", true, "write type: 'compute'");
        if (type == null) {
            if (!keys.containsKey("type")) {
                problems.add(new Problem(where, "type", "entry of layer '" + layer + "' has no type", "add type: 'base'"));
            }
            return null;
        }
        checkName("image type", type, YamlNodes.location(file, keys.get("type")), "type");
        boolean firstLayer = bool(keys.get("firstlayer"), "firstlayer");
        String packages = string(keys.get("packages"), "packages", true, "give the package list file, e.g. packages: 'packages.yaml'");
        String pb = string(keys.get("pb"), "pb", true, "give the playbook path, e.g. pb: '" + layer + ".yml'");
        List<String> groups = stringList(keys.get("groups"), "groups", "write groups: ['Compute']");
        List<String> children = stringList(keys.get("children"), "children", "write children: ['slurm']");
        if (pb == null && !firstLayer && !keys.containsKey("pb")) {
            problems.add(new Problem(where, "pb", "entry " + layer + "/" + type + " has no playbook",
                    "add pb: '" + layer + ".yml' (only a firstlayer root may have none)"));
        }
        if (packages != null && !firstLayer) {
            problems.add(new Problem(YamlNodes.location(file, keys.get("packages")), "packages",
                    "only a root (firstlayer) takes a package list", "remove packages, or set firstlayer: True"));
        }
        for (String[] path : new String[][] {{"pb", pb}, {"packages", packages}}) {
            if (path[1] != null && escapes(path[1])) {
                problems.add(new Problem(YamlNodes.location(file, keys.get(path[0])), path[0],
                        "'" + path[1] + "' escapes the repository", "give a path relative to the repository, without '..' or a leading '/'"));
            }
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            String key = YamlNodes.keyText(t);
            if (key != null && !key.equals("children")) {
                inputs.put(key, values.of(t.getValueNode()));
            }
        }
        inputs.put("repo", repo);
        Node childrenNode = keys.get("children");
        SourceLocation childrenAt = childrenNode == null ? where : YamlNodes.location(file, childrenNode);
        return new ImageTypeEntry(type, firstLayer, packages, groups, pb, children, where, childrenAt, inputs);
    }

    private static boolean escapes(String path) {
        return io.strata.engine.source.RepoPaths.normalize("", path).map(String::isEmpty).orElse(true);
    }

    private Map<String, Node> keyed(MappingNode mapping) {
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = YamlNodes.keyText(tuple);
            if (key != null) {
                keys.putIfAbsent(key, tuple.getValueNode());
            }
        }
        return keys;
    }

    private String string(Node node, String key, boolean required, String hint) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
            if (scalar.getValue().isBlank() && required) {
                problems.add(new Problem(YamlNodes.location(file, node), key, "must not be empty", hint));
                return null;
            }
            return scalar.getValue();
        }
        if (node instanceof ScalarNode) {
            if (required) {
                problems.add(new Problem(YamlNodes.location(file, node), key, "must not be empty", hint));
            }
            return null;
        }
        problems.add(new Problem(YamlNodes.location(file, node), key, "must be a single value, not a "
                + (node instanceof SequenceNode ? "list" : "mapping"), hint));
        return null;
    }

    private boolean bool(Node node, String key) {
        if (node == null) {
            return false;
        }
        Object value = node instanceof ScalarNode ? values.of(node) : null;
        if (value instanceof Boolean b) {
            return b;
        }
        problems.add(new Problem(YamlNodes.location(file, node), key, "must be True or False", "write " + key + ": True"));
        return false;
    }

    private List<String> stringList(Node node, String key, String hint) {
        if (node == null || (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL))) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            if (node instanceof ScalarNode scalar) {
                problems.add(new Problem(YamlNodes.location(file, node), key, "must be a list ('" + scalar.getValue() + "')", hint));
                return List.of(scalar.getValue());
            }
            problems.add(new Problem(YamlNodes.location(file, node), key, "must be a list", hint));
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL) && !scalar.getValue().isBlank()) {
                values.add(scalar.getValue());
            } else {
                problems.add(new Problem(YamlNodes.location(file, item), key, "items must be names", hint));
            }
        }
        return List.copyOf(values);
    }
}
