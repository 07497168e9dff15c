package io.strata.engine.builder.compare;

import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.PullPolicy;
import io.strata.engine.builder.leftovers.Folders;
import io.strata.engine.builder.process.CommandResult;
import io.strata.engine.builder.process.CommandRunner;
import io.strata.engine.builder.process.OutputSink;
import io.strata.engine.contents.ImageSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Reads what an image holds ({@link ImageSnapshot}) from the local store, or pulled from its
 * registry when the store does not have it, and leaves the store as it found it: its working
 * container is removed, and an image it pulled is removed again.
 */
public final class ImageReader {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Buildah buildah;
    private final CommandRunner runner;
    private final Path scratch;

    /**
     * @param buildah the store's buildah
     * @param runner runs buildah (cancellable; its cleanup runner removes what was made)
     * @param scratch a folder for the mount point and the listing; sub-folders are removed after
     */
    public ImageReader(Buildah buildah, CommandRunner runner, Path scratch) {
        this.buildah = buildah;
        this.runner = runner;
        this.scratch = scratch;
    }

    /**
     * What the image holds.
     *
     * @throws ImageReadException when the image is neither in the store nor pullable, or cannot be listed
     */
    public ImageSnapshot read(String image) {
        boolean local = runner.run(buildah.imageId(image), OutputSink.NONE).ok();
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        String container = "strata-diff-" + HexFormat.of().formatHex(bytes);
        Path work = scratch.resolve(container);
        try {
            CommandResult from = runner.run(buildah.from(container, image, local ? PullPolicy.NEVER : PullPolicy.MISSING),
                    OutputSink.NONE);
            if (!from.ok()) {
                throw new ImageReadException(image + ": not in the local store" + (local ? "" : " and cannot be pulled") + ": "
                        + from.errorSummary() + "; check the name (buildah images lists the store), the registry and credentials");
            }
            try {
                Files.createDirectories(work.resolve("root"));
                Files.createDirectories(work.resolve("listing"));
                CommandResult listed = runner.run(buildah.imageContents(container, work.resolve("root"), work.resolve("listing")),
                        OutputSink.NONE);
                if (!listed.ok()) {
                    throw new ImageReadException(image + ": cannot list its files: " + listed.errorSummary());
                }
                return ImageSnapshot.read(work.resolve("listing"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the listing of " + image + " in " + work, e);
            } catch (IllegalArgumentException e) {
                throw new ImageReadException(image + ": its listing cannot be read: " + e.getMessage());
            } finally {
                runner.forCleanup().run(buildah.rm(container), OutputSink.NONE);
            }
        } finally {
            if (!local) {
                // Only the name the pull added goes: an image that had other names keeps them.
                runner.forCleanup().run(buildah.rmi(image), OutputSink.NONE);
            }
            try {
                Folders.deleteTree(work);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + work, e);
            }
        }
    }
}
