package io.strata.engine.render;

import io.strata.engine.render.LayeredLayout.Box;
import io.strata.engine.render.LayeredLayout.Link;
import io.strata.engine.render.LayeredLayout.Point;
import io.strata.engine.render.LayeredLayout.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a picture as a self-contained SVG file: no fonts, scripts, images or style sheets from
 * elsewhere, only presentation attributes, so it opens as it is in a browser, a CI artifact
 * viewer or a mail. Nodes are placed by ELK's layered algorithm ({@link LayeredLayout}); each
 * node's {@code <title>} is its tooltip: what it is and why it is (or is not) rebuilt.
 */
public final class SvgRenderer {

    private static final String FONT = "Helvetica, Arial, 'DejaVu Sans', sans-serif";
    private static final double FONT_SIZE = 13;
    private static final double LEGEND_FONT_SIZE = 11;
    private static final double BOX_HEIGHT = 32;
    private static final double OVAL_HEIGHT = 36;
    private static final double ARROW = 9;
    private static final double LEGEND_HEIGHT = 34;
    private static final String EDGE_COLOUR = "#5a5a5a";

    private SvgRenderer() {
    }

    /** The SVG document of the picture. */
    public static String render(GraphPicture picture) {
        PictureModel model = PictureModel.of(picture);
        List<Size> sizes = model.nodes().stream().map(SvgRenderer::size).toList();
        List<Link> links = model.edges().stream().map(e -> new Link(e.parent().index(), e.child().index())).toList();
        LayeredLayout.Result layout = LayeredLayout.layout(sizes, links);

        StringBuilder legend = new StringBuilder();
        double legendWidth = legend(model.legend(), legend);
        double top = model.legend().isEmpty() ? 0 : LEGEND_HEIGHT;
        double width = Math.max(layout.width(), legendWidth);
        double height = layout.height() + top;

        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" font-family=\"").append(FONT).append("\" role=\"img\">\n");
        out.append("<title>").append(Xml.escape(title(picture, model))).append("</title>\n");
        out.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 8\" refX=\"0\" refY=\"4\" markerWidth=\"")
                .append(num(ARROW)).append("\" markerHeight=\"").append(num(ARROW * 0.8))
                .append("\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,4 L0,8 z\" fill=\"")
                .append(EDGE_COLOUR).append("\"/></marker></defs>\n");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" fill=\"#ffffff\"/>\n");
        out.append(legend);
        out.append("<g transform=\"translate(0,").append(num(top)).append(")\">\n");
        edges(out, model, layout);
        nodes(out, model, layout);
        out.append("</g>\n</svg>\n");
        return out.toString();
    }

    private static void edges(StringBuilder out, PictureModel model, LayeredLayout.Result layout) {
        out.append("<g class=\"edges\">\n");
        for (int i = 0; i < model.edges().size(); i++) {
            PictureModel.Edge edge = model.edges().get(i);
            List<Point> route = shortenForArrow(layout.routes().get(i));
            out.append("<path d=\"").append(path(route)).append("\" fill=\"none\" stroke=\"").append(EDGE_COLOUR)
                    .append("\" stroke-width=\"1.3\" marker-end=\"url(#arrow)\" data-from=\"")
                    .append(Xml.escape(edge.parent().label())).append("\" data-to=\"")
                    .append(Xml.escape(edge.child().label())).append("\"/>\n");
        }
        out.append("</g>\n");
    }

    private static void nodes(StringBuilder out, PictureModel model, LayeredLayout.Result layout) {
        out.append("<g class=\"nodes\">\n");
        for (PictureModel.Node node : model.nodes()) {
            Box box = layout.boxes().get(node.index());
            out.append("<g id=\"n").append(node.index()).append("\" data-node=\"").append(Xml.escape(node.label()))
                    .append("\" data-state=\"").append(node.state().styleName()).append("\">");
            out.append("<title>").append(Xml.escape(node.tooltip())).append("</title>");
            shape(out, node.state(), box);
            text(out, node.label(), box.centerX(), box.centerY(), FONT_SIZE, node.state().text(), "middle");
            out.append("</g>\n");
        }
        out.append("</g>\n");
    }

    private static Size size(PictureModel.Node node) {
        double text = LabelWidth.of(node.label(), FONT_SIZE);
        // An ellipse must be wider than a box for the same text to stay inside its curve.
        return node.state().dotted()
                ? new Size(Math.max(90, text * 1.12 + 30), OVAL_HEIGHT)
                : new Size(Math.max(72, text + 28), BOX_HEIGHT);
    }

    private static String title(GraphPicture picture, PictureModel model) {
        String title = "Layer graph of " + picture.graph().config().file();
        if (model.legend().isEmpty()) {
            return title;
        }
        List<String> counts = model.legend().stream().map(PictureModel.LegendEntry::text).toList();
        return title + ": " + String.join(", ", counts);
    }

    /** Writes the legend (a row of sample shapes above the graph) and returns its width. */
    private static double legend(List<PictureModel.LegendEntry> entries, StringBuilder out) {
        if (entries.isEmpty()) {
            return 0;
        }
        out.append("<g class=\"legend\">\n");
        double x = LayeredLayout.PADDING;
        double middle = LayeredLayout.PADDING + 8;
        for (PictureModel.LegendEntry entry : entries) {
            Box sample = entry.state().dotted() ? new Box(x, middle - 9, 34, 18) : new Box(x, middle - 8, 28, 16);
            out.append("<g>");
            shape(out, entry.state(), sample);
            double textX = x + sample.width() + 6;
            text(out, entry.text(), textX, middle, LEGEND_FONT_SIZE, "#333333", "start");
            out.append("</g>\n");
            x = textX + LabelWidth.of(entry.text(), LEGEND_FONT_SIZE) + 20;
        }
        out.append("</g>\n");
        return x - 20 + LayeredLayout.PADDING;
    }

    private static void shape(StringBuilder out, NodeState state, Box box) {
        if (state.dotted()) {
            out.append("<ellipse cx=\"").append(num(box.centerX())).append("\" cy=\"").append(num(box.centerY()))
                    .append("\" rx=\"").append(num(box.width() / 2)).append("\" ry=\"").append(num(box.height() / 2))
                    .append("\" fill=\"").append(state.fill()).append("\" stroke=\"").append(state.stroke())
                    .append("\" stroke-width=\"1.6\" stroke-dasharray=\"1 4\" stroke-linecap=\"round\"/>");
        } else {
            out.append("<rect x=\"").append(num(box.x())).append("\" y=\"").append(num(box.y()))
                    .append("\" width=\"").append(num(box.width())).append("\" height=\"").append(num(box.height()))
                    .append("\" rx=\"5\" ry=\"5\" fill=\"").append(state.fill()).append("\" stroke=\"")
                    .append(state.stroke()).append("\" stroke-width=\"1.2\"/>");
        }
    }

    private static void text(StringBuilder out, String text, double x, double middle, double size, String colour, String anchor) {
        // A baseline a third of the font size below the middle centres lower-case text, and
        // unlike dominant-baseline it is honoured by every viewer.
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(middle + size * 0.35))
                .append("\" font-size=\"").append(num(size)).append("\" fill=\"").append(colour)
                .append("\" text-anchor=\"").append(anchor).append("\">").append(Xml.escape(text)).append("</text>");
    }

    /**
     * Leaves room for the arrowhead: ELK ends an edge on the target's outline (merged edges meet
     * ovals at the middle of their top and bottom, where the oval touches its box), so the last
     * segment is shortened by the arrow's length and the marker drawn in the gap.
     */
    private static List<Point> shortenForArrow(List<Point> route) {
        List<Point> points = new ArrayList<>(route);
        int last = points.size() - 1;
        Point end = points.get(last);
        Point before = points.get(last - 1);
        double length = Math.hypot(end.x() - before.x(), end.y() - before.y());
        if (length > ARROW) {
            double keep = (length - ARROW) / length;
            points.set(last, new Point(before.x() + (end.x() - before.x()) * keep, before.y() + (end.y() - before.y()) * keep));
        }
        return points;
    }

    private static String path(List<Point> points) {
        StringBuilder d = new StringBuilder();
        for (Point p : points) {
            d.append(d.length() == 0 ? "M" : " L").append(num(p.x())).append(',').append(num(p.y()));
        }
        return d.toString();
    }

    /** A coordinate with at most one decimal, never in exponent form. */
    private static String num(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10.0 + "");
    }
}
