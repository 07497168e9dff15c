package io.strata.engine.impact;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A scenario test on a git history that starts with {@link SeedSite} committed as {@code base}. */
abstract class SeededSiteTest {

    @TempDir
    Path dir;

    SiteHistory site;
    String base;

    @BeforeEach
    void seed() {
        site = new SiteHistory(dir);
        base = SeedSite.write(site);
    }

    @AfterEach
    void close() {
        site.close();
    }

    /** Commits the working tree and analyses base..that commit. */
    ImpactResult after(String message) {
        return site.impact(base, site.commit(message));
    }
}
