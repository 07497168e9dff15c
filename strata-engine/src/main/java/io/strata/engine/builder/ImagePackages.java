package io.strata.engine.builder;

import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.ImageReference;
import io.strata.engine.builder.buildah.PullPolicy;
import io.strata.engine.builder.failure.BuildFailure;
import io.strata.engine.builder.process.CommandResult;
import io.strata.engine.builder.process.OutputSink;
import io.strata.engine.builder.publish.PublishedImage;
import io.strata.engine.builder.publish.Publisher;
import io.strata.engine.contents.DebianVersion;
import io.strata.engine.contents.DpkgStatus;
import io.strata.engine.contents.InstalledPackage;
import io.strata.engine.contents.PackageChanges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The package changes of a built node: the packages of its working container against those of
 * the image it replaces (the image its mutable tag names now; none for a first build), each read
 * from the image's own dpkg database. An image without one (not Debian-like, or scratch) has no
 * package changes; reading never fails the build, it only leaves the changes unknown.
 */
final class ImagePackages {

    private final Buildah buildah;
    private final Publisher publisher;
    private final String mutableTag;

    ImagePackages(Buildah buildah, Publisher publisher, String mutableTag) {
        this.buildah = buildah;
        this.publisher = publisher;
        this.mutableTag = mutableTag;
    }

    /** The changes, or empty when the new image's packages cannot be read. */
    Optional<PackageChanges> changes(NodeAttempt attempt, String container) {
        Optional<Map<String, InstalledPackage>> after = read(attempt, container, "packages-after");
        if (after.isEmpty()) {
            return Optional.empty();
        }
        Map<String, InstalledPackage> before = Map.of();
        String against = "nothing: no published tag names an earlier image";
        if (mutableTag != null) {
            String replaced = attempt.job.image() + ":" + mutableTag;
            against = "no earlier image (" + replaced + " does not exist yet)";
            Optional<PublishedImage> found = publisher.find(replaced, attempt.log);
            if (found.isPresent()) {
                Optional<Map<String, InstalledPackage>> read = readImage(attempt, replaced);
                if (read.isEmpty()) {
                    return Optional.empty();
                }
                before = read.get();
                against = replaced;
            }
        }
        PackageChanges changes = PackageChanges.between(before, after.get(), DebianVersion.ORDER);
        attempt.log.line(OutputSink.Stream.INFO, "packages: " + changes.summary() + " against " + against);
        return Optional.of(changes);
    }

    private Optional<Map<String, InstalledPackage>> readImage(NodeAttempt attempt, String reference) {
        String container;
        try {
            container = attempt.newContainer(reference, ImageReference.isLocal(reference) ? PullPolicy.NEVER : PullPolicy.ALWAYS);
        } catch (BuildFailure e) {
            attempt.log.line(OutputSink.Stream.INFO, "packages: cannot read the earlier image " + reference + ": " + e.getMessage());
            return Optional.empty();
        }
        try {
            return read(attempt, container, "packages-before");
        } finally {
            attempt.removeContainer(container);
        }
    }

    private Optional<Map<String, InstalledPackage>> read(NodeAttempt attempt, String container, String name) {
        Path copy = attempt.work.resolve("tmp").resolve(name);
        CommandResult result = attempt.run(buildah.mountedRun(container, attempt.rootfs(), false,
                List.of("cp", attempt.rootfs().resolve(DpkgStatus.PATH).toString(), copy.toString())));
        if (!result.ok()) {
            attempt.log.line(OutputSink.Stream.INFO, "packages: no dpkg database to read (" + result.errorSummary() + ")");
            return Optional.empty();
        }
        try {
            return Optional.of(DpkgStatus.parse(Files.readString(copy)));
        } catch (IOException | IllegalArgumentException e) {
            attempt.log.line(OutputSink.Stream.INFO, "packages: cannot read " + DpkgStatus.PATH + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
