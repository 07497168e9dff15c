package io.strata.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.strata.engine.builder.preflight.Preflight;
import io.strata.engine.builder.process.ToolPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether this machine can run real builds. The end-to-end tests skip, saying why, when it cannot;
 * with {@code -Dstrata.e2e.required=true} (as {@code .ci/run} runs them) they fail instead, so a
 * broken CI setup cannot pass silently.
 */
final class Toolchain {

    /** The system property that turns skipping into failing. */
    static final String REQUIRED = "strata.e2e.required";

    /** The programs the builds and the test registry need. */
    static final List<String> PROGRAMS = List.of("buildah", "newuidmap", "newgidmap", "ansible-playbook", "mmdebstrap", "mksquashfs",
            "skopeo", "docker-registry", "htpasswd", "setsid");

    private static final String HOW = "; .ci/run installs the toolchain and runs these tests as the user 'strata'";

    private Toolchain() {
    }

    /** Skips the calling tests unless a non-root user with subordinate ids and every program is here. */
    static void assumeAvailable() {
        require(Preflight.currentUid() != 0, "end-to-end builds run rootless: not as root" + HOW);
        List<String> missing = new ArrayList<>();
        for (String program : PROGRAMS) {
            if (!onPath(program)) {
                missing.add(program);
            }
        }
        require(missing.isEmpty(), "end-to-end builds need " + String.join(", ", missing) + HOW);
        String user = System.getProperty("user.name");
        require(hasSubIds(Path.of("/etc/subuid"), user) && hasSubIds(Path.of("/etc/subgid"), user),
                "end-to-end builds need subordinate uid and gid ranges for " + user + " in /etc/subuid and /etc/subgid" + HOW);
    }

    /** Skips the calling test unless the condition holds; fails it instead under {@value #REQUIRED}. */
    static void require(boolean condition, String message) {
        if (Boolean.getBoolean(REQUIRED)) {
            assertTrue(condition, message);
        } else {
            assumeTrue(condition, message);
        }
    }

    /** Whether the builder finds the program as it finds its tools (the user's PATH and the system folders). */
    private static boolean onPath(String program) {
        return ToolPath.ofProcess().find(program).isPresent();
    }

    private static boolean hasSubIds(Path file, String user) {
        try {
            return Files.isReadable(file) && Files.readAllLines(file).stream().anyMatch(line -> line.startsWith(user + ":"));
        } catch (IOException e) {
            return false;
        }
    }
}
