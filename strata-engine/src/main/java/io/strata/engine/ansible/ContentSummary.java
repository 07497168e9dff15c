package io.strata.engine.ansible;

import io.strata.engine.jinja.VariableUse;
import java.util.List;
import java.util.Set;

/**
 * What one file's content (a task list, vars file or template) reads and refers to, whatever
 * its path: computed once per content and shared by both revisions and all nodes.
 *
 * @param variables the variables it reads
 * @param refs its references to other files and roles, in order
 * @param collections collections named by fully qualified modules and lookups ({@code ns.coll})
 * @param searchCollections collections a role's metadata lists for unqualified names
 * @param dynamicGroups whether it creates groups or hosts at run time ({@code group_by}, {@code add_host})
 * @param controllerCommands the commands it runs on the Ansible controller ({@code lookup('pipe')}, a
 *     {@code shell} task delegated to localhost, ...), each of which may read any file
 * @param problem why it cannot be analysed (unparseable, vault-encrypted), or null
 */
record ContentSummary(VariableUse variables, List<Ref> refs, Set<String> collections,
        List<String> searchCollections, boolean dynamicGroups, List<String> controllerCommands, String problem) {

    /** Keeps immutable copies. */
    ContentSummary {
        refs = List.copyOf(refs);
        collections = Set.copyOf(collections);
        searchCollections = List.copyOf(searchCollections);
        controllerCommands = List.copyOf(controllerCommands);
    }

    /** A file that reads and refers to nothing (a binary file read as a template). */
    static final ContentSummary NONE = new ContentSummary(VariableUse.NONE, List.of(), Set.of(), List.of(), false, List.of(), null);

    /** A file that cannot be analysed. */
    static ContentSummary unreadable(String problem) {
        return new ContentSummary(VariableUse.NONE, List.of(), Set.of(), List.of(), false, List.of(), problem);
    }
}
