package io.strata.engine.builder.buildah;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How buildah is run.
 *
 * @param storageDriver {@code overlay} or {@code vfs}, or null for the store's own driver
 * @param isolation buildah's isolation for {@code RUN}-like work ({@code chroot} works rootless
 *     everywhere; {@code oci} needs a working OCI runtime)
 * @param insecureRegistries registries (host[:port]) reached without TLS verification; TLS is
 *     verified for every other one
 * @param authFile the registry auth file, or null for buildah's default
 */
public record BuildahOptions(String storageDriver, String isolation, Set<String> insecureRegistries, Path authFile) {

    /** The default isolation. */
    public static final String DEFAULT_ISOLATION = "chroot";

    /** Keeps an immutable copy of the registries. */
    public BuildahOptions {
        insecureRegistries = Collections.unmodifiableSet(new TreeSet<>(insecureRegistries));
    }

    /** The defaults: the store's driver, chroot isolation, TLS verified everywhere, default auth. */
    public static BuildahOptions defaults() {
        return new BuildahOptions(null, DEFAULT_ISOLATION, Set.of(), null);
    }

    /** The same options with another auth file. */
    public BuildahOptions withAuthFile(Path file) {
        return new BuildahOptions(storageDriver, isolation, insecureRegistries, file);
    }

    /** The same options with another storage driver. */
    public BuildahOptions withStorageDriver(String driver) {
        return new BuildahOptions(driver, isolation, insecureRegistries, authFile);
    }

    /**
     * The environment every buildah (and buildah-calling) command gets: the isolation, and the
     * storage driver through {@code STORAGE_DRIVER} so that programs buildah's connection plugin
     * starts use the same store.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BUILDAH_ISOLATION", isolation);
        if (storageDriver != null) {
            env.put("STORAGE_DRIVER", storageDriver);
        }
        return env;
    }

    /** Whether TLS is verified for an image reference's registry. */
    public boolean verifiesTls(String reference) {
        return !insecureRegistries.contains(ImageReference.registryOf(reference));
    }
}
