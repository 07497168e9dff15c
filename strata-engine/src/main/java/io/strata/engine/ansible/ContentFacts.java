package io.strata.engine.ansible;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the readers of one file found so far: the variables it reads, what it refers to (files,
 * task files, roles), the commands it runs on the controller, the collections it names and
 * whether it adds groups at run time.
 */
final class ContentFacts {

    final VariableSet variables = new VariableSet();
    final List<Ref> refs = new ArrayList<>();
    final List<String> controllerCommands = new ArrayList<>();
    final Set<String> collections = new TreeSet<>();
    final List<String> searchCollections = new ArrayList<>();
    boolean dynamicGroups;

    /** Notes the collection of a fully qualified module or plugin name (not ansible.builtin's or ansible.legacy's). */
    void collection(String qualifiedName) {
        String[] parts = qualifiedName.split("\\.");
        if (parts.length >= 2 && !parts[0].isEmpty() && !parts[1].isEmpty()
                && !(parts[0].equals("ansible") && (parts[1].equals("builtin") || parts[1].equals("legacy")))) {
            collections.add(parts[0] + "." + parts[1]);
        }
    }

    /** The summary of the file. */
    ContentSummary summary(String problem) {
        return new ContentSummary(variables.toUse(), refs, collections, searchCollections, dynamicGroups, controllerCommands,
                problem);
    }
}
