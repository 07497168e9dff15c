package io.strata.engine.builder.ansible;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The per-build inventory: one host, the working container, in the node's groups. It is given
 * to {@code ansible-playbook} after the site's inventory, so the site's group hierarchy,
 * group_vars and host_vars apply to the container as to any member of those groups. Written as
 * YAML by SnakeYAML, so no group name can change its structure.
 */
public final class BuildInventory {

    /** The container's host name in the inventory (and the {@code --limit}). */
    public static final String HOST = "strata-build";

    /** The file name of the per-build inventory (the YAML inventory plugin needs the extension). */
    public static final String FILE = "strata-build.yml";

    private BuildInventory() {
    }

    /**
     * The inventory text.
     *
     * @param groups the node's groups
     * @param connection how the container is reached
     * @param address the mounted root folder (chroot) or the container's name (buildah)
     */
    public static String yaml(List<String> groups, Connection connection, String address) {
        Map<String, Object> hostVars = new LinkedHashMap<>();
        hostVars.put("ansible_host", address);
        hostVars.put("ansible_connection", connection.plugin());
        Map<String, Object> children = new LinkedHashMap<>();
        for (String group : groups) {
            Map<String, Object> hosts = new LinkedHashMap<>();
            hosts.put(HOST, hostVars);
            children.put(group, Map.of("hosts", hosts));
        }
        Map<String, Object> all = new LinkedHashMap<>();
        if (children.isEmpty()) {
            all.put("hosts", Map.of(HOST, hostVars));
        } else {
            all.put("children", children);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        return new Yaml(options).dump(Map.of("all", all));
    }
}
