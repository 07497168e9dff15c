package io.strata.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.strata.engine.builder.BuildSession;
import io.strata.engine.builder.process.Cancellation;
import io.strata.engine.builder.runner.BuildReportJson;
import io.strata.engine.builder.runner.NodeOutcome;
import io.strata.engine.config.ConfigException;
import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.ImpactJson;
import io.strata.engine.service.ImageOptions;
import io.strata.engine.service.NodeBuildRequest;
import io.strata.engine.service.NodeBuildService;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jenkins.MasterToSlaveFileCallable;

/**
 * Builds one node on the agent that holds the site's checkout. An abort interrupts this
 * callable; it then fires the build's cancellation, which kills buildah and Ansible and removes
 * working containers and unpublished images, and waits for that cleanup before returning.
 */
final class BuildOnAgent extends MasterToSlaveFileCallable<AgentBuild> {

    private static final long serialVersionUID = 1L;

    /** How long an aborted build may take to clean up. */
    private static final long CLEANUP_SECONDS = 120;

    private final String config;
    private final LinkedHashMap<String, String> repoDirs;
    private final String node;
    private final Target target;
    private final String storageDriver;
    private final boolean reuse;
    private final String workDir;
    private final HashMap<String, String> env;
    private final TaskListener listener;

    /**
     * What to build and where it goes; every field but {@code from} of a non-root may be null.
     *
     * @param from the image to build FROM
     * @param image the image repository
     * @param tag the tag
     * @param registry the registry
     * @param fallbackRegistry the registry when neither {@code registry} nor the layers file names one
     */
    record Target(String from, String image, String tag, String registry, String fallbackRegistry) implements Serializable {
    }

    /**
     * @param config the layers file, relative to the folder the callable runs in
     * @param repoDirs repository name to checkout folder, relative to that folder
     * @param node the node, {@code layer/type}
     * @param workDir where logs and scratch folders go (absolute, on the agent)
     * @param env the build's environment, with the registry credentials when the step was given them
     */
    BuildOnAgent(String config, Map<String, String> repoDirs, String node, Target target, @CheckForNull String storageDriver,
            boolean reuse, String workDir, Map<String, String> env, TaskListener listener) {
        this.config = config;
        this.repoDirs = new LinkedHashMap<>(repoDirs);
        this.node = node;
        this.target = target;
        this.storageDriver = storageDriver;
        this.reuse = reuse;
        this.workDir = workDir;
        this.env = new HashMap<>(env);
        this.listener = listener;
    }

    @Override
    public AgentBuild invoke(File dir, VirtualChannel channel) throws IOException, InterruptedException {
        Path work = Path.of(workDir);
        NodeBuildRequest request = new NodeBuildRequest(Workspaces.checkout(dir, config, repoDirs), NodeId.parse(node),
                target.from(), target.image(), new ImageOptions(target.registry(), target.fallbackRegistry(), target.tag(), null,
                        ChangeDefaults.mergeRequest(env)),
                storageDriver, reuse, work);
        Cancellation cancellation = new Cancellation();
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "strata build " + node));
        try {
            Future<BuildSession.Outcome> build = thread.submit(
                    () -> NodeBuildService.build(request, env, cancellation, new ListenerProgress(listener)));
            return result(build.get(), work);
        } catch (InterruptedException e) {
            cancellation.cancel(Messages.BuildOnAgent_Aborted());
            waitForCleanup(thread);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException || cause instanceof IllegalArgumentException) {
                throw new AbortException(cause.getMessage());
            }
            throw new IOException(cause);
        } finally {
            thread.shutdown();
        }
    }

    private AgentBuild result(BuildSession.Outcome outcome, Path work) throws IOException {
        if (outcome.report() == null) {
            return new AgentBuild(Map.of("node", node, "status", "preflight"), false,
                    Messages.BuildOnAgent_CannotBuild(outcome.preflight().format()), AgentBuild.Outputs.NONE);
        }
        NodeOutcome built = outcome.report().outcomes().get(0);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("node", node);
        result.put("status", built.status().label());
        result.put("image", built.image() == null ? null : built.image().reference());
        result.put("imageId", built.image() == null ? null : built.image().imageId());
        result.put("digest", built.image() == null ? null : built.image().digest());
        result.put("changes", built.changes() == null ? null : built.changes().summary());
        boolean succeeded = outcome.report().succeeded();
        String record = null;
        if (built.log() != null) {
            Path file = built.log().toAbsolutePath().resolveSibling(node.replace('/', '-') + ".result.json");
            Files.writeString(file, ImpactJson.json(BuildReportJson.node(built)));
            record = relative(work, file);
        }
        Path sbom = built.changes() == null ? null : built.changes().sbom();
        return new AgentBuild(result, succeeded, succeeded ? null : Messages.BuildOnAgent_Failed(node, built.status().label(), built.message()),
                new AgentBuild.Outputs(built.log() == null ? null : relative(work, built.log()), record,
                        sbom != null && Files.exists(sbom) ? relative(work, sbom) : null));
    }

    private static String relative(Path work, Path file) {
        return work.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
    }

    private static void waitForCleanup(ExecutorService thread) {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLEANUP_SECONDS, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
