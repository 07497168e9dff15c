package io.strata.cli;

import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.ImpactResult;
import io.strata.engine.impact.NodeImpact;
import io.strata.engine.impact.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The impact for a person: nodes to rebuild by image type, each with its chain of reasons. */
final class ImpactText {

    private ImpactText() {
    }

    static String render(ImpactResult result) {
        StringBuilder out = new StringBuilder();
        if (result.base() != null) {
            out.append("Change ").append(shortId(result.base())).append("..").append(shortId(result.head())).append(": ");
        } else {
            out.append("Change: ");
        }
        out.append(result.changedFiles().size()).append(" changed file(s)\n");
        result.notes().forEach(note -> out.append("Note: ").append(note).append('\n'));
        int total = result.rebuild().size() + result.reuse().size();
        if (result.rebuild().isEmpty()) {
            out.append("Nothing to rebuild: all ").append(total).append(" nodes are reused.\n");
            return out.toString();
        }
        out.append("Rebuild ").append(result.rebuild().size()).append(" of ").append(total).append(" nodes:\n");
        Map<String, List<NodeImpact>> byType = new TreeMap<>(result.rebuild().stream()
                .collect(Collectors.groupingBy(n -> n.node().type())));
        byType.forEach((type, nodes) -> {
            out.append("  image type ").append(type).append(":\n");
            for (NodeImpact node : nodes) {
                out.append("    ").append(node.node()).append(node.start() ? "  [start]" : "").append('\n');
                for (Reason reason : node.reasons()) {
                    out.append("      ").append(line(reason)).append('\n');
                }
            }
        });
        if (!result.reuse().isEmpty()) {
            out.append("Reuse: ").append(result.reuse().stream().map(NodeId::toString).collect(Collectors.joining(", "))).append('\n');
        }
        return out.toString();
    }

    static String explain(ImpactResult result, NodeId id) {
        Optional<NodeImpact> rebuilt = result.rebuild().stream().filter(n -> n.node().equals(id)).findFirst();
        if (rebuilt.isPresent()) {
            StringBuilder out = new StringBuilder(id + " is rebuilt"
                    + (rebuilt.get().start() ? " (directly affected):\n" : " because its parent is:\n"));
            rebuilt.get().reasons().forEach(reason -> out.append("  ").append(line(reason)).append('\n'));
            return out.toString();
        }
        if (result.reuse().contains(id)) {
            return id + " is reused: " + result.explanations().getOrDefault(id, "none of its inputs changed") + ".\n";
        }
        throw new UserError("--explain " + id + ": no such node (nodes are written layer/type)");
    }

    private static String line(Reason reason) {
        String file = reason.file() == null ? "" : reason.file() + " -> ";
        return "- " + reason.kind() + ": " + file + reason.detail();
    }

    private static String shortId(String revision) {
        return revision == null ? "?" : revision.substring(0, Math.min(12, revision.length()));
    }
}
