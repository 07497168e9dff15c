package io.strata.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.model.Run;
import io.strata.engine.render.HtmlReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import jenkins.util.VirtualFile;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * What the nodes {@code buildLayer} built in a build changed: one row per node with its result,
 * its package and file change summary, its archived record and SBOM ({@code index.jelly}), and
 * {@code report}: the self-contained HTML report of {@code strata report} (the impact graph and
 * every node's reasons from {@code layerImpact}'s archived plan, each node's package and file
 * changes from its archived record, with a filter), drawn by the engine from the artifacts.
 */
public final class LayerChangesAction implements RunAction2 {

    /** Where node records are archived among the build's artifacts. */
    static final String RECORD_ARTIFACTS = "strata/nodes/";

    /** Where SBOMs are archived among the build's artifacts. */
    static final String SBOM_ARTIFACTS = "strata/sbom/";

    private static final Logger LOGGER = Logger.getLogger(LayerChangesAction.class.getName());

    private final List<BuiltLayer> layers = new CopyOnWriteArrayList<>();
    private transient Run<?, ?> run;

    /** Adds a node to the build's action (made on the first), and saves the build. Parallel stages call this at once. */
    static void record(Run<?, ?> run, BuiltLayer layer) {
        synchronized (run) {
            LayerChangesAction action = run.getAction(LayerChangesAction.class);
            if (action == null) {
                action = new LayerChangesAction();
                run.addAction(action);
            }
            action.layers.add(layer);
        }
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot save " + run + " after recording " + layer.getNode(), e);
        }
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** The build. */
    public Run<?, ?> getRun() {
        return run;
    }

    /** The nodes, in the order their builds ended. */
    public List<BuiltLayer> getLayers() {
        return new ArrayList<>(layers);
    }

    /** The report page: the engine's self-contained HTML, from the plan and records archived in this build. */
    public void doReport(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        run.checkPermission(Run.ARTIFACTS);
        VirtualFile artifacts = run.getArtifactManager().root();
        ObjectMapper json = new ObjectMapper();
        ObjectNode result = json.createObjectNode();
        ArrayNode nodes = result.putArray("nodes");
        for (BuiltLayer layer : layers) {
            JsonNode record = read(json, artifacts.child(layer.getRecord()));
            if (record != null) {
                nodes.add(record);
            }
        }
        JsonNode plan = read(json, artifacts.child(LayerImpactAction.PLAN_ARTIFACT));
        String svg = text(artifacts.child(LayerImpactAction.SVG_ARTIFACT));
        if (plan == null) {
            // buildLayer without layerImpact: the nodes built, without reasons or picture.
            ObjectNode built = json.createObjectNode();
            ArrayNode rebuild = built.putArray("rebuild");
            layers.forEach(layer -> rebuild.addObject().put("node", layer.getNode()).put("start", true).putArray("reasons"));
            built.putArray("reuse");
            plan = built;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(HtmlReport.render(run.getFullDisplayName() + " " + Messages.LayerChangesAction_DisplayName(),
                svg == null ? "" : svg, plan, result));
    }

    private static JsonNode read(ObjectMapper json, VirtualFile file) throws IOException {
        String text = text(file);
        return text == null ? null : json.readTree(text);
    }

    private static String text(VirtualFile file) throws IOException {
        if (!file.isFile()) {
            return null;
        }
        try (InputStream in = file.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public String getIconFileName() {
        return "symbol-document-text";
    }

    @Override
    public String getDisplayName() {
        return Messages.LayerChangesAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "strata-changes";
    }
}
