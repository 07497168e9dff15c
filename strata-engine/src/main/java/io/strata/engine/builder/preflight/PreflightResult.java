package io.strata.engine.builder.preflight;

import io.strata.engine.builder.digest.ToolVersions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The preflight's findings.
 *
 * @param checks every check, in order
 * @param tools the tool versions found
 * @param storageDriver the storage driver to force ({@code overlay} or {@code vfs}), or null for the
 *     user's own containers-storage configuration (what {@code buildah images} shows)
 */
public record PreflightResult(List<Check> checks, ToolVersions tools, String storageDriver) {

    /** Keeps an immutable copy. */
    public PreflightResult {
        checks = List.copyOf(checks);
    }

    /** Whether every check passed. */
    public boolean ok() {
        return checks.stream().allMatch(Check::ok);
    }

    /** One line per check. */
    public String format() {
        return checks.stream().map(Check::format).collect(Collectors.joining("\n")) + "\n";
    }
}
