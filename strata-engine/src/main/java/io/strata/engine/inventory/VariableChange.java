package io.strata.engine.inventory;

/**
 * A variable whose effective value differs between two revisions, for one set of groups.
 *
 * @param name the variable name, or the empty string for an {@link Kind#OPAQUE} file
 * @param kind what changed
 * @param file where the head definition is (the base one for {@link Kind#REMOVED})
 * @param line the line of that definition (0 when unknown)
 * @param detail a sentence for people, e.g. "slurm_version changed in group_vars/Compute.yml (Compute)"
 */
public record VariableChange(String name, Kind kind, String file, int line, String detail) {

    /** What changed. */
    public enum Kind {
        /** Defined at head only. */
        ADDED,
        /** Defined at base only. */
        REMOVED,
        /** Defined at both with different values. */
        MODIFIED,
        /** Vault-encrypted or unparseable content changed: it may define or change anything. */
        OPAQUE,
        /**
         * Only the path of a changed file is known (no revisions): a variable removed from it cannot
         * be seen, so any variable it defined may have changed.
         */
        UNKNOWN
    }
}
