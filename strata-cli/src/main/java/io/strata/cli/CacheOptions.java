package io.strata.cli;

import io.strata.engine.cache.AnalysisStore;
import io.strata.engine.cache.CacheFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the persistent analysis cache is, or that none is used. */
final class CacheOptions {

    /** The environment variable that sets the cache's size cap, in MiB. */
    static final String MAX_MIB = "STRATA_CACHE_MAX_MB";

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "The analysis cache's folder (default: $STRATA_CACHE_DIR,"
            + " else $XDG_CACHE_HOME/strata, else ~/.cache/strata; $" + MAX_MIB + " caps its size, default 512).")
    Path dir;

    @Option(names = "--no-cache", description = "Parse every file again: neither read nor write the analysis cache.")
    boolean off;

    /** The cache's folder and size cap. */
    CacheFolder folder() {
        Map<String, String> environment = System.getenv();
        Path chosen = dir != null ? dir : CacheFolder.defaultDir(environment, Path.of(System.getProperty("user.home")));
        return new CacheFolder(chosen, maxBytes(environment.get(MAX_MIB)));
    }

    /** The cache a run reads and writes, printing its warnings; none with {@code --no-cache}. */
    AnalysisStore store(PrintWriter err) {
        if (off && dir != null) {
            throw new UserError("give either --cache-dir or --no-cache, not both");
        }
        if (off) {
            return AnalysisStore.none();
        }
        return AnalysisStore.open(folder(), message -> {
            err.println("warning: " + message);
            err.flush();
        });
    }

    /** The size cap {@code $STRATA_CACHE_MAX_MB} gives (unset: the default). */
    static long maxBytes(String mebibytes) {
        if (mebibytes == null || mebibytes.isBlank()) {
            return CacheFolder.DEFAULT_MAX_BYTES;
        }
        try {
            long value = Long.parseLong(mebibytes.strip());
            if (value > 0 && value < Long.MAX_VALUE >> 20) {
                return value << 20;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new UserError(MAX_MIB + "=" + mebibytes + ": give the analysis cache's size cap as a whole number of MiB, e.g. 512");
    }
}
