package io.strata.engine.builder;

import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.PullPolicy;
import io.strata.engine.builder.failure.BuildFailure;
import io.strata.engine.builder.process.CommandResult;
import io.strata.engine.builder.process.OutputSink;
import io.strata.engine.builder.publish.ImageIds;
import io.strata.engine.builder.publish.PublishedImage;
import io.strata.engine.builder.publish.Publisher;
import io.strata.engine.contents.IgnoredPaths;
import io.strata.engine.contents.ImageChanges;
import io.strata.engine.contents.ImageSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a built node changed: the files and packages of its working container against those of
 * the image it replaces (the image its mutable tag names now, read from the local store; none for
 * a first build), each
 * listed inside the mounted root ({@link Buildah#imageContents}) and packages read from the
 * image's own dpkg database. Reading never fails the build: when either image cannot be read,
 * the node's changes stay unknown and its log says why.
 */
final class ImageContents {

    /**
     * What was found: the changes (their SBOM path set) and the SBOM's text, null when the image
     * has no package database.
     */
    record Found(ImageChanges changes, String sbom) {
    }

    private final Buildah buildah;
    private final Publisher publisher;
    private final String mutableTag;
    private final IgnoredPaths ignored;

    ImageContents(Buildah buildah, Publisher publisher, String mutableTag, IgnoredPaths ignored) {
        this.buildah = buildah;
        this.publisher = publisher;
        this.mutableTag = mutableTag;
        this.ignored = ignored;
    }

    /**
     * The changes and the new image's SBOM (to be saved at {@code sbomFile}), or empty when an
     * image cannot be read.
     */
    Optional<Found> changes(NodeAttempt attempt, String container, Path sbomFile) {
        Optional<ImageSnapshot> after = read(attempt, container, "contents-after");
        if (after.isEmpty()) {
            return Optional.empty();
        }
        ImageSnapshot before = ImageSnapshot.EMPTY;
        String against = "nothing: no published tag names an earlier image";
        if (mutableTag != null) {
            String replaced = attempt.job.image() + ":" + mutableTag;
            against = "no earlier image (" + replaced + " does not exist yet)";
            Optional<PublishedImage> found = publisher.find(replaced, attempt.log);
            if (found.isPresent()) {
                Optional<ImageSnapshot> read = readImage(attempt, replaced, found.get().imageId());
                if (read.isEmpty()) {
                    return Optional.empty();
                }
                before = read.get();
                against = replaced;
            }
        }
        String sbom = after.get().sbom(attempt.job.image() + ":" + attempt.job.tag());
        ImageChanges compared = after.get().changesFrom(before, ignored);
        ImageChanges changes = new ImageChanges(compared.packages(), compared.files(), sbom == null ? null : sbomFile);
        attempt.log.line(OutputSink.Stream.INFO, "changes: " + changes.summary() + " against " + against);
        return Optional.of(new Found(changes, sbom));
    }

    /**
     * Reads the replaced image from the local store by its id, never pulling it: a pull would
     * move the store's names (and a later push of them would give other digests), and leave an
     * image behind. An image built or pulled on this machine is there.
     */
    private Optional<ImageSnapshot> readImage(NodeAttempt attempt, String reference, String imageId) {
        String container;
        try {
            container = attempt.newContainer(ImageIds.bare(imageId), PullPolicy.NEVER);
        } catch (BuildFailure e) {
            attempt.log.line(OutputSink.Stream.INFO, "changes: not compared: the image " + reference + " names (" + imageId
                    + ") is not in the local store (pull it to compare): " + e.getMessage());
            return Optional.empty();
        }
        try {
            return read(attempt, container, "contents-before");
        } finally {
            attempt.removeContainer(container);
        }
    }

    private Optional<ImageSnapshot> read(NodeAttempt attempt, String container, String name) {
        Path out = attempt.work.resolve("tmp").resolve(name);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            attempt.log.line(OutputSink.Stream.INFO, "changes: cannot create " + out + ": " + e.getMessage());
            return Optional.empty();
        }
        CommandResult result = attempt.run(buildah.imageContents(container, attempt.rootfs(), out));
        if (!result.ok()) {
            attempt.log.line(OutputSink.Stream.INFO, "changes: cannot list the image's files: " + result.errorSummary());
            return Optional.empty();
        }
        try {
            Path note = out.resolve("packages-note");
            if (Files.exists(note)) {
                attempt.log.line(OutputSink.Stream.INFO, "changes: packages not compared: " + Files.readString(note).strip());
            }
            return Optional.of(ImageSnapshot.read(out));
        } catch (IOException | IllegalArgumentException e) {
            attempt.log.line(OutputSink.Stream.INFO, "changes: cannot read the image's listing: " + e.getMessage());
            return Optional.empty();
        }
    }
}
