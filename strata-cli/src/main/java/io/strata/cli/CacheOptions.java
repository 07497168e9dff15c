package io.strata.cli;

import io.strata.engine.cache.AnalysisStore;
import io.strata.engine.cache.CacheFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the persistent analysis cache is, or that none is used. */
final class CacheOptions {

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "The analysis cache's folder (default: $STRATA_CACHE_DIR,"
            + " else $XDG_CACHE_HOME/strata, else ~/.cache/strata; $" + CacheFolder.MAX_MIB_VARIABLE + " caps its size, default 512).")
    Path dir;

    @Option(names = "--no-cache", description = "Parse every file again: neither read nor write the analysis cache.")
    boolean off;

    /** The cache's folder and size cap. */
    CacheFolder folder() {
        Map<String, String> environment = System.getenv();
        Path chosen = dir != null ? dir : CacheFolder.defaultDir(environment, Path.of(System.getProperty("user.home")));
        return new CacheFolder(chosen, CacheFolder.maxBytes(environment));
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
}
