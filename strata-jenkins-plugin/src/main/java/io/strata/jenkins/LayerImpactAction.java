package io.strata.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jenkins.model.RunAction2;

/**
 * What {@code layerImpact} planned in a build: the change it analysed, the commit it analysed
 * (the base of later branch builds when it is a baseline, see {@link ChangeDefaults}), the nodes
 * it rebuilds with their reasons and the nodes it reuses. Shown on the build page ({@code summary.jelly}) and on its own page with the picture
 * ({@code index.jelly}); the picture and {@code plan.json} are archived artifacts.
 */
public final class LayerImpactAction implements RunAction2 {

    /** Where the plan is archived among the build's artifacts. */
    static final String PLAN_ARTIFACT = "strata/plan.json";

    /** Where the picture is archived among the build's artifacts. */
    static final String SVG_ARTIFACT = "strata/impact.svg";

    private final String config;
    private final String repo;
    private final String commit;
    private final boolean baseline;
    private final String change;
    private final String tag;
    private final boolean fullBuild;
    private final List<PlannedLayer> layers;
    private final List<String> reused;
    private final List<String> notes;
    private transient Run<?, ?> run;

    LayerImpactAction(String config, @CheckForNull String repo, ChangeDefaults.Choice choice, AgentPlan plan) {
        this.config = config;
        this.repo = repo;
        this.commit = plan.getAnalysedCommit();
        this.baseline = choice.baseline();
        this.change = choice.description();
        Map<String, Object> map = plan.getPlan();
        this.tag = (String) map.get("tag");
        this.fullBuild = Boolean.TRUE.equals(map.get("fullBuild"));
        List<PlannedLayer> rows = new ArrayList<>();
        for (Object entry : (List<?>) map.get("build")) {
            Map<?, ?> node = (Map<?, ?>) entry;
            rows.add(new PlannedLayer((String) node.get("node"), (Integer) node.get("level"), Boolean.TRUE.equals(node.get("start")),
                    node.get("image") + ":" + node.get("tag"), (String) node.get("from"), reasons((List<?>) node.get("reasons"))));
        }
        this.layers = rows;
        List<String> kept = new ArrayList<>();
        for (Object entry : (List<?>) map.get("reused")) {
            kept.add((String) ((Map<?, ?>) entry).get("node"));
        }
        this.reused = kept;
        this.notes = new ArrayList<>(plan.getNotes());
    }

    private static List<String> reasons(List<?> reasons) {
        List<String> lines = new ArrayList<>();
        for (Object entry : reasons) {
            Map<?, ?> reason = (Map<?, ?>) entry;
            Object file = reason.get("file");
            lines.add(reason.get("kind") + ": " + (file == null ? "" : file + " -> ") + reason.get("detail"));
        }
        return lines;
    }

    /** Whether this records a baseline commit for a layers file and change repository. */
    boolean recorded(String config, @CheckForNull String repo) {
        return baseline && commit != null && this.config.equals(config) && Objects.equals(this.repo, repo);
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

    /** The layers file, relative to the directory the step ran in. */
    public String getConfig() {
        return config;
    }

    /** The repository the change was read from, or null for the layers file's. */
    public @CheckForNull String getRepo() {
        return repo;
    }

    /** The commit analysed, or null outside git. */
    public @CheckForNull String getCommit() {
        return commit;
    }

    /** Whether later branch builds may diff from the commit analysed. */
    public boolean isBaseline() {
        return baseline;
    }

    /** How the change was chosen, e.g. "merge request into main". */
    public String getChange() {
        return change;
    }

    /** The tag of the images built. */
    public String getTag() {
        return tag;
    }

    /** Whether every node is rebuilt. */
    public boolean isFullBuild() {
        return fullBuild;
    }

    /** The nodes rebuilt, in build order. */
    public List<PlannedLayer> getLayers() {
        return layers;
    }

    /** The nodes reused as published. */
    public List<String> getReused() {
        return reused;
    }

    /** Remarks of the analysis. */
    public List<String> getNotes() {
        return notes;
    }

    /** The archived plan, relative to the build's artifacts. */
    public String getPlanArtifact() {
        return PLAN_ARTIFACT;
    }

    /** The archived picture, relative to the build's artifacts. */
    public String getSvgArtifact() {
        return SVG_ARTIFACT;
    }

    @Override
    public String getIconFileName() {
        return "symbol-project-relationship";
    }

    @Override
    public String getDisplayName() {
        return Messages.LayerImpactAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "strata";
    }
}
