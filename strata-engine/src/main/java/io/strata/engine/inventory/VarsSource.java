package io.strata.engine.inventory;

import java.util.Map;

/**
 * One place that defines inventory variables for one group or host: a group_vars or host_vars
 * file, or the variables a hosts file writes for a group or host. An opaque source (vault
 * encrypted, unparseable, a script) may define anything.
 *
 * @param file the repository-relative file
 * @param scope what the variables apply to
 * @param owner the group or host name; empty for {@link Scope#ANYWHERE}
 * @param variables the definitions by name, in file order
 * @param opaqueReason why the content cannot be read ("vault-encrypted", ...), or null
 * @param contentId the content id of an opaque source's file (null for a readable source)
 */
record VarsSource(String file, Scope scope, String owner, Map<String, VariableDefinition> variables,
        String opaqueReason, String contentId) {

    /** What a source's variables apply to. */
    enum Scope {
        /** A group, from a hosts file. */
        INVENTORY_GROUP,
        /** A group, from group_vars. */
        GROUP_VARS,
        /** A host, from a hosts file or host_vars. */
        HOST,
        /** Unknown: an unreadable hosts file may declare any group, host or variable. */
        ANYWHERE
    }

    /** Whether the content cannot be read: it may define anything. */
    boolean opaque() {
        return opaqueReason != null;
    }

    /** "group_vars/Compute.yml (Compute)". */
    String describe() {
        return owner.isEmpty() ? file : file + " (" + owner + ")";
    }
}
