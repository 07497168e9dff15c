package io.strata.engine.ansible;

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
}
