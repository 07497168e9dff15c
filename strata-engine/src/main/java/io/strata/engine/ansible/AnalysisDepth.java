package io.strata.engine.ansible;

/** How far a playbook analysis follows what the playbook pulls in. */
public enum AnalysisDepth {

    /**
     * Everything: task files, handlers, vars files and templates, with the variables they read.
     */
    FULL,

    /**
     * The playbooks, their plays' roles and role dependencies, with the files of the roles'
     * build folders; task files, vars files and templates are not read. The closure found is a
     * part of the full one, found at a fraction of the cost: enough to tell that a changed file
     * reaches a node.
     */
    ROLES;

    /** Whether a unit is analysed at this depth. */
    boolean follows(Unit unit) {
        return this == FULL || unit.kind() == Unit.Kind.ROLE || unit.kind() == Unit.Kind.PLAY;
    }
}
