package io.strata.engine.ansible;

import java.util.ArrayList;
import java.util.List;

/**
 * How a unit is reached: the playbook file of its play, the roles in between (outermost first)
 * and the collections listed for unqualified names on the way.
 */
final class RoleChain {

    /** A role on the way: the name it is used by and its directory. */
    record Link(String name, String dir) {
    }

    private final String playbook;
    private final List<Link> roles;
    private final List<String> collections;
    private final List<String> roleDirs;
    private final String description;

    RoleChain(String playbook, List<Link> roles, List<String> collections) {
        this.playbook = playbook;
        this.roles = List.copyOf(roles);
        this.collections = List.copyOf(collections);
        List<String> dirs = new ArrayList<>(roles.size());
        for (int i = roles.size() - 1; i >= 0; i--) {
            dirs.add(roles.get(i).dir());
        }
        this.roleDirs = List.copyOf(dirs);
        this.description = describe(playbook, roles);
    }

    /** The chain one role further in. */
    RoleChain with(Link role) {
        List<Link> longer = new ArrayList<>(roles);
        longer.add(role);
        return new RoleChain(playbook, longer, collections);
    }

    /** The chain with more collections listed (a role's metadata). */
    RoleChain withCollections(List<String> more) {
        List<String> all = new ArrayList<>(collections);
        for (String collection : more) {
            if (!all.contains(collection)) {
                all.add(collection);
            }
        }
        return new RoleChain(playbook, roles, all);
    }

    /** The playbook file holding the play. */
    String playbook() {
        return playbook;
    }

    /** The collections listed for unqualified names. */
    List<String> collections() {
        return collections;
    }

    /** The role directories, innermost first. */
    List<String> roleDirs() {
        return roleDirs;
    }

    /** "role X used by P (via role A, role B)", or null outside roles. */
    String describe() {
        return description;
    }

    /** A detail: what, followed by the chain when inside roles; the chain alone when what is null. */
    String detail(String what) {
        if (what == null) {
            return description == null ? "" : description;
        }
        return description == null ? what : what + "; " + description;
    }

    private static String describe(String playbook, List<Link> roles) {
        if (roles.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder("role ").append(roles.get(roles.size() - 1).name())
                .append(" used by ").append(playbook);
        if (roles.size() > 1) {
            text.append(" (via ");
            for (int i = 0; i < roles.size() - 1; i++) {
                text.append(i == 0 ? "" : ", ").append("role ").append(roles.get(i).name());
            }
            text.append(')');
        }
        return text.toString();
    }
}
