package io.strata.engine.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Repository-relative paths joined and normalised, in normal form already or not. */
class RepoPathsTest {

    private static Optional<String> normalize(String dir, String path) {
        return RepoPaths.normalize(dir, path);
    }

    @Test
    void pathsInNormalFormAreJoined() {
        assertEquals(Optional.of("roles/ntp/tasks/main.yml"), normalize("roles/ntp", "tasks/main.yml"));
        assertEquals(Optional.of("site.yml"), normalize("", "site.yml"));
        assertEquals(Optional.of("site.yml"), normalize(null, "site.yml"));
        assertEquals(Optional.of("a/.hidden/..x/b..c"), normalize("a", ".hidden/..x/b..c"));
    }

    @Test
    void dotSegmentsEmptySegmentsAndBackslashesAreNormalised() {
        assertEquals(Optional.of("roles/common/files/x.conf"), normalize("roles/ntp", "../common/./files//x.conf"));
        assertEquals(Optional.of("pb/roles"), normalize("pb/", "roles/"));
        assertEquals(Optional.of("b/c"), normalize("a/../b", "c"));
        assertEquals(Optional.of("templates/x.j2"), normalize("", "templates\\x.j2"));
        assertEquals(Optional.of(""), normalize("roles", ".."));
        assertEquals(Optional.of("a"), normalize("a", "."));
    }

    @Test
    void pathsOutsideTheRepositoryHaveNoNormalForm() {
        assertEquals(Optional.empty(), normalize("roles", "../../etc/passwd"));
        assertEquals(Optional.empty(), normalize("", "/etc/passwd"));
        assertEquals(Optional.empty(), normalize("", "~/x"));
        assertEquals(Optional.empty(), normalize("..", "x"));
        assertEquals(Optional.empty(), normalize("a", ""));
    }
}
