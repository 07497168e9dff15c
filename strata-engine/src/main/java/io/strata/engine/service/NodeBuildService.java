package io.strata.engine.service;

import io.strata.engine.builder.BuildRequest;
import io.strata.engine.builder.BuildSession;
import io.strata.engine.builder.BuildSettings;
import io.strata.engine.builder.SourceInfo;
import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.process.Cancellation;
import io.strata.engine.builder.runner.BuildProgress;
import io.strata.engine.builder.runner.NodeJob;
import io.strata.engine.config.ConfigException;
import io.strata.engine.config.LayersConfig;
import io.strata.engine.config.Problem;
import io.strata.engine.config.SourceLocation;
import io.strata.engine.graph.LayerNode;
import io.strata.engine.graph.NodeId;
import io.strata.engine.plan.ImageNames;
import io.strata.engine.site.SiteSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one node of a site checked out on this machine, FROM the image a plan names: what the
 * Jenkins {@code buildLayer} step runs on its agent. The node's build itself (preflight,
 * credentials, buildah and Ansible, publishing, cleanup) is {@link BuildSession}'s.
 */
public final class NodeBuildService {

    private static final Set<String> STORAGE_DRIVERS = Set.of(BuildSettings.AUTO, "overlay", "vfs");

    private NodeBuildService() {
    }

    /**
     * What the build of one node runs: the site as checked out, the node's job (image, tag,
     * FROM), the build settings and where images are published.
     *
     * @throws ConfigException when the layers file, the node, its FROM, the tag or the storage
     *     driver is wrong; each problem says what to do
     */
    public static BuildRequest prepare(NodeBuildRequest request) {
        SiteCheckout site = request.site();
        SiteSnapshot snapshot = SiteValidation.validated(site);
        LayersConfig config = snapshot.config();
        ImageOptions images = request.images();
        String registry = images.targetRegistry(config);
        ImageNames names = images.targetNames(config);
        SourceInfo source = CheckoutCommits.source(CheckoutFiles.siteDir(site));
        NodeJob job = job(snapshot, request, names, source);
        String mutableTag = images.mergeRequest() != null ? null
                : images.publishedTag() != null ? images.publishedTag() : config.settings().publishedTag();
        return new BuildRequest(snapshot, List.of(job), settings(config, site, request.storageDriver()), registry, mutableTag,
                request.reuse(), 1, request.workDir().toAbsolutePath().normalize(), null, false, source, false);
    }

    /**
     * Builds the node.
     *
     * @param env the environment; registry credentials come from it ({@code STRATA_REGISTRY_USER}
     *     and {@code STRATA_REGISTRY_PASSWORD}, else {@code REGISTRY_AUTH_FILE})
     * @param cancellation stops the build and cleans up when it fires
     * @param progress follows the build (log lines are masked)
     * @throws ConfigException as {@link #prepare} does, or when a package list is invalid
     */
    public static BuildSession.Outcome build(NodeBuildRequest request, Map<String, String> env, Cancellation cancellation,
            BuildProgress progress) {
        return BuildService.run(prepare(request), env, cancellation, progress);
    }

    private static NodeJob job(SiteSnapshot snapshot, NodeBuildRequest request, ImageNames names, SourceInfo source) {
        String tag = request.images().tagOr(RunTags.defaultTag(null, () -> source));
        return job(snapshot, request.site().configFile(), request.node(), request.from(), request.image(), names, tag);
    }

    /**
     * The job of one node built alone, the one rule for every front-end: a root is built from
     * scratch, any other node FROM the image of its parent, which must be given; the image is the
     * one given, else the site's name for the node.
     *
     * @param configFile the layers file, for the problems' location
     * @param from the image to build FROM; null (or {@code scratch}) for a root
     * @param image the image repository to publish to; null: the site's naming
     * @param tag the run's tag
     * @throws ConfigException when the node is not in the graph, a root is given a FROM, another
     *     node none, or the tag is no image tag
     */
    public static NodeJob job(SiteSnapshot snapshot, String configFile, NodeId id, String from, String image, ImageNames names,
            String tag) {
        if (!snapshot.graph().contains(id)) {
            throw new ConfigException(new Problem(SourceLocation.of(configFile), id.toString(), "no node " + id + " in " + configFile,
                    "name a node as layer/type, as the plan lists it"));
        }
        LayerNode node = snapshot.graph().node(id);
        NodeId parent = snapshot.graph().parent(id).orElse(null);
        String fromImage = from;
        if (node.isRoot()) {
            if (fromImage != null && !fromImage.equals(Buildah.SCRATCH)) {
                throw new ConfigException(new Problem(SourceLocation.of(configFile), id.toString(), id + " is a root, built from scratch,"
                        + " not FROM " + fromImage, "give no image to build FROM for a root"));
            }
            fromImage = Buildah.SCRATCH;
        } else if (fromImage == null || fromImage.equals(Buildah.SCRATCH)) {
            throw new ConfigException(new Problem(SourceLocation.of(configFile), id.toString(), id + " needs the image to build FROM",
                    "give the image of its parent " + parent + ", as the plan's from names it"));
        }
        ImageNames.checkTag("the run's tag", tag);
        return new NodeJob(id, parent, image != null ? image : names.image(id), tag, fromImage);
    }

    private static BuildSettings settings(LayersConfig config, SiteCheckout site, String storageDriver) {
        BuildSettings settings = BuildSettings.of(config, CheckoutFiles.siteDir(site));
        if (storageDriver == null) {
            return settings;
        }
        if (!STORAGE_DRIVERS.contains(storageDriver)) {
            throw new ConfigException(new Problem(SourceLocation.of(site.configFile()), storageDriver,
                    "unknown storage driver '" + storageDriver + "'", "use auto, overlay or vfs"));
        }
        return new BuildSettings(storageDriver, settings.isolation(), settings.connection(), settings.connectionAttempts(),
                settings.pythonInterpreter(), settings.insecureRegistries(), settings.pushAttempts(), settings.jobs(),
                settings.squashfs(), settings.test(), settings.changes(),
                settings.changesIgnored());
    }
}
