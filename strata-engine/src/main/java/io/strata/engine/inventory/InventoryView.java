package io.strata.engine.inventory;

import java.util.Set;

/** The host and group names of an inventory, as Ansible's host patterns see them. */
public interface InventoryView {

    /** Every group name, {@code all} and {@code ungrouped} included. */
    Set<String> groupNames();

    /** Every host name. */
    Set<String> hostNames();

    /** The hosts of a group, its child groups' hosts included; empty for an unknown group. */
    Set<String> hostsOf(String group);

    /** The group and all its ancestor groups, {@code all} included. */
    Set<String> withAncestors(String group);
}
