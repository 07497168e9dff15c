package io.strata.engine.impact;

import io.strata.engine.graph.LayerGraph;
import io.strata.engine.graph.LayerNode;
import io.strata.engine.graph.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Rule 1: a node's definition in the layers file changed (its entry but {@code children}, its
 * layer's repository, its parent), or the node is new.
 */
final class DefinitionDiff {

    private DefinitionDiff() {
    }

    static List<Reason> reasons(NodeId id, LayerGraph base, LayerGraph head) {
        String file = head.config().file();
        if (!base.contains(id)) {
            return List.of(new Reason("definition", file, "new node " + id + " in " + file));
        }
        List<Reason> reasons = new ArrayList<>();
        Map<String, Object> before = base.node(id).entry().buildInputs();
        LayerNode node = head.node(id);
        Map<String, Object> after = node.entry().buildInputs();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                reasons.add(new Reason("definition", file, "'" + key + "' of " + id + " changed from "
                        + show(before.get(key)) + " to " + show(after.get(key)) + " (line " + node.entry().location().line() + ")"));
            }
        }
        Optional<NodeId> oldParent = base.parent(id);
        Optional<NodeId> newParent = head.parent(id);
        if (!oldParent.equals(newParent)) {
            reasons.add(new Reason("definition", file, id + " is now built FROM "
                    + newParent.map(NodeId::toString).orElse("scratch") + " instead of "
                    + oldParent.map(NodeId::toString).orElse("scratch")));
        }
        return reasons;
    }

    private static String show(Object value) {
        return value == null ? "(unset)" : "'" + value + "'";
    }
}
