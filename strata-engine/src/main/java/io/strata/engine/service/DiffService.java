package io.strata.engine.service;

import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.BuildahOptions;
import io.strata.engine.builder.buildah.ImageReference;
import io.strata.engine.builder.compare.ImageReadException;
import io.strata.engine.builder.compare.ImageReader;
import io.strata.engine.builder.credentials.AuthFile;
import io.strata.engine.builder.leftovers.Folders;
import io.strata.engine.builder.preflight.Preflight;
import io.strata.engine.builder.process.Cancellation;
import io.strata.engine.builder.process.ProcessCommandRunner;
import io.strata.engine.builder.process.SecretMask;
import io.strata.engine.contents.IgnoredPaths;
import io.strata.engine.contents.ImageChanges;
import io.strata.engine.contents.ImageSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares any two images the way a build compares a node's new image with the one it replaces
 * (docs/build.md): packages from each image's own dpkg database, files with what changed and
 * their sizes. Each image is read from the local store, or pulled when the store does not have it
 * and removed again after; working containers are always removed.
 */
public final class DiffService {

    private DiffService() {
    }

    /**
     * What changed from {@code before} to {@code after}; the result has no SBOM.
     *
     * @param buildah the store's options (storage driver, registries reached without TLS verification)
     * @param authFile registry credentials named on the command line, or null for those of the
     *     environment, as a build takes them ({@link AuthFile#resolve})
     * @param env the environment ({@code STRATA_REGISTRY_USER}, {@code STRATA_REGISTRY_PASSWORD}, {@code REGISTRY_AUTH_FILE})
     * @param ignored the paths left out of the file changes
     * @param cancellation stops the reading (and then removes what it made) when cancelled
     * @throws ImageReadException when an image is neither in the store nor pullable, or cannot be listed
     */
    public static ImageChanges diff(String before, String after, BuildahOptions buildah, Path authFile, Map<String, String> env,
            IgnoredPaths ignored, Cancellation cancellation) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("strata-diff");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder in " + System.getProperty("java.io.tmpdir"), e);
        }
        SecretMask mask = new SecretMask();
        Set<String> registries = new TreeSet<>();
        for (String image : List.of(before, after)) {
            if (!ImageReference.isLocal(image)) {
                registries.add(ImageReference.registryOf(image));
            }
        }
        try (AuthFile auth = AuthFile.resolve(authFile, env, registries, AuthFile.privateDir(env, scratch), mask)) {
            BuildahOptions options = buildah.withAuthFile(auth.path());
            Buildah tool = Preflight.currentUid() == 0 ? new Buildah(options).asRoot() : new Buildah(options);
            ImageReader reader = new ImageReader(tool, new ProcessCommandRunner(cancellation), scratch);
            ImageSnapshot old = reader.read(before);
            return reader.read(after).changesFrom(old, ignored);
        } catch (ImageReadException e) {
            throw new ImageReadException(mask.apply(e.getMessage()));
        } finally {
            try {
                Folders.deleteTree(scratch);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + scratch, e);
            }
        }
    }
}
