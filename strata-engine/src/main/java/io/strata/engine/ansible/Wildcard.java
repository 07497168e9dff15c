package io.strata.engine.ansible;

/**
 * A dynamic include or lookup: every path its glob matches may be read. Each {@code {{ }}} of
 * the original path is a {@code *}, which may cross {@code /}.
 *
 * @param glob a repository-relative glob whose only special character is {@code *}
 * @param kind what the matched files would be read as: {@code playbook}, {@code role} or {@code file}
 * @param detail the include or lookup and where it is written
 */
public record Wildcard(String glob, String kind, String detail) {

    /** Whether the glob matches a whole repository-relative path. */
    public boolean matches(String path) {
        return Glob.matches(glob, path);
    }
}
