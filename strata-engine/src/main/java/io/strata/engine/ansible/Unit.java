package io.strata.engine.ansible;

import java.util.Objects;

/**
 * A piece of a playbook analysed on its own and cached per tree: a role (with its entry files),
 * a task or handler file, a vars file or a template as used from inside a role (or from outside
 * any role), or one play of a playbook.
 *
 * @param kind what is analysed
 * @param path the file, or the role's directory
 * @param roleDir the role the file belongs to (its search directories), or null
 * @param entries a role's entry files (null for files)
 * @param play a play's index in its playbook (-1 for anything else)
 */
record Unit(Kind kind, String path, String roleDir, RoleEntries entries, int play) {

    /** What is analysed. */
    enum Kind { ROLE, TASKS, HANDLERS, VARS, TEMPLATE, PLAY }

    static Unit role(String dir, RoleEntries entries) {
        return new Unit(Kind.ROLE, dir, dir, entries, -1);
    }

    static Unit tasks(String path, String roleDir, boolean handlers) {
        return new Unit(handlers ? Kind.HANDLERS : Kind.TASKS, path, roleDir, null, -1);
    }

    static Unit vars(String path, String roleDir) {
        return new Unit(Kind.VARS, path, roleDir, null, -1);
    }

    static Unit template(String path, String roleDir) {
        return new Unit(Kind.TEMPLATE, path, roleDir, null, -1);
    }

    static Unit play(String playbook, int index) {
        return new Unit(Kind.PLAY, playbook, null, null, index);
    }

    // A hash key of the analysis: the generated equals and hashCode run through method handles,
    // slow in a short run (docs/benchmarks.md).
    @Override
    public boolean equals(Object object) {
        return object instanceof Unit other && kind == other.kind && path.equals(other.path)
                && Objects.equals(roleDir, other.roleDir) && Objects.equals(entries, other.entries)
                && play == other.play;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, path, roleDir, entries, play);
    }
}
