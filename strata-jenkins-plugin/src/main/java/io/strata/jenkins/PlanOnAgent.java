package io.strata.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.strata.engine.cache.AnalysisStore;
import io.strata.engine.cache.CacheFolder;
import io.strata.engine.config.ConfigException;
import io.strata.engine.graph.NodeId;
import io.strata.engine.plan.PlanJson;
import io.strata.engine.service.ChangeSpec;
import io.strata.engine.service.ImageOptions;
import io.strata.engine.service.PlanOutcome;
import io.strata.engine.service.PlanRequest;
import io.strata.engine.service.PlanService;
import io.strata.engine.service.SiteCheckout;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jenkins.MasterToSlaveFileCallable;

/**
 * Plans the build on the machine where the site is checked out: repositories are read where
 * they are, and only the plan travels back. Writes {@code plan.json} and the picture into a
 * folder of that machine for the controller to archive.
 */
final class PlanOnAgent extends MasterToSlaveFileCallable<AgentPlan> {

    private static final long serialVersionUID = 1L;

    /** The plan's file name in the output folder. */
    static final String PLAN_FILE = "plan.json";

    /** The picture's file name in the output folder. */
    static final String SVG_FILE = "impact.svg";

    private final String config;
    private final LinkedHashMap<String, String> repoDirs;
    private final ChangeSpec change;
    private final String targetBranch;
    private final ArrayList<String> startAt;
    private final ArrayList<String> imageTypes;
    private final ImageSettings images;
    private final String outputDir;
    private final String cacheDir;
    private final EnvVars env;
    private final TaskListener listener;

    /** How built images are named and tagged; every field may be null. */
    record ImageSettings(String registry, String fallbackRegistry, String tag) implements Serializable {
    }

    /**
     * @param config the layers file, relative to the folder the callable runs in
     * @param repoDirs repository name to checkout folder, relative to that folder
     * @param change what changed
     * @param targetBranch a merge request's target branch to fetch when missing, or null
     * @param outputDir where to write the plan and the picture (absolute, on the agent)
     * @param cacheDir the analysis cache's folder on the agent, or null for none
     */
    PlanOnAgent(String config, Map<String, String> repoDirs, ChangeSpec change, @CheckForNull String targetBranch,
            List<String> startAt, List<String> imageTypes, ImageSettings images, String outputDir,
            @CheckForNull String cacheDir, EnvVars env, TaskListener listener) {
        this.config = config;
        this.repoDirs = new LinkedHashMap<>(repoDirs);
        this.change = change;
        this.targetBranch = targetBranch;
        this.startAt = new ArrayList<>(startAt);
        this.imageTypes = new ArrayList<>(imageTypes);
        this.images = images;
        this.outputDir = outputDir;
        this.cacheDir = cacheDir;
        this.env = env;
        this.listener = listener;
    }

    @Override
    public AgentPlan invoke(File dir, VirtualChannel channel) throws IOException, InterruptedException {
        SiteCheckout site = Workspaces.checkout(dir, config, repoDirs);
        try {
            if (targetBranch != null) {
                RemoteBranch.ensure(PlanService.checkoutOf(site, change.repo()), targetBranch, env, listener);
            }
            Set<NodeId> start = new LinkedHashSet<>();
            startAt.forEach(node -> start.add(NodeId.parse(node)));
            PlanOutcome outcome = PlanService.plan(new PlanRequest(site, change, start, Set.copyOf(imageTypes),
                    new ImageOptions(images.registry(), images.fallbackRegistry(), images.tag(), null,
                            ChangeDefaults.mergeRequest(env)), cache()));
            Path out = Files.createDirectories(Path.of(outputDir));
            Files.writeString(out.resolve(PLAN_FILE), PlanJson.write(outcome.plan()));
            Files.writeString(out.resolve(SVG_FILE), outcome.svg());
            return new AgentPlan(PlanJson.toMap(outcome.plan()), outcome.analysedCommit(), outcome.notes());
        } catch (ConfigException | IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    private AnalysisStore cache() {
        if (cacheDir == null) {
            return AnalysisStore.none();
        }
        return AnalysisStore.open(new CacheFolder(Path.of(cacheDir), CacheFolder.maxBytes(env)),
                message -> listener.getLogger().println(Messages.LayerImpactStep_CacheWarning(message)));
    }
}
