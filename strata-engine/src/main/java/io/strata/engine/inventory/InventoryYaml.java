package io.strata.engine.inventory;

import io.strata.engine.config.Problem;
import io.strata.engine.config.SourceLocation;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads Ansible YAML the way Ansible does: YAML 1.1 with safe types only, {@code !vault} values
 * kept as {@link VaultValue}, {@code !unsafe} as plain strings, other local tags by node kind.
 * Keeps the line of each top-level key. One instance per load; not thread-safe.
 */
final class InventoryYaml {

    /** A file's root node (null for an empty file), or the problem that stopped the parse. */
    record Composed(Node root, Problem problem) {
    }

    /** A value and where its key is written. */
    record Entry(Object value, SourceLocation location) {
    }

    private static final Tag VAULT = new Tag("!vault");
    private static final Tag UNSAFE = new Tag("!unsafe");
    private static final String HINT = "fix the YAML syntax; until then any variable of this file counts as changed";

    private final AnsibleConstructor constructor;
    private final Yaml yaml;

    InventoryYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        constructor = new AnsibleConstructor(options);
        DumperOptions dumper = new DumperOptions();
        yaml = new Yaml(constructor, new Representer(dumper), dumper, options);
    }

    /** Composes a file's single document; a syntax error gives a problem with the file and line. */
    Composed compose(String file, String text) {
        try {
            return new Composed(yaml.compose(new StringReader(text)), null);
        } catch (MarkedYAMLException e) {
            return new Composed(null, problem(file, e.getProblemMark(), e.getProblem()));
        } catch (YAMLException e) {
            return new Composed(null, problem(file, null, e.getMessage()));
        }
    }

    /**
     * The entries of a mapping node, merge keys applied, each with its value and the position
     * of its key (of the mapping for merged keys).
     *
     * @throws YAMLException when a value cannot be constructed
     */
    Map<String, Entry> entries(String file, MappingNode mapping) {
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                keys.put(key.getValue(), location(file, key.getStartMark()));
            }
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        SourceLocation whole = location(file, mapping.getStartMark());
        ((Map<?, ?>) constructor.construct(mapping)).forEach((key, value) -> {
            String name = String.valueOf(key);
            entries.put(name, new Entry(value, keys.getOrDefault(name, whole)));
        });
        return entries;
    }

    /**
     * The value of a node.
     *
     * @throws YAMLException when it cannot be constructed
     */
    Object value(Node node) {
        return constructor.construct(node);
    }

    /**
     * Whether a node is YAML's null: an empty value, or a document of comments only after its
     * {@code ---}, which Ansible reads as no variables.
     */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    /** The location of a node's start. */
    static SourceLocation location(String file, Mark mark) {
        return mark == null ? SourceLocation.of(file) : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** The problem of a failed construction: at its own mark, else at the fallback. */
    static Problem problem(String file, YAMLException e, Mark fallback) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return problem(file, marked.getProblemMark(), marked.getProblem());
        }
        return problem(file, fallback, e.getMessage());
    }

    /** A problem at a mark (or at the file when the mark is unknown). */
    static Problem problem(String file, Mark mark, String message) {
        return new Problem(location(file, mark), "", "cannot read YAML: " + message, HINT);
    }

    /** SafeConstructor with Ansible's tags. */
    private static final class AnsibleConstructor extends SafeConstructor {

        AnsibleConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(VAULT, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return new VaultValue(node instanceof ScalarNode scalar ? scalar.getValue() : node.toString());
                }
            });
            yamlConstructors.put(UNSAFE, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return constructByKind(node);
                }
            });
            yamlConstructors.put(null, yamlConstructors.get(UNSAFE));
        }

        Object construct(Node node) {
            return constructDocument(node);
        }

        private Object constructByKind(Node node) {
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            if (node instanceof SequenceNode sequence) {
                return constructSequence(sequence);
            }
            return constructMapping((MappingNode) node);
        }
    }
}
