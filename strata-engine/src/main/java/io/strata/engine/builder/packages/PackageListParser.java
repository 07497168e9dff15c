package io.strata.engine.builder.packages;

import io.strata.engine.config.ConfigException;
import io.strata.engine.config.Problem;
import io.strata.engine.config.SourceLocation;
import io.strata.engine.config.YamlNodes;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
 * Reads and checks a package list, reporting every problem with file, line and column. Names
 * and URLs reach package managers only as single arguments, and are checked so that none can be
 * read as an option: a name starts with a letter or digit and holds no space, a URL is
 * http(s), ftp or file.
 */
public final class PackageListParser {

    /** The managers a root can be built with. */
    public static final Set<String> MANAGERS = Set.of("apt", "dnf", "zypper");

    private static final Set<String> KEYS = Set.of("manager", "release", "repos", "package_groups", "packages",
            "remove_packages", "cmds");
    private static final Set<String> REPO_KEYS = Set.of("alias", "url", "gpgcheck", "suite", "components");
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+.:~=<>*@/-]*");
    private static final Pattern APT_PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+(:[a-z0-9-]+)?(=[A-Za-z0-9.+~:-]+)?");
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9@][A-Za-z0-9_+.:@ ()-]*");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern URL = Pattern.compile("(https?|ftp|file)://[^\\s]+");
    private static final Pattern RELEASE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern WORDS = Pattern.compile("[a-z0-9][a-z0-9_.-]*( [a-z0-9][a-z0-9_.-]*)*");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final YamlNodes.Values values = new YamlNodes.Values();

    private PackageListParser(String file) {
        this.file = file;
    }

    /**
     * Parses and checks a package list.
     *
     * @param file the path shown in messages
     * @param bytes the content
     * @throws ConfigException with every problem found
     */
    public static PackageList parse(String file, byte[] bytes) {
        PackageListParser parser = new PackageListParser(file);
        PackageList list = parser.run(new String(bytes, StandardCharsets.UTF_8));
        if (!parser.problems.isEmpty()) {
            throw new ConfigException(parser.problems);
        }
        return list;
    }

    private PackageList run(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new ConfigException(new Problem(YamlNodes.location(file, e.getProblemMark()), "",
                    "not valid YAML: " + e.getProblem(), "fix the syntax at this place"));
        } catch (YAMLException e) {
            throw new ConfigException(new Problem(SourceLocation.of(file), "", "not valid YAML: " + e.getMessage(),
                    "check the file with a YAML linter"));
        }
        if (!(root instanceof MappingNode top)) {
            throw new ConfigException(new Problem(root == null ? new SourceLocation(file, 1, 1) : YamlNodes.location(file, root),
                    "", "a package list must be a mapping", "write 'manager: apt', 'release: bookworm', 'packages: [python3]'"));
        }
        problems.addAll(YamlNodes.duplicateKeys(file, root));
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : top.getValue()) {
            String key = YamlNodes.keyText(tuple);
            if (key == null || !KEYS.contains(key)) {
                problems.add(new Problem(YamlNodes.location(file, tuple.getKeyNode()), key == null ? "" : key,
                        "unknown key in a package list", "the keys are " + String.join(", ", List.of("manager", "release",
                                "repos", "package_groups", "packages", "remove_packages", "cmds"))));
            } else {
                keys.putIfAbsent(key, tuple.getValueNode());
            }
        }
        String manager = scalar(keys.get("manager"), "manager");
        if (manager == null) {
            problems.add(new Problem(YamlNodes.location(file, root), "manager", "the package list names no manager",
                    "add 'manager: apt' (or dnf, zypper)"));
        } else if (!MANAGERS.contains(manager)) {
            problems.add(new Problem(YamlNodes.location(file, keys.get("manager")), "manager",
                    "unknown package manager '" + manager + "'", "use apt, dnf or zypper"));
        }
        boolean apt = "apt".equals(manager);
        String release = scalar(keys.get("release"), "release");
        if (release != null && !RELEASE.matcher(release).matches()) {
            problems.add(new Problem(YamlNodes.location(file, keys.get("release")), "release",
                    "'" + release + "' is not a release name", "write e.g. release: '9' or release: bookworm"));
        }
        if (apt && release == null) {
            problems.add(new Problem(YamlNodes.location(file, root), "release", "an apt root needs the suite",
                    "add 'release: bookworm'"));
        }
        if (!keys.containsKey("packages")) {
            problems.add(new Problem(YamlNodes.location(file, root), "packages", "the package list has no packages",
                    "add 'packages: [python3]' (Ansible needs Python in every image)"));
        }
        List<String> packages = names(keys.get("packages"), "packages", apt ? APT_PACKAGE : PACKAGE);
        List<String> remove = names(keys.get("remove_packages"), "remove_packages", apt ? APT_PACKAGE : PACKAGE);
        List<String> groups = names(keys.get("package_groups"), "package_groups", GROUP);
        if (apt && !groups.isEmpty()) {
            problems.add(new Problem(YamlNodes.location(file, keys.get("package_groups")), "package_groups",
                    "apt has no package groups", "list the packages under 'packages'"));
        }
        List<PackageRepo> repos = repos(keys.get("repos"), apt);
        if (apt && repos.isEmpty()) {
            problems.add(new Problem(YamlNodes.location(file, root), "repos", "an apt root needs a repository",
                    "add repos: [{alias: debian, url: 'http://deb.debian.org/debian'}]"));
        }
        List<List<String>> cmds = cmds(keys.get("cmds"));
        return new PackageList(file, manager, release, repos, groups, packages, remove, cmds, values.of(root));
    }

    private String scalar(Node node, String key) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL) && !scalar.getValue().isBlank()) {
            return scalar.getValue();
        }
        problems.add(new Problem(YamlNodes.location(file, node), key, "must be a single value", "write " + key + ": VALUE"));
        return null;
    }

    private List<String> names(Node node, String key, Pattern pattern) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            problems.add(new Problem(YamlNodes.location(file, node), key, "must be a list", "write " + key + ": [a, b]"));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar && pattern.matcher(scalar.getValue()).matches()) {
                names.add(scalar.getValue());
            } else {
                problems.add(new Problem(YamlNodes.location(file, item), key, (item instanceof ScalarNode s
                        ? "'" + s.getValue() + "' is not a valid name" : "items must be names"),
                        "a name starts with a letter or digit and has no spaces or shell characters"));
            }
        }
        return names;
    }

    private List<PackageRepo> repos(Node node, boolean apt) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            problems.add(new Problem(YamlNodes.location(file, node), "repos", "must be a list of repositories",
                    "write repos: [{alias: BaseOS, url: 'https://...'}]"));
            return List.of();
        }
        List<PackageRepo> repos = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                problems.add(new Problem(YamlNodes.location(file, item), "repos", "a repository must be a mapping",
                        "write {alias: BaseOS, url: 'https://...'}"));
                continue;
            }
            Map<String, Node> keys = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = YamlNodes.keyText(tuple);
                if (key == null || !REPO_KEYS.contains(key)) {
                    problems.add(new Problem(YamlNodes.location(file, tuple.getKeyNode()), key == null ? "" : key,
                            "unknown key in a repository", "a repository takes alias, url, gpgcheck (apt: suite, components)"));
                } else {
                    keys.putIfAbsent(key, tuple.getValueNode());
                }
            }
            String alias = scalar(keys.get("alias"), "alias");
            String url = scalar(keys.get("url"), "url");
            if (alias == null || !ALIAS.matcher(alias).matches()) {
                problems.add(new Problem(YamlNodes.location(file, item), "alias", "a repository needs an alias of letters,"
                        + " digits, '.', '_' and '-'", "write alias: BaseOS"));
            }
            if (url == null || !URL.matcher(url).matches()) {
                problems.add(new Problem(YamlNodes.location(file, keys.getOrDefault("url", item)), "url",
                        "a repository needs an http(s), ftp or file URL without spaces", "write url: 'https://mirror.example.org/...'"));
            }
            Boolean gpgcheck = null;
            if (keys.containsKey("gpgcheck")) {
                Object value = values.of(keys.get("gpgcheck"));
                if (value instanceof Boolean b) {
                    gpgcheck = b;
                } else {
                    problems.add(new Problem(YamlNodes.location(file, keys.get("gpgcheck")), "gpgcheck", "must be true or false",
                            "write gpgcheck: true"));
                }
            }
            String suite = scalar(keys.get("suite"), "suite");
            String components = scalar(keys.get("components"), "components");
            if (!apt && (suite != null || components != null)) {
                problems.add(new Problem(YamlNodes.location(file, item), suite != null ? "suite" : "components",
                        "only apt repositories take suite and components", "remove it"));
            }
            if (suite != null && !RELEASE.matcher(suite).matches()) {
                problems.add(new Problem(YamlNodes.location(file, keys.get("suite")), "suite", "'" + suite + "' is not a suite",
                        "write suite: bookworm-updates"));
            }
            if (components != null && !WORDS.matcher(components).matches()) {
                problems.add(new Problem(YamlNodes.location(file, keys.get("components")), "components",
                        "components are lower-case words separated by single spaces", "write components: 'main contrib'"));
            }
            repos.add(new PackageRepo(alias, url, gpgcheck, suite, components));
        }
        return repos;
    }

    private List<List<String>> cmds(Node node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            problems.add(new Problem(YamlNodes.location(file, node), "cmds", "must be a list of commands",
                    "write cmds: [[systemctl, enable, sshd]]"));
            return List.of();
        }
        List<List<String>> cmds = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            List<String> argv = new ArrayList<>();
            if (item instanceof SequenceNode words && !words.getValue().isEmpty()
                    && words.getValue().stream().allMatch(w -> w instanceof ScalarNode s && !s.getTag().equals(Tag.NULL))) {
                words.getValue().forEach(w -> argv.add(((ScalarNode) w).getValue()));
                cmds.add(argv);
            } else {
                problems.add(new Problem(YamlNodes.location(file, item), "cmds",
                        "a command is a non-empty list of words (argument vector form)",
                        "write [systemctl, enable, sshd]; for a shell line write [sh, -c, 'a && b']"));
            }
        }
        return cmds;
    }
}
