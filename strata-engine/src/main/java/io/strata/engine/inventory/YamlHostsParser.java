package io.strata.engine.inventory;

import io.strata.engine.config.Problem;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Ansible's YAML hosts format: groups mapping to {@code hosts:}, {@code vars:} and {@code children:}. */
final class YamlHostsParser {

    private static final Set<String> GROUP_KEYS = Set.of("hosts", "vars", "children");
    private static final String HINT = "a group maps 'hosts' and 'children' to mappings of names and 'vars' to a mapping";

    private final String file;
    private final InventoryYaml yaml;
    private final InventoryLoader sink;

    private YamlHostsParser(String file, InventoryYaml yaml, InventoryLoader sink) {
        this.file = file;
        this.yaml = yaml;
        this.sink = sink;
    }

    /**
     * Whether a document has the shape of a YAML inventory: a mapping of group names to empty
     * values or to mappings of {@code hosts}, {@code vars} and {@code children}. A playbook or
     * another YAML file that lies beside the inventory does not.
     */
    static boolean isInventory(Node root) {
        if (!(root instanceof MappingNode mapping)) {
            return false;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Node value = tuple.getValueNode();
            boolean group = InventoryYaml.isNull(value) || value instanceof MappingNode groupMapping
                    && groupMapping.getValue().stream().allMatch(entry -> entry.getKeyNode() instanceof ScalarNode key
                            && GROUP_KEYS.contains(key.getValue()));
            if (!group) {
                return false;
            }
        }
        return true;
    }

    /** Reads an inventory-shaped document into the loader. */
    static void parse(String file, MappingNode root, InventoryYaml yaml, InventoryLoader sink) {
        YamlHostsParser parser = new YamlHostsParser(file, yaml, sink);
        for (NodeTuple tuple : root.getValue()) {
            parser.group(name(tuple), tuple.getValueNode());
        }
    }

    private void group(String group, Node node) {
        sink.declare(group);
        if (InventoryYaml.isNull(node)) {
            return;
        }
        if (!(node instanceof MappingNode mapping)) {
            problem(node, "group '" + group + "' is not a mapping");
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Node value = tuple.getValueNode();
            if (InventoryYaml.isNull(value)) {
                continue;
            }
            if (!(value instanceof MappingNode entries)) {
                problem(value, "'" + name(tuple) + "' of group '" + group + "' is not a mapping");
                continue;
            }
            switch (name(tuple)) {
                case "vars" -> yaml.entries(file, entries).forEach((name, entry) ->
                        sink.groupVariable(file, group, name, entry.value(), entry.location()));
                case "children" -> children(group, entries);
                case "hosts" -> hosts(group, entries);
                default -> {
                    // Ansible skips other keys with a warning
                }
            }
        }
    }

    private void children(String group, MappingNode children) {
        for (NodeTuple tuple : children.getValue()) {
            String child = name(tuple);
            group(child, tuple.getValueNode());
            sink.child(group, child);
        }
    }

    private void hosts(String group, MappingNode hosts) {
        for (NodeTuple tuple : hosts.getValue()) {
            Node vars = tuple.getValueNode();
            Map<String, InventoryYaml.Entry> entries = vars instanceof MappingNode mapping
                    ? yaml.entries(file, mapping) : Map.of();
            if (!InventoryYaml.isNull(vars) && !(vars instanceof MappingNode)) {
                problem(vars, "the variables of host '" + name(tuple) + "' are not a mapping");
            }
            for (String host : HostRanges.expand(name(tuple))) {
                sink.host(group, host);
                entries.forEach((name, entry) -> sink.hostVariable(file, host, name, entry.value(), entry.location()));
            }
        }
    }

    private static String name(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(tuple.getKeyNode());
    }

    private void problem(Node node, String message) {
        sink.problem(new Problem(InventoryYaml.location(file, node.getStartMark()), "", message, HINT));
    }
}
