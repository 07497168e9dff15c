package io.strata.engine.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which analyser wrote a cache entry: the engine's version and build time, written into the
 * engine's resources by the build, so that a rebuilt engine never reads what an older one
 * derived (a cached result can only be stale if the code that computed it changed).
 */
public final class CacheVersion {

    /** The version of the segment file layout ({@link Segment}). */
    static final int FORMAT = 1;

    private static final String RESOURCE = "analyser-version.properties";

    private CacheVersion() {
    }

    /** The running engine's version, e.g. {@code "0.1.0-SNAPSHOT 2026-12-07T07:40:00Z"}. */
    public static String current() {
        try (InputStream in = CacheVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the engine's resources");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version") + " " + properties.getProperty("built");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
