package io.strata.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.graph.LayerGraph;
import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.NodeImpact;
import io.strata.engine.impact.Reason;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class SvgRendererTest {

    @Test
    void impactPictureDrawsRebuiltNodesAsBoxesAndReusedNodesAsDottedOvals() throws Exception {
        LayerGraph graph = Graphs.of(Graphs.CONTRACT);
        Document svg = parse(SvgRenderer.render(new GraphPicture(graph, Impacts.startingAt(graph, "compute/compute"))));

        Map<String, Element> nodes = nodes(svg);
        assertEquals(Graphs.names(graph), nodes.keySet());
        for (String reused : List.of("my-fav-os/base", "hsn/base", "uan/uan", "slurm/uan")) {
            Element shape = shape(nodes.get(reused));
            assertEquals("ellipse", shape.getTagName(), reused);
            assertFalse(shape.getAttribute("stroke-dasharray").isBlank(), reused + " is dotted");
        }
        Element start = shape(nodes.get("compute/compute"));
        Element rebuilt = shape(nodes.get("slurm/compute"));
        assertEquals("rect", start.getTagName());
        assertEquals("rect", rebuilt.getTagName());
        assertTrue(start.getAttribute("stroke-dasharray").isEmpty());
        assertNotEquals(start.getAttribute("fill"), rebuilt.getAttribute("fill"), "start and parent-rebuilt fills differ");
        assertEquals("start", nodes.get("compute/compute").getAttribute("data-state"));
        assertEquals("rebuilt", nodes.get("slurm/compute").getAttribute("data-state"));
    }

    @Test
    void tooltipsCarryTheReasons() throws Exception {
        LayerGraph graph = Graphs.of(Graphs.CONTRACT);
        Document svg = parse(SvgRenderer.render(new GraphPicture(graph, Impacts.startingAt(graph, "compute/compute"))));

        Map<String, Element> nodes = nodes(svg);
        String startTip = title(nodes.get("compute/compute"));
        assertTrue(startTip.contains("roles/compute/tasks/main.yml: role compute used by compute.yml"), startTip);
        assertTrue(startTip.contains("directly affected"), startTip);
        assertTrue(title(nodes.get("slurm/compute")).contains("parent compute/compute is rebuilt"));
        assertTrue(title(nodes.get("uan/uan")).contains("reused\n- no build input of uan/uan changed"), title(nodes.get("uan/uan")));
    }

    @Test
    void impactPictureHasALegendWithEveryStateAndItsCount() throws Exception {
        LayerGraph graph = Graphs.of(Graphs.CONTRACT);
        String text = SvgRenderer.render(new GraphPicture(graph, Impacts.startingAt(graph, "compute/compute")));
        Element legend = group(parse(text), "legend");

        List<String> lines = texts(legend);
        assertEquals(List.of("rebuilt: directly affected (1)", "rebuilt: parent rebuilt (1)", "reused (4)"), lines);
        assertEquals(2, legend.getElementsByTagName("rect").getLength());
        assertEquals(1, legend.getElementsByTagName("ellipse").getLength());
    }

    @Test
    void graphAlonePictureHasPlainBoxesAndNoLegend() throws Exception {
        LayerGraph graph = Graphs.of(Graphs.CONTRACT);
        Document svg = parse(SvgRenderer.render(GraphPicture.of(graph)));

        Map<String, Element> nodes = nodes(svg);
        assertEquals(Graphs.names(graph), nodes.keySet());
        nodes.values().forEach(node -> assertEquals("rect", shape(node).getTagName()));
        assertEquals(0, svg.getElementsByTagName("ellipse").getLength());
        assertEquals(null, group(svg, "legend"));
    }

    @Test
    void everyEdgeIsDrawnOnceWithAnArrowhead() throws Exception {
        LayerGraph graph = Graphs.of(Graphs.FORTY);
        Document svg = parse(SvgRenderer.render(new GraphPicture(graph, Impacts.startingAt(graph, "slurm/compute", "lustre/uan"))));

        List<Element> edges = edges(svg);
        Set<String> drawn = edges.stream().map(e -> e.getAttribute("data-from") + " -> " + e.getAttribute("data-to"))
                .collect(Collectors.toSet());
        assertEquals(Graphs.edgeCount(graph), edges.size());
        assertEquals(Graphs.edges(graph), drawn);
        Element marker = (Element) svg.getElementsByTagName("marker").item(0);
        edges.forEach(edge -> assertEquals("url(#" + marker.getAttribute("id") + ")", edge.getAttribute("marker-end")));
    }

    @Test
    void layoutPutsChildrenBelowParentsWithoutOverlapAndEdgesTouchTheShapes() throws Exception {
        LayerGraph graph = Graphs.of(Graphs.FORTY);
        Document svg = parse(SvgRenderer.render(new GraphPicture(graph, Impacts.startingAt(graph, "slurm/compute", "lustre/uan"))));

        Map<String, Shape> shapes = new HashMap<>();
        nodes(svg).forEach((name, group) -> shapes.put(name, Shape.of(shape(group))));
        List<Shape> all = new ArrayList<>(shapes.values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertFalse(all.get(i).overlaps(all.get(j)), all.get(i) + " overlaps " + all.get(j));
            }
        }
        for (Element edge : edges(svg)) {
            Shape parent = shapes.get(edge.getAttribute("data-from"));
            Shape child = shapes.get(edge.getAttribute("data-to"));
            assertTrue(parent.bottom() < child.top(), edge.getAttribute("data-from") + " above its child");
            List<double[]> points = points(edge.getAttribute("d"));
            double[] first = points.get(0);
            double[] last = points.get(points.size() - 1);
            double[] before = points.get(points.size() - 2);
            double length = Math.hypot(last[0] - before[0], last[1] - before[1]);
            double[] tip = {last[0] + (last[0] - before[0]) / length * 9, last[1] + (last[1] - before[1]) / length * 9};
            assertTrue(parent.onOutline(first), "edge leaves " + edge.getAttribute("data-from") + " at its outline");
            assertTrue(child.onOutline(tip), "arrow of the edge to " + edge.getAttribute("data-to") + " ends at its outline");
        }
    }

    @Test
    void documentIsSelfContained() throws Exception {
        LayerGraph graph = Graphs.of(Graphs.FORTY);
        Document svg = parse(SvgRenderer.render(new GraphPicture(graph, Impacts.startingAt(graph, "cos/gpu"))));

        NodeList all = svg.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            String tag = element.getLocalName();
            assertFalse(Set.of("script", "image", "style", "foreignObject", "use", "a").contains(tag), "no <" + tag + ">");
            NamedNodeMap attributes = element.getAttributes();
            for (int j = 0; j < attributes.getLength(); j++) {
                Node attribute = attributes.item(j);
                String name = attribute.getNodeName();
                String value = attribute.getNodeValue();
                if (name.equals("xmlns")) {
                    continue;
                }
                assertFalse(name.endsWith("href"), "no links: " + name);
                assertFalse(name.startsWith("on"), "no event handlers: " + name);
                assertFalse(value.contains("http") || value.contains("@import"), name + "=" + value);
                assertFalse(value.contains("url(") && !value.startsWith("url(#"), name + "=" + value);
            }
        }
        assertEquals("http://www.w3.org/2000/svg", svg.getDocumentElement().getNamespaceURI());
    }

    @Test
    void oddNamesAndReasonsAreEscaped() throws Exception {
        LayerGraph graph = Graphs.of(Graphs.ODD);
        NodeId odd = new NodeId(Graphs.ODD_LAYER, "compute");
        Reason reason = new Reason("variable", "inventory/group_vars/all.yml", "variable <x> & \"y\" changed\nfor 'all'");
        List<NodeId> reuse = graph.topologicalOrder().stream().filter(id -> !id.equals(odd)).toList();
        Document svg = parse(SvgRenderer.render(new GraphPicture(graph, Impacts.of(
                List.of(new NodeImpact(odd, NodeId.parse("os/base"), true, List.of(reason))), reuse))));

        Map<String, Element> nodes = nodes(svg);
        assertEquals(Graphs.names(graph), nodes.keySet());
        assertEquals(List.of(odd.toString()), texts(nodes.get(odd.toString())));
        assertTrue(title(nodes.get(odd.toString())).contains("variable <x> & \"y\" changed\nfor 'all'"));
        assertTrue(edges(svg).stream().anyMatch(e -> e.getAttribute("data-to").equals(odd.toString())));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // A DOCTYPE could pull in external entities: the document must not need one.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, Element> nodes(Document svg) {
        Map<String, Element> nodes = new HashMap<>();
        Element group = group(svg, "nodes");
        for (Element child : children(group)) {
            assertEquals("g", child.getTagName());
            nodes.put(child.getAttribute("data-node"), child);
        }
        return nodes;
    }

    private static List<Element> edges(Document svg) {
        List<Element> edges = children(group(svg, "edges"));
        edges.forEach(edge -> assertEquals("path", edge.getTagName()));
        return edges;
    }

    private static Element group(Document svg, String name) {
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (name.equals(group.getAttribute("class"))) {
                return group;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static Element shape(Element node) {
        return children(node).stream().filter(e -> Set.of("rect", "ellipse").contains(e.getTagName())).findFirst().orElseThrow();
    }

    private static String title(Element node) {
        return children(node).get(0).getTagName().equals("title") ? children(node).get(0).getTextContent() : "";
    }

    private static List<String> texts(Element parent) {
        NodeList texts = parent.getElementsByTagName("text");
        List<String> result = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            result.add(texts.item(i).getTextContent());
        }
        return result;
    }

    private static List<double[]> points(String d) {
        List<double[]> points = new ArrayList<>();
        for (String part : d.replace("M", "").split("L")) {
            String[] xy = part.trim().split(",");
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }

    /** A drawn node shape: a box, or the oval inscribed in the box. */
    private record Shape(double x, double y, double width, double height, boolean oval) {

        static Shape of(Element element) {
            if (element.getTagName().equals("ellipse")) {
                double rx = num(element, "rx");
                double ry = num(element, "ry");
                return new Shape(num(element, "cx") - rx, num(element, "cy") - ry, 2 * rx, 2 * ry, true);
            }
            return new Shape(num(element, "x"), num(element, "y"), num(element, "width"), num(element, "height"), false);
        }

        double top() {
            return y;
        }

        double bottom() {
            return y + height;
        }

        boolean overlaps(Shape other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
        }

        /** Whether the point is on the outline, to the drawing's 0.1 rounding. */
        boolean onOutline(double[] p) {
            if (oval) {
                double dx = (p[0] - (x + width / 2)) / (width / 2);
                double dy = (p[1] - (y + height / 2)) / (height / 2);
                return Math.abs(dx * dx + dy * dy - 1) < 0.03;
            }
            boolean onSide = Math.abs(p[1] - y) < 0.3 || Math.abs(p[1] - bottom()) < 0.3;
            return onSide && p[0] >= x - 0.3 && p[0] <= x + width + 0.3;
        }

        private static double num(Element element, String attribute) {
            return Double.parseDouble(element.getAttribute(attribute));
        }
    }
}
