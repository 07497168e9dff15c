package io.strata.engine.render;

/** How a node is drawn: its role in the picture and the colours every renderer uses for it. */
enum NodeState {

    /** A picture without an impact: every node alike. */
    PLAIN("plain", "layer", "#e8eef6", "#4a5a70", "#1a202c", false),
    /** Rebuilt because its own build inputs changed (a {@code start} node). */
    START("start", "rebuilt: directly affected", "#f4a261", "#a34e0b", "#1a1a1a", false),
    /** Rebuilt only because its parent is rebuilt. */
    REBUILT("rebuilt", "rebuilt: parent rebuilt", "#fde4c8", "#b8773f", "#1a1a1a", false),
    /** Reused from the registry as published. */
    REUSED("reused", "reused", "#ffffff", "#7a7a7a", "#555555", true);

    private final String styleName;
    private final String legendText;
    private final String fill;
    private final String stroke;
    private final String text;
    private final boolean dotted;

    NodeState(String styleName, String legendText, String fill, String stroke, String text, boolean dotted) {
        this.styleName = styleName;
        this.legendText = legendText;
        this.fill = fill;
        this.stroke = stroke;
        this.text = text;
        this.dotted = dotted;
    }

    /** A short identifier-safe name, used as a Mermaid class and in ids. */
    String styleName() {
        return styleName;
    }

    /** What the legend says of this state. */
    String legendText() {
        return legendText;
    }

    /** The fill colour, {@code #rrggbb}. */
    String fill() {
        return fill;
    }

    /** The outline colour. */
    String stroke() {
        return stroke;
    }

    /** The label colour. */
    String text() {
        return text;
    }

    /** Whether the node is a dotted oval (reused) rather than a box (built). */
    boolean dotted() {
        return dotted;
    }
}
