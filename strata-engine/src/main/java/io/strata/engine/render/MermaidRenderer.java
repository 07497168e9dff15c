package io.strata.engine.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a picture as a Mermaid {@code flowchart TD}, for Markdown pages (GitHub, GitLab). Node
 * names can hold characters Mermaid reads as syntax, so nodes get the ids {@code n0, n1, ...}
 * and their names go, entity-encoded, into quoted labels. Rebuilt nodes are boxes, reused nodes
 * dotted stadiums, each state a {@code classDef}.
 */
public final class MermaidRenderer {

    private MermaidRenderer() {
    }

    /** The Mermaid text of the picture. */
    public static String render(GraphPicture picture) {
        PictureModel model = PictureModel.of(picture);
        Map<NodeState, List<String>> members = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder("flowchart TD\n");
        for (PictureModel.Node node : model.nodes()) {
            String id = "n" + node.index();
            out.append("    ").append(shape(id, node.state(), node.label())).append('\n');
            members.computeIfAbsent(node.state(), s -> new ArrayList<>()).add(id);
        }
        for (PictureModel.Edge edge : model.edges()) {
            out.append("    n").append(edge.parent().index()).append(" --> n").append(edge.child().index()).append('\n');
        }
        if (!model.legend().isEmpty()) {
            out.append("    subgraph legend[\"Legend\"]\n        direction LR\n");
            for (PictureModel.LegendEntry entry : model.legend()) {
                String id = "legend_" + entry.state().styleName();
                out.append("        ").append(shape(id, entry.state(), entry.text())).append('\n');
                members.computeIfAbsent(entry.state(), s -> new ArrayList<>()).add(id);
            }
            out.append("    end\n");
        }
        members.forEach((state, ids) -> out.append("    classDef ").append(state.styleName())
                .append(" fill:").append(state.fill())
                .append(",stroke:").append(state.stroke())
                .append(",color:").append(state.text())
                .append(state.dotted() ? ",stroke-width:1.5px,stroke-dasharray:3 3" : "")
                .append("\n    class ").append(String.join(",", ids)).append(' ').append(state.styleName())
                .append('\n'));
        return out.toString();
    }

    private static String shape(String id, NodeState state, String text) {
        String label = '"' + label(text) + '"';
        return state.dotted() ? id + "([" + label + "])" : id + "[" + label + "]";
    }

    /**
     * Text for a quoted Mermaid label: letters, digits and plain punctuation as they are, every
     * other character as a {@code #code;} entity (quotes, {@code #}, HTML's {@code < > &}).
     */
    static String label(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || " /-_.,:()+@=".indexOf(c) >= 0) {
                out.appendCodePoint(c);
            } else {
                out.append('#').append(c).append(';');
            }
        });
        return out.toString();
    }
}
