package io.strata.engine.service;

import io.strata.engine.config.Problem;
import io.strata.engine.config.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule every front-end applies to the checkouts of a multi-repository site: one checkout per
 * repository name. A change is analysed as the change of one repository, so a second name mapped
 * to the same checkout would not see it, and its layers would not be rebuilt.
 */
public final class RepoCheckouts {

    private RepoCheckouts() {
    }

    /**
     * A problem for each repository name mapped to a checkout that an earlier name already has.
     *
     * @param configFile the layers file, for the problems' location
     * @param dirs repository name to checkout folder, in the order they were given
     */
    public static List<Problem> shared(String configFile, Map<String, Path> dirs) {
        List<Problem> problems = new ArrayList<>();
        Map<Path, String> byCheckout = new HashMap<>();
        dirs.forEach((name, dir) -> {
            String other = byCheckout.putIfAbsent(realPath(dir), name);
            if (other != null) {
                problems.add(new Problem(SourceLocation.of(configFile), name, "repositories '" + other + "' and '" + name
                        + "' are mapped to one checkout, " + dir + ": a change there is analysed as the change of one repository,"
                        + " and the other's layers would miss it", "give each its own checkout (git worktree add), or use one repository name"));
            }
        });
        return problems;
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir;
        }
    }
}
