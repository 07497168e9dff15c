package io.strata.engine.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.config.ConfigException;
import io.strata.engine.config.Problem;
import io.strata.engine.impact.SiteHistory;
import io.strata.engine.source.GitSourceTree;
import io.strata.engine.source.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitChangeSetsTest {

    @TempDir
    Path dir;

    /** Every path and content of a tree, to compare trees read two ways. */
    private static Map<String, String> contents(SourceTree tree) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String path : tree.files()) {
            all.put(path, tree.contentId(path).orElseThrow());
        }
        return all;
    }

    @Test
    void theBaseTreeDerivedFromTheDiffIsTheBaseCommitsTree() throws Exception {
        try (SiteHistory history = new SiteHistory(dir)) {
            history.write("site/kept.yml", "a: 1\n")
                    .write("site/edited.yml", "b: 1\n")
                    .write("site/deleted.yml", "c: 1\n")
                    .write("site/roles/r/tasks/main.yml", "- debug: {msg: a long enough text for rename detection to pair it}\n")
                    .write("site/copied.yml", "- debug: {msg: another long enough text that is copied to a second file}\n")
                    .write("outside/x.txt", "x\n");
            String base = history.commit("base");
            history.write("site/edited.yml", "b: 2\n")
                    .delete("site/deleted.yml")
                    .move("site/roles/r/tasks/main.yml", "site/roles/s/tasks/main.yml")
                    .write("site/copy-of-copied.yml", Files.readString(dir.resolve("site/copied.yml")))
                    .write("site/added.yml", "d: 1\n")
                    .write("outside/x.txt", "y\n");
            String head = history.commit("head");

            ChangeSet change = GitChangeSets.between(dir.resolve("site"), null, base, head, false);

            Repository repository = history.git().getRepository();
            try (RevWalk walk = new RevWalk(repository)) {
                GitSourceTree walkedBase = GitSourceTree.of(repository, walk.parseCommit(ObjectId.fromString(base)));
                Map<String, String> expected = new LinkedHashMap<>();
                contents(walkedBase).forEach((path, id) -> {
                    if (path.startsWith("site/")) {
                        expected.put(path.substring("site/".length()), id);
                    }
                });
                assertEquals(expected, contents(change.base()));
                assertEquals(base, change.base().revision());
            }
            assertEquals(Map.of("added.yml", ChangedFile.Kind.ADDED, "copy-of-copied.yml", ChangedFile.Kind.ADDED,
                    "deleted.yml", ChangedFile.Kind.DELETED, "edited.yml", ChangedFile.Kind.MODIFIED,
                    "roles/s/tasks/main.yml", ChangedFile.Kind.RENAMED),
                    change.files().stream().collect(java.util.stream.Collectors.toMap(ChangedFile::path, ChangedFile::kind)));

            // At the repository's root the trees are the git trees themselves: a file lookup
            // agrees with the listing at both revisions.
            ChangeSet whole = GitChangeSets.between(dir, null, base, head, false);
            for (SourceTree tree : List.of(whole.base(), whole.head())) {
                for (String path : List.of("site/kept.yml", "site/deleted.yml", "site/added.yml", "site/roles/r/tasks/main.yml",
                        "site/roles/s/tasks/main.yml", "outside/x.txt", "site", "site/roles", "nope.yml")) {
                    assertEquals(tree.files().contains(path), tree.isFile(path), tree.revision() + ": " + path);
                }
            }
            assertTrue(whole.base().isFile("site/deleted.yml") && !whole.head().isFile("site/deleted.yml"));
            assertTrue(whole.head().isFile("site/roles/s/tasks/main.yml") && !whole.base().isFile("site/roles/s/tasks/main.yml"));
        }
    }

    @Test
    void everyFormOfARevisionTheCloneLacksGetsTheMessageAndAFetchThatWorks() throws Exception {
        try (SiteHistory history = new SiteHistory(dir)) {
            history.write("a.yml", "a: 1\n");
            history.commit("only");
            Map<String, String> hints = new LinkedHashMap<>();
            hints.put("0123456789abcdef0123456789abcdef01234567", "git fetch --deepen=100 origin");
            hints.put("0123456789ab", "git fetch --deepen=100 origin");
            hints.put("HEAD~5", "git fetch --deepen=100 origin");
            hints.put("origin/nothere", "git fetch origin nothere:refs/remotes/origin/nothere");
            hints.put("release-2", "git fetch origin release-2:refs/remotes/origin/release-2");
            hints.forEach((revision, fetch) -> {
                Problem problem = assertThrows(ConfigException.class, () -> GitChangeSets.between(dir, null, revision, null, false))
                        .problems().get(0);
                assertEquals("unknown revision '" + revision + "': it is not in this clone", problem.message());
                assertTrue(problem.hint().contains(fetch), revision + ": " + problem.hint());
                assertFalse(problem.hint().contains("git fetch origin " + revision + ")"), problem.hint());
            });
            Problem none = assertThrows(ConfigException.class,
                    () -> GitChangeSets.between(dir, null, "0".repeat(40), null, false)).problems().get(0);
            assertTrue(none.message().contains("GitLab's id for 'no previous commit'"), none.message());
            assertTrue(none.hint().contains("merge base of the target branch") && none.hint().contains("build everything")
                    && !none.hint().contains("--"), "a hint every front-end can follow, naming no command-line option: " + none.hint());
        }
    }
}
