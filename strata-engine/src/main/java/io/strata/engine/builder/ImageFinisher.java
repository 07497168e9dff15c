package io.strata.engine.builder;

import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.PullPolicy;
import io.strata.engine.builder.digest.InputDigest;
import io.strata.engine.builder.digest.ToolVersions;
import io.strata.engine.builder.failure.BuildFailure;
import io.strata.engine.builder.process.CommandResult;
import io.strata.engine.builder.process.OutputSink;
import io.strata.engine.builder.publish.ImageIds;
import io.strata.engine.builder.publish.PublishedImage;
import io.strata.engine.builder.publish.Publisher;
import io.strata.engine.builder.runner.NodeJob;
import io.strata.engine.builder.runner.NodeResult;
import io.strata.engine.builder.runner.NodeStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a built working container into a published image: its changes, provenance labels, commit, the
 * optional image test and squashfs export, then publishing, the immutable tags first and the
 * mutable tag last, and the squashfs file moved into place only after that. Also gives an image
 * already published with the same input digest this run's tags (reuse).
 */
final class ImageFinisher {

    private final BuildOptions options;
    private final Buildah buildah;
    private final Publisher publisher;
    private final ToolVersions tools;
    private final PlaybookRunner playbooks;
    private final ImageContents contents;

    ImageFinisher(BuildOptions options, Buildah buildah, Publisher publisher, ToolVersions tools, PlaybookRunner playbooks) {
        this.options = options;
        this.buildah = buildah;
        this.publisher = publisher;
        this.tools = tools;
        this.playbooks = playbooks;
        this.contents = new ImageContents(buildah, publisher, options.mutableTag(), options.settings().changesIgnored());
    }

    /**
     * Finishes and publishes the container's image.
     *
     * @param mark when the phase before began ({@link System#nanoTime()})
     * @throws BuildFailure when a step fails; nothing is published then
     */
    NodeResult finish(NodeAttempt attempt, String container, ParentResolver.Parent parent, InputDigest digest, long mark) {
        NodeJob job = attempt.job;
        Path sbomFile = options.logDir().resolve(job.slug() + ".cdx.json");
        ImageContents.Found found = options.settings().changes()
                ? contents.changes(attempt, container, sbomFile).orElse(null) : null;
        mark = attempt.phase("changes", mark);
        Map<String, String> labels = new LinkedHashMap<>(ImageLabels.of(job.node(), job.image(), parent.imageId(),
                parent.reference(), digest, tools, options.source()));
        if (found != null && found.sbom() != null) {
            labels.put(ImageLabels.SBOM, sha256(found.sbom()));
        }
        CommandResult labelled = attempt.run(buildah.label(container, labels));
        if (!labelled.ok()) {
            throw new BuildFailure("cannot label the working container: " + labelled.lastErrorLine(), "");
        }
        String imageId = commit(attempt, container);
        mark = attempt.phase("commit", mark);
        if (options.settings().test() != null) {
            test(attempt, imageId, options.settings().test());
            mark = attempt.phase("test", mark);
        }
        Path squashfs = null;
        if (options.settings().squashfs() != null) {
            squashfs = exportSquashfs(attempt, imageId);
            mark = attempt.phase("squashfs", mark);
        }
        PublishedImage published = publisher.publish(imageId, job.image(), unmovedTags(attempt, digest), options.mutableTag(), attempt.log);
        attempt.unpublishedImage = null;
        attempt.phase(publisher.remote() ? "push" : "tag", mark);
        if (squashfs != null) {
            moveIntoPlace(attempt, squashfs);
        }
        if (found != null && found.sbom() != null) {
            saveSbom(attempt, sbomFile, found.sbom());
        }
        attempt.log.line(OutputSink.Stream.INFO, "timings: " + attempt.timings());
        return new NodeResult(NodeStatus.BUILT, published, found == null ? null : found.changes());
    }

    /** Saves the published image's SBOM whole (a rename), beside the node's log. */
    private static void saveSbom(NodeAttempt attempt, Path file, String sbom) {
        try {
            Path part = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
            Files.writeString(part, sbom);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            attempt.log.line(OutputSink.Stream.INFO, "sbom: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the SBOM " + file, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The image published with the same input digest, given this run's tags; empty when there is none. */
    Optional<NodeResult> reuse(NodeAttempt attempt, InputDigest digest) {
        NodeJob job = attempt.job;
        String reference = job.image() + ":" + digest.tag();
        Optional<PublishedImage> found = publisher.find(reference, attempt.log);
        if (found.isEmpty()) {
            attempt.log.line(OutputSink.Stream.INFO, "not published yet: " + reference);
            return Optional.empty();
        }
        attempt.log.line(OutputSink.Stream.INFO, "reused: " + reference + " has the same input digest");
        List<String> tags = tags(digest, job);
        publisher.retag(found.get(), job.image(), tags.subList(1, tags.size()), options.mutableTag(), attempt.log);
        return Optional.of(new NodeResult(NodeStatus.REUSED, found.get(), null));
    }

    /** Commits the container (which {@code --rm} removes); the image stays unpublished until published. */
    private String commit(NodeAttempt attempt, String container) {
        CommandResult committed = attempt.run(buildah.commit(container));
        if (!committed.ok()) {
            String summary = committed.errorSummary();
            throw committed.noSpaceLeft()
                    ? new BuildFailure("buildah commit failed: the disk of the store is full: " + summary,
                            "free space on that disk (old images of the store can be pruned), then build again; nothing was published")
                    : new BuildFailure("buildah commit failed: " + summary, "check the free space of the store; nothing was published");
        }
        attempt.committed(container);
        String[] lines = committed.stdout().strip().split("\n");
        String imageId = ImageIds.normalize(lines[lines.length - 1].strip());
        attempt.unpublishedImage = imageId;
        return imageId;
    }

    /**
     * The immutable tags a newly built image gets: the input-digest tag only when no image holds it
     * yet. An earlier build of the same inputs keeps it (without reuse the node is built again,
     * and the new image gets the run's tag only): an immutable tag never moves.
     */
    private List<String> unmovedTags(NodeAttempt attempt, InputDigest digest) {
        List<String> tags = tags(digest, attempt.job);
        String reference = attempt.job.image() + ":" + digest.tag();
        if (tags.size() > 1 && publisher.find(reference, attempt.log).isPresent()) {
            attempt.log.line(OutputSink.Stream.INFO, "kept: " + reference + " already names an image built from the same inputs"
                    + " and stays on it (an input-digest tag never moves; a build with reuse on would have reused that image)");
            return tags.subList(1, tags.size());
        }
        return tags;
    }

    private static List<String> tags(InputDigest digest, NodeJob job) {
        return List.copyOf(new LinkedHashSet<>(List.of(digest.tag(), job.tag())));
    }

    private void test(NodeAttempt attempt, String imageId, ImageTest test) {
        CommandResult result = inContainerOf(attempt, imageId, container -> {
            if (test.playbook() != null) {
                return playbooks.run(attempt, container, test.playbook(), options.settings().connection(), null);
            }
            List<String> argv = new ArrayList<>(List.of("chroot", attempt.rootfs().toString()));
            argv.addAll(test.command());
            return attempt.run(buildah.mountedRun(container, attempt.rootfs(), true, argv));
        });
        if (!result.ok()) {
            throw new BuildFailure("the image test failed (exit " + result.exitCode() + "): " + result.errorSummary()
                    + "; nothing was published", "see the node's log");
        }
        attempt.log.line(OutputSink.Stream.INFO, "image test passed");
    }

    private Path exportSquashfs(NodeAttempt attempt, String imageId) {
        Path dir = options.settings().squashfs().dir();
        Path partial;
        try {
            Files.createDirectories(dir);
            partial = dir.resolve("." + attempt.job.slug() + "-" + NodeAttempt.random() + ".partial");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        attempt.partialSquashfs = partial;
        CommandResult result = inContainerOf(attempt, imageId, container -> attempt.run(buildah.mountedRun(container, attempt.rootfs(),
                false, options.settings().squashfs().command(attempt.rootfs(), partial))));
        if (!result.ok()) {
            throw new BuildFailure("mksquashfs failed (exit " + result.exitCode() + "): " + result.errorSummary(),
                    "check the free space of " + dir);
        }
        return partial;
    }

    /** Runs {@code use} on a throw-away container of the committed image, removed after. */
    private static CommandResult inContainerOf(NodeAttempt attempt, String imageId, Function<String, CommandResult> use) {
        String container = attempt.newContainer(ImageIds.bare(imageId), PullPolicy.NEVER);
        CommandResult result = use.apply(container);
        attempt.removeContainer(container);
        return result;
    }

    private void moveIntoPlace(NodeAttempt attempt, Path partial) {
        Path target = options.settings().squashfs().dir().resolve(attempt.job.slug() + "-" + attempt.job.tag() + ".squashfs");
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            attempt.partialSquashfs = null;
            attempt.log.line(OutputSink.Stream.INFO, "squashfs: " + target + " (" + Files.size(target) / (1024 * 1024) + " MiB)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the squashfs file to " + target, e);
        }
    }
}
