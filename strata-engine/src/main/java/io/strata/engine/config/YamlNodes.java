package io.strata.engine.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Helpers over SnakeYAML's composed node tree (YAML 1.1, like Ansible): locations, duplicate
 * keys, and values built the way SnakeYAML's safe constructor builds them.
 */
public final class YamlNodes {

    private YamlNodes() {
    }

    /** The location of a node's start. */
    public static SourceLocation location(String file, Node node) {
        return location(file, node.getStartMark());
    }

    /** The location of a mark (SnakeYAML marks are 0-based). */
    public static SourceLocation location(String file, Mark mark) {
        return mark == null ? SourceLocation.of(file) : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** The text of a scalar key, or null for a complex key. */
    public static String keyText(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    /** Every key written twice in any mapping of the tree, as problems at the second one. */
    public static List<Problem> duplicateKeys(String file, Node node) {
        List<Problem> problems = new ArrayList<>();
        collectDuplicates(file, node, problems);
        return problems;
    }

    private static void collectDuplicates(String file, Node node, List<Problem> problems) {
        if (node instanceof MappingNode mapping) {
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = keyText(tuple);
                if (key != null) {
                    Node first = seen.putIfAbsent(key, tuple.getKeyNode());
                    if (first != null) {
                        problems.add(new Problem(location(file, tuple.getKeyNode()), key,
                                "duplicate key, first written at line " + (first.getStartMark().getLine() + 1),
                                "keep one of the two and merge their contents"));
                    }
                }
                collectDuplicates(file, tuple.getValueNode(), problems);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(child -> collectDuplicates(file, child, problems));
        }
    }

    /**
     * Builds Java values (maps, lists, strings, numbers, booleans, null) from nodes, as Ansible
     * reads them. One instance per file read; not thread-safe.
     */
    public static final class Values extends SafeConstructor {

        /** A value builder. */
        public Values() {
            super(new LoaderOptions());
        }

        /** The value of a node and everything below it. */
        public Object of(Node node) {
            return constructDocument(node);
        }
    }
}
