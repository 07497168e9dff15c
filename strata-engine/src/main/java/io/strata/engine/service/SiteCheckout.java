package io.strata.engine.service;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a site is checked out.
 *
 * @param dir the folder of the layers file (the site repository's root or a folder in it)
 * @param configFile the layers file's name in {@code dir}
 * @param repoDirs checkouts of named repositories; they override {@code settings.repos}, and
 *     relative paths are resolved against {@code dir}
 * @param repoDirsOption how the caller's users give {@code repoDirs}, for messages (the Jenkins
 *     steps' {@code repoDirs}, the command line's option)
 */
public record SiteCheckout(Path dir, String configFile, Map<String, Path> repoDirs, String repoDirsOption) {

    /** Keeps an unmodifiable copy of the repository folders, in the order given (messages follow it). */
    public SiteCheckout {
        repoDirs = Collections.unmodifiableMap(new LinkedHashMap<>(repoDirs));
    }

    /** A checkout whose repository folders are given as the Jenkins steps' {@code repoDirs}. */
    public SiteCheckout(Path dir, String configFile, Map<String, Path> repoDirs) {
        this(dir, configFile, repoDirs, "repoDirs");
    }

    /** A single-repository site. */
    public static SiteCheckout of(Path dir, String configFile) {
        return new SiteCheckout(dir, configFile, Map.of());
    }
}
