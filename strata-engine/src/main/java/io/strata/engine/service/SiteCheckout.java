package io.strata.engine.service;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a site is checked out.
 *
 * @param dir the folder of the layers file (the site repository's root or a folder in it)
 * @param configFile the layers file's name in {@code dir}
 * @param repoDirs checkouts of named repositories; they override {@code settings.repos}, and
 *     relative paths are resolved against {@code dir}
 */
public record SiteCheckout(Path dir, String configFile, Map<String, Path> repoDirs) {

    /** Keeps an unmodifiable copy of the repository folders. */
    public SiteCheckout {
        repoDirs = Map.copyOf(repoDirs);
    }

    /** A single-repository site. */
    public static SiteCheckout of(Path dir, String configFile) {
        return new SiteCheckout(dir, configFile, Map.of());
    }
}
