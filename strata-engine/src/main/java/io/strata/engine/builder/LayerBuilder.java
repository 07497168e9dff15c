package io.strata.engine.builder;

import io.strata.engine.builder.ansible.Connection;
import io.strata.engine.builder.ansible.RetryPolicy;
import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.digest.InputDigest;
import io.strata.engine.builder.digest.InputDigester;
import io.strata.engine.builder.digest.ToolVersions;
import io.strata.engine.builder.failure.BuildFailure;
import io.strata.engine.builder.leftovers.Holdings;
import io.strata.engine.builder.packages.PackageBackend;
import io.strata.engine.builder.packages.PackageList;
import io.strata.engine.builder.packages.PackageListParser;
import io.strata.engine.builder.packages.RootRecipe;
import io.strata.engine.builder.packages.RootStep;
import io.strata.engine.builder.process.CommandResult;
import io.strata.engine.builder.process.CommandRunner;
import io.strata.engine.builder.process.OutputSink;
import io.strata.engine.builder.publish.ImageIds;
import io.strata.engine.builder.publish.LocalPublisher;
import io.strata.engine.builder.publish.PublishedImage;
import io.strata.engine.builder.publish.Publisher;
import io.strata.engine.builder.runner.NodeBuilder;
import io.strata.engine.builder.runner.NodeJob;
import io.strata.engine.builder.runner.NodeResult;
import io.strata.engine.graph.LayerNode;
import io.strata.engine.site.SiteSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one node for real, rootless: {@code buildah from} the parent image (or
 * {@code scratch}, {@link ParentResolver}), the root's packages or the layer's playbook with the
 * container mounted inside {@code buildah unshare} ({@link PlaybookRunner}), then labels, commit,
 * the optional image test and squashfs export and publishing ({@link ImageFinisher}). A node
 * whose input digest is already published is reused when asked. Everything the build holds lives
 * in a {@link NodeAttempt}, removed on any failure or cancellation: nothing partial is published.
 */
public final class LayerBuilder implements NodeBuilder {

    private final SiteSnapshot site;
    private final BuildOptions options;
    private final Buildah buildah;
    private final CommandRunner runner;
    private final ToolVersions tools;
    private final Holdings holdings;
    private final InputDigester digester;
    private final ParentResolver parents;
    private final PlaybookRunner playbooks;
    private final ImageFinisher finisher;

    /**
     * A builder of a site's nodes.
     *
     * @param site the site at the revision built
     * @param options what the run asks
     * @param buildah the buildah commands
     * @param publisher where images are published
     * @param registry what reads registry images (parents FROM a registry, reuse checks)
     * @param runner what runs commands
     * @param tools the tool versions (part of input digests and labels)
     * @param holdings told of each working container, so that a killed run's are found
     */
    public LayerBuilder(SiteSnapshot site, BuildOptions options, Buildah buildah, Publisher publisher, Publisher registry,
            CommandRunner runner, ToolVersions tools, Holdings holdings) {
        this.site = site;
        this.options = options;
        this.buildah = buildah;
        this.runner = runner;
        this.tools = tools;
        this.holdings = holdings;
        this.digester = new InputDigester(site);
        this.parents = new ParentResolver(new LocalPublisher(buildah, runner), registry);
        this.playbooks = new PlaybookRunner(site, options, buildah);
        this.finisher = new ImageFinisher(options, buildah, publisher, tools, playbooks);
    }

    @Override
    public NodeResult build(NodeJob job, PublishedImage parent, OutputSink log) {
        try (NodeAttempt attempt = new NodeAttempt(job, site.graph().node(job.node()), log, options.workDir(), buildah, runner, holdings)) {
            return build(attempt, parent);
        }
    }

    private NodeResult build(NodeAttempt attempt, PublishedImage builtParent) {
        NodeJob job = attempt.job;
        LayerNode node = attempt.node;
        PackageList packages = node.isRoot() ? packageList(node) : null;
        if (node.isRoot() && packages == null) {
            throw new BuildFailure("root " + job.node() + " has no package list", "add packages.yaml beside layers.yaml or"
                    + " name one with 'packages:' in the entry (docs/layers-format.md section 5)");
        }
        ParentResolver.Parent parent = parents.resolve(attempt, builtParent);
        Connection connection = options.settings().connection();
        InputDigest digest = digester.digest(job.node(), parent.imageId(), packages, tools, connection.key());
        writeInputs(job, digest);
        attempt.log.line(OutputSink.Stream.INFO, "input digest " + digest.value() + " (" + digest.lines().size()
                + " inputs, listed in " + inputsFile(job) + ")");
        if (options.reuse()) {
            Optional<NodeResult> reused = finisher.reuse(attempt, digest);
            if (reused.isPresent()) {
                return reused.get();
            }
        }
        RetryPolicy retry = RetryPolicy.of(connection, options.settings().connectionAttempts());
        String container = null;
        long mark = System.nanoTime();
        for (int run = 1; container == null; run++) {
            String candidate = attempt.newContainer(parent.reference(), parent.pull());
            if (parent.imageId() != null) {
                String actual = ImageIds.normalize(attempt.run(buildah.containerImageId(candidate)).answer());
                if (!actual.equals(parent.imageId())) {
                    attempt.log.line(OutputSink.Stream.INFO, "the parent " + parent.reference() + " moved to " + actual
                            + " while the build started; its input digest is computed from the image used");
                    parent = new ParentResolver.Parent(parent.reference(), actual, parent.pull());
                    digest = digester.digest(job.node(), actual, packages, tools, connection.key());
                    writeInputs(job, digest);
                }
            }
            mark = attempt.phase("from", mark);
            if (packages != null) {
                buildRoot(attempt, candidate, packages);
                mark = attempt.phase("packages", mark);
            }
            if (node.playbook() == null) {
                container = candidate;
                break;
            }
            CommandResult result = playbooks.run(attempt, candidate, node.playbook(), connection, options.auditInputs() ? digest : null);
            mark = attempt.phase("playbook", mark);
            if (result.ok()) {
                container = candidate;
            } else if (retry.retry(result, run)) {
                mark = System.nanoTime();
                attempt.log.line(OutputSink.Stream.INFO, "transient " + connection.plugin() + " failure (" + RetryPolicy.MODULE_FAILURE
                        + "): run " + run + " of " + retry.attempts() + ", retrying on a fresh container");
                attempt.removeContainer(candidate);
            } else {
                throw new BuildFailure("playbook " + node.playbook() + " failed (exit " + result.exitCode() + "): "
                        + PlaybookRunner.failedTask(result), "see the node's log; nothing was published");
            }
        }
        return finisher.finish(attempt, container, parent, digest, mark);
    }

    private PackageList packageList(LayerNode node) {
        String file = site.packagesFile(node.id());
        if (file == null) {
            return null;
        }
        byte[] bytes = site.trees().main().read(file).orElseThrow(() -> new BuildFailure("package list " + file + " is missing",
                "create it or correct 'packages:' of " + node.id()));
        return PackageListParser.parse(file, bytes);
    }

    private void buildRoot(NodeAttempt attempt, String container, PackageList packages) {
        RootRecipe recipe = PackageBackend.of(packages.manager()).recipe(packages, attempt.rootfs(), attempt.work);
        try {
            for (Map.Entry<Path, String> file : recipe.files().entrySet()) {
                Files.writeString(file.getKey(), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (RootStep step : recipe.steps()) {
            CommandResult result = attempt.run(buildah.mountedRun(container, attempt.rootfs(), step.insideRoot(), step.argv()));
            if (!result.ok()) {
                throw new BuildFailure("root " + attempt.job.node() + ": " + step.description() + " failed (exit "
                        + result.exitCode() + "): " + result.errorSummary(), "see the node's log; nothing was published");
            }
        }
    }

    private Path inputsFile(NodeJob job) {
        return options.logDir().resolve(job.slug() + ".inputs.txt");
    }

    private void writeInputs(NodeJob job, InputDigest digest) {
        try {
            Files.createDirectories(options.logDir());
            Files.writeString(inputsFile(job), digest.value() + "\n" + digest.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
