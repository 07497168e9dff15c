package io.strata.engine.render;

/**
 * Writes a picture in Graphviz DOT ({@code dot -Tsvg}): parents above children, rebuilt nodes as
 * filled boxes, reused ones as dotted ovals, reasons in each node's tooltip.
 */
public final class DotRenderer {

    private static final String FONT = "Helvetica,Arial,sans-serif";

    private DotRenderer() {
    }

    /** The DOT text of the picture. */
    public static String render(GraphPicture picture) {
        PictureModel model = PictureModel.of(picture);
        StringBuilder out = new StringBuilder();
        out.append("digraph layers {\n");
        out.append("  graph [rankdir=TB, nodesep=0.3, ranksep=0.5, fontname=").append(quote(FONT)).append("];\n");
        out.append("  node [fontname=").append(quote(FONT)).append(", fontsize=11, margin=\"0.16,0.06\"];\n");
        out.append("  edge [color=\"#555555\", arrowsize=0.7];\n");
        for (PictureModel.Node node : model.nodes()) {
            out.append("  ").append(quote(node.label())).append(" [")
                    .append(style(node.state(), node.label()))
                    .append(", tooltip=").append(quote(node.tooltip())).append("];\n");
        }
        for (PictureModel.Edge edge : model.edges()) {
            out.append("  ").append(quote(edge.parent().label())).append(" -> ").append(quote(edge.child().label())).append(";\n");
        }
        if (!model.legend().isEmpty()) {
            out.append("  subgraph cluster_legend {\n");
            out.append("    label=\"Legend\"; fontsize=10; color=\"#bbbbbb\"; style=rounded;\n");
            for (PictureModel.LegendEntry entry : model.legend()) {
                out.append("    legend_").append(entry.state().styleName()).append(" [")
                        .append(style(entry.state(), entry.text())).append(", fontsize=10];\n");
            }
            out.append("    { rank=same; ").append(String.join(" -> ", model.legend().stream()
                    .map(entry -> "legend_" + entry.state().styleName()).toList())).append(" [style=invis]; }\n");
            out.append("  }\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private static String style(NodeState state, String label) {
        String shape = state.dotted()
                ? "shape=ellipse, style=\"dotted,filled\", penwidth=1.4"
                : "shape=box, style=\"rounded,filled\"";
        return "label=" + quote(label) + ", " + shape
                + ", fillcolor=" + quote(state.fill()) + ", color=" + quote(state.stroke())
                + ", fontcolor=" + quote(state.text());
    }

    /**
     * A DOT double-quoted string. Backslashes are doubled so that Graphviz's escape sequences
     * ({@code \N}, {@code \l}) cannot be smuggled in through a name; line breaks become {@code \n}.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> { }
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
