package io.strata.engine.ansible;

import java.util.Objects;

/**
 * A file that a playbook pulls in for one build container.
 *
 * @param path the repository-relative path
 * @param kind {@code playbook} (the playbook or one it imports), {@code role} (a file of a used
 *     role's build folders) or {@code file} (anything else read: task files, vars files,
 *     templates, copied files, plugins)
 * @param detail how the file is reached, e.g. {@code role slurm used by slurm.yml (via role common)}
 */
public record Input(String path, String kind, String detail) {
    // A hash key of the analysis: the generated equals and hashCode run through method handles,
    // slow in a short run (docs/benchmarks.md).
    @Override
    public boolean equals(Object object) {
        return object instanceof Input other && path.equals(other.path) && Objects.equals(kind, other.kind)
                && Objects.equals(detail, other.detail);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * path.hashCode() + Objects.hashCode(kind)) + Objects.hashCode(detail);
    }
}
