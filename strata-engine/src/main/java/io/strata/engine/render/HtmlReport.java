package io.strata.engine.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page of a plan and, after a build, of what each built node changed: the
 * impact graph (the {@link SvgRenderer}'s picture, inline), a table of every node with its
 * decision, result and reasons, and each built node's package and file changes. A filter box
 * (also set by the address's {@code #filter=TEXT}) keeps the nodes, packages and files whose names
 * contain its text. It reads nothing from the network: its one script and style are inline, and
 * its content security policy forbids every other source. The plan and the build result are the
 * JSON documents of docs/json.md, so a report can be drawn from a build's {@code result.json}.
 */
public final class HtmlReport {

    /**
     * The file rows shown per node: a first build (compared with nothing) adds every file of its
     * root, tens of thousands; the build's {@code result.json} has them all.
     */
    static final int MAX_FILE_ROWS = 2000;

    private static final String SCRIPT = resource("report.js");
    private static final String STYLE = resource("report.css");

    private HtmlReport() {
    }

    /**
     * The page.
     *
     * @param title the page's title (e.g. the site's name)
     * @param svg the impact graph as {@link SvgRenderer#render} draws it
     * @param plan the plan ({@code strata plan --format json}) or the impact ({@code strata impact --format json})
     * @param result a build's {@code result.json}, or null for a plan alone
     */
    public static String render(String title, String svg, JsonNode plan, JsonNode result) {
        Map<String, JsonNode> built = new LinkedHashMap<>();
        if (result != null) {
            result.path("nodes").forEach(n -> built.put(n.path("node").asText(), n));
        }
        StringBuilder out = new StringBuilder(8192 + svg.length());
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Xml.escape(title)).append("</title>\n<style>").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<header>\n<h1>").append(Xml.escape(title)).append("</h1>\n");
        summary(out, plan, result);
        out.append("<p class=\"filter\"><label for=\"filter\">Filter by node, package or file</label> ")
                .append("<input id=\"filter\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\"> ")
                .append("<output id=\"shown\" for=\"filter\"></output></p>\n</header>\n<main>\n");
        out.append("<figure class=\"graph\">\n").append(svg.replaceFirst("^<\\?xml[^>]*>\\s*", ""))
                .append("</figure>\n");
        nodes(out, plan, built);
        out.append("<h2>Changes of the built images</h2>\n");
        int sections = 0;
        for (JsonNode node : built.values()) {
            if (node.hasNonNull("packages") || node.hasNonNull("files")) {
                changes(out, node);
                sections++;
            }
        }
        if (sections == 0) {
            out.append("<p class=\"none\">").append(result == null
                    ? "None yet: this is a plan. A build's report shows what each built image changed."
                    : "None: no built image was compared with an image it replaces.").append("</p>\n");
        }
        out.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void summary(StringBuilder out, JsonNode plan, JsonNode result) {
        int rebuilt = plan.path("rebuild").size();
        int direct = 0;
        for (JsonNode node : plan.path("rebuild")) {
            direct += node.path("start").asBoolean() ? 1 : 0;
        }
        out.append("<p class=\"summary\">");
        if (plan.hasNonNull("base") && plan.hasNonNull("head")) {
            out.append("Change <code>").append(Xml.escape(shortId(plan.get("base").asText()))).append("</code> to <code>")
                    .append(Xml.escape(shortId(plan.get("head").asText()))).append("</code>, ")
                    .append(plan.path("changedFiles").size()).append(" changed file(s): ");
        }
        out.append(rebuilt).append(" node(s) rebuilt (").append(direct).append(" directly affected), ")
                .append(plan.path("reuse").size()).append(" reused");
        if (plan.hasNonNull("tag")) {
            out.append("; tag <code>").append(Xml.escape(plan.get("tag").asText())).append("</code>");
        }
        out.append(".");
        if (result != null && result.has("succeeded")) {
            out.append(" Build ").append(result.path("cancelled").asBoolean() ? "cancelled"
                    : result.path("succeeded").asBoolean() ? "succeeded" : "failed")
                    .append(" in ").append(result.path("seconds").asText()).append(" s.");
        }
        out.append("</p>\n");
    }

    private static void nodes(StringBuilder out, JsonNode plan, Map<String, JsonNode> built) {
        out.append("<h2>Nodes</h2>\n<table id=\"nodes\">\n<thead><tr><th>node</th><th>plan</th>");
        out.append(built.isEmpty() ? "" : "<th>result</th><th>changes</th>").append("<th>why</th></tr></thead>\n<tbody>\n");
        for (JsonNode node : plan.path("rebuild")) {
            String id = node.path("node").asText();
            JsonNode outcome = built.get(id);
            out.append("<tr data-node=\"").append(Xml.escape(id)).append("\" data-search=\"")
                    .append(Xml.escape(searchText(id, outcome))).append("\"><td>").append(Xml.escape(id))
                    .append("</td><td class=\"rebuild\">rebuild</td>");
            if (!built.isEmpty()) {
                out.append(outcome == null ? "<td></td><td></td>" : "<td class=\"" + Xml.escape(outcome.path("result").asText())
                        + "\">" + Xml.escape(outcome.path("result").asText()) + "</td><td>"
                        + Xml.escape(outcome.path("changes").asText("")) + "</td>");
            }
            out.append("<td><ul>");
            for (JsonNode reason : node.path("reasons")) {
                out.append("<li><b>").append(Xml.escape(reason.path("kind").asText())).append("</b> ")
                        .append(Xml.escape(reason.path("detail").asText("")));
                if (reason.hasNonNull("file")) {
                    out.append(" <code>").append(Xml.escape(reason.get("file").asText())).append("</code>");
                }
                out.append("</li>");
            }
            out.append("</ul></td></tr>\n");
        }
        for (JsonNode reused : plan.path("reuse")) {
            String id = reused.asText();
            JsonNode outcome = built.get(id);
            out.append("<tr data-node=\"").append(Xml.escape(id)).append("\" data-search=\"")
                    .append(Xml.escape(id.toLowerCase(Locale.ROOT))).append("\"><td>").append(Xml.escape(id))
                    .append("</td><td class=\"reuse\">reuse</td>");
            if (!built.isEmpty()) {
                out.append("<td>").append(outcome == null ? "" : Xml.escape(outcome.path("result").asText())).append("</td><td></td>");
            }
            out.append("<td>no input of it changed</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    /** What the filter matches a node's row against: its name, and the packages and files its build changed. */
    private static String searchText(String id, JsonNode outcome) {
        StringBuilder text = new StringBuilder(id);
        if (outcome != null) {
            for (String kind : new String[] {"added", "removed", "upgraded", "downgraded"}) {
                outcome.path("packages").path(kind).forEach(p -> text.append('\n').append(p.path("name").asText()));
            }
            for (String kind : new String[] {"added", "removed", "changed"}) {
                outcome.path("files").path(kind).forEach(f -> text.append('\n').append(f.path("path").asText()));
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static void changes(StringBuilder out, JsonNode node) {
        String id = node.path("node").asText();
        out.append("<section class=\"changes\" data-node=\"").append(Xml.escape(id)).append("\">\n<h3>")
                .append(Xml.escape(id)).append(" <small>").append(Xml.escape(node.path("changes").asText("")))
                .append("</small></h3>\n");
        JsonNode packages = node.path("packages");
        if (!packages.isMissingNode() && !packages.isNull()) {
            out.append("<table class=\"packages\">\n<thead><tr><th>package</th><th>change</th><th>architecture</th>")
                    .append("<th>before</th><th>after</th></tr></thead>\n<tbody>\n");
            for (String kind : new String[] {"added", "removed", "upgraded", "downgraded"}) {
                for (JsonNode p : packages.path(kind)) {
                    String name = p.path("name").asText();
                    out.append("<tr data-search=\"").append(Xml.escape(name.toLowerCase(Locale.ROOT))).append("\"><td>")
                            .append(Xml.escape(name)).append("</td><td class=\"").append(kind).append("\">").append(kind)
                            .append("</td><td>").append(Xml.escape(p.path("architecture").asText(""))).append("</td><td>")
                            .append(Xml.escape(p.path("before").asText(""))).append("</td><td>")
                            .append(Xml.escape(p.path("after").asText(""))).append("</td></tr>\n");
                }
            }
            out.append("</tbody>\n</table>\n");
        }
        JsonNode files = node.path("files");
        if (!files.isMissingNode() && !files.isNull()) {
            out.append("<p>Image files: ").append(bytes(files.path("bytesBefore").asLong())).append(" before, ")
                    .append(bytes(files.path("bytesAfter").asLong())).append(" after.</p>\n")
                    .append("<table class=\"files\">\n<thead><tr><th>file</th><th>change</th><th>what</th>")
                    .append("<th>size before</th><th>size after</th></tr></thead>\n<tbody>\n");
            int rows = 0;
            int total = 0;
            for (String kind : new String[] {"added", "removed", "changed"}) {
                total += files.path(kind).size();
            }
            for (String kind : new String[] {"added", "removed", "changed"}) {
                for (JsonNode f : files.path(kind)) {
                    if (rows == MAX_FILE_ROWS) {
                        break;
                    }
                    rows++;
                    String path = f.path("path").asText();
                    out.append("<tr data-search=\"").append(Xml.escape(path.toLowerCase(Locale.ROOT))).append("\"><td><code>")
                            .append(Xml.escape(path)).append("</code></td><td class=\"").append(kind).append("\">").append(kind)
                            .append("</td><td>").append(Xml.escape(words(f.path("what")))).append("</td><td>")
                            .append(f.hasNonNull("sizeBefore") ? f.get("sizeBefore").asLong() : "").append("</td><td>")
                            .append(f.hasNonNull("sizeAfter") ? f.get("sizeAfter").asLong() : "").append("</td></tr>\n");
                }
            }
            out.append("</tbody>\n</table>\n");
            if (total > MAX_FILE_ROWS) {
                out.append("<p class=\"none\">The first ").append(MAX_FILE_ROWS).append(" of ").append(total)
                        .append(" file changes; the build's result.json has them all.</p>\n");
            }
        }
        out.append("</section>\n");
    }

    /** A list of words (a file's {@code what}) as one comma-separated text. */
    private static String words(JsonNode list) {
        StringBuilder text = new StringBuilder();
        list.forEach(w -> text.append(text.length() == 0 ? "" : ", ").append(w.asText()));
        return text.toString();
    }

    private static String bytes(long bytes) {
        return bytes < 1024 * 1024 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
