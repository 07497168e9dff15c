package io.strata.engine.ansible;

import io.strata.engine.inventory.InventoryView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a play's {@code hosts:} pattern reaches a build container, by Ansible's pattern rules:
 * {@code a:b} and {@code a,b} union, {@code a:&b} intersection, {@code a:!b} exclusion (unions
 * first, then intersections, then exclusions), {@code all} and {@code *}, shell globs
 * ({@code web*}), {@code ~regex}, and subscripts ({@code web[0:2]}, read as the whole group).
 * A term names groups and hosts of the inventory; the container is a member of its groups,
 * their ancestors and {@code all}. The play applies when the pattern's hosts include the
 * container or a host of one of its groups. A pattern built from variables matches.
 */
public final class HostPattern {

    /** Stands for the build container among the inventory's host names. */
    private static final String CONTAINER = "\u0000container";
    private static final Pattern TERMS = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");
    private static final Pattern SUBSCRIPT = Pattern.compile("^([^~].*?)\\[(?:-?[0-9]+|[0-9]*\\s*:\\s*[0-9]*)\\]$");

    private HostPattern() {
    }

    /**
     * Whether a pattern reaches the container.
     *
     * @param pattern the play's {@code hosts:} value
     * @param inventory the inventory (null: groups are only the container's, there are no hosts)
     * @param containerGroups the groups the container joins
     */
    public static boolean matches(String pattern, InventoryView inventory, Set<String> containerGroups) {
        return matches(pattern, inventory, containerGroups, false);
    }

    /**
     * Whether a pattern reaches the container; with {@code unknownNamesMatch}, a term that names no
     * group or host of the inventory (one that {@code group_by} or {@code add_host} may create
     * while the playbook runs) includes the container and excludes nothing.
     */
    public static boolean matches(String pattern, InventoryView inventory, Set<String> containerGroups,
            boolean unknownNamesMatch) {
        if (pattern == null || pattern.contains("{{") || pattern.contains("{%")) {
            return true;
        }
        Scope scope = new Scope(inventory, containerGroups);
        List<String> unions = new ArrayList<>();
        List<String> intersections = new ArrayList<>();
        List<String> exclusions = new ArrayList<>();
        for (String term : split(pattern)) {
            if (term.startsWith("&")) {
                intersections.add(term.substring(1));
            } else if (term.startsWith("!")) {
                exclusions.add(term.substring(1));
            } else {
                unions.add(term);
            }
        }
        if (unions.isEmpty() && (!intersections.isEmpty() || !exclusions.isEmpty())) {
            unions.add("all");
        }
        Set<String> hosts = new HashSet<>();
        for (String term : unions) {
            hosts.addAll(scope.hostsOf(term, unknownNamesMatch));
        }
        for (String term : intersections) {
            hosts.retainAll(scope.hostsOf(term, unknownNamesMatch));
        }
        for (String term : exclusions) {
            hosts.removeAll(scope.hostsOf(term, false));
        }
        return !hosts.isEmpty();
    }

    /** Ansible's split: on commas when there are any, else on colons outside brackets. */
    static List<String> split(String pattern) {
        List<String> terms = new ArrayList<>();
        if (pattern.indexOf(',') >= 0) {
            for (String term : pattern.split(",")) {
                if (!term.isBlank()) {
                    terms.add(term.strip());
                }
            }
        } else {
            Matcher matcher = TERMS.matcher(pattern);
            while (matcher.find()) {
                terms.add(matcher.group().strip());
            }
        }
        return terms;
    }

    /**
     * The hosts that matter: the container and the hosts of its groups. Every set below is
     * restricted to them, which keeps the set algebra small and its answer unchanged.
     */
    private static final class Scope {

        private final InventoryView inventory;
        private final Set<String> groups;
        private final Set<String> membership = new HashSet<>();
        private final Set<String> universe = new HashSet<>();

        Scope(InventoryView inventory, Set<String> containerGroups) {
            this.inventory = inventory;
            this.groups = new HashSet<>(containerGroups);
            this.groups.add("all");
            membership.add("all");
            universe.add(CONTAINER);
            for (String group : containerGroups) {
                membership.add(group);
                if (inventory != null) {
                    membership.addAll(inventory.withAncestors(group));
                    universe.addAll(inventory.hostsOf(group));
                }
            }
            if (inventory != null) {
                this.groups.addAll(inventory.groupNames());
            }
        }

        Set<String> hostsOf(String term, boolean unknownNamesMatch) {
            Matcher subscript = SUBSCRIPT.matcher(term);
            String name = subscript.matches() ? subscript.group(1) : term;
            Set<String> hosts = new HashSet<>();
            if (name.equals("all") || name.equals("*")) {
                hosts.addAll(universe);
                return hosts;
            }
            Predicate<String> test = predicate(name);
            if (test == null) {
                hosts.add(CONTAINER);
                return hosts;
            }
            boolean groupMatched = false;
            for (String group : groups) {
                if (test.test(group)) {
                    groupMatched = true;
                    addGroup(group, hosts);
                }
            }
            boolean special = name.startsWith("~") || name.contains(".") || name.contains("?")
                    || name.contains("*") || name.contains("[");
            boolean hostMatched = false;
            if (!groupMatched || special) {
                for (String host : inventory == null ? Set.<String>of() : inventory.hostNames()) {
                    if (test.test(host)) {
                        hostMatched = true;
                        if (universe.contains(host)) {
                            hosts.add(host);
                        }
                    }
                }
            }
            if (unknownNamesMatch && !groupMatched && !hostMatched) {
                hosts.add(CONTAINER);
            }
            return hosts;
        }

        private void addGroup(String group, Set<String> hosts) {
            if (membership.contains(group)) {
                hosts.add(CONTAINER);
            }
            if (inventory != null) {
                Set<String> members = inventory.hostsOf(group);
                if (members.size() < universe.size()) {
                    members.stream().filter(universe::contains).forEach(hosts::add);
                } else {
                    universe.stream().filter(members::contains).forEach(hosts::add);
                }
            }
        }

        /** A name test for a term; null when the term is a regex Java cannot read (matches). */
        private static Predicate<String> predicate(String name) {
            try {
                if (name.startsWith("~")) {
                    Pattern regex = Pattern.compile(name.substring(1));
                    return candidate -> regex.matcher(candidate).lookingAt();
                }
                if (name.contains("*") || name.contains("?") || name.contains("[")) {
                    Pattern glob = Pattern.compile(fnmatch(name));
                    return candidate -> glob.matcher(candidate).matches();
                }
            } catch (PatternSyntaxException e) {
                return null;
            }
            return name::equals;
        }

        /** Python's fnmatch.translate: {@code *}, {@code ?}, {@code [seq]} and {@code [!seq]}. */
        private static String fnmatch(String glob) {
            StringBuilder regex = new StringBuilder();
            int i = 0;
            while (i < glob.length()) {
                char c = glob.charAt(i++);
                if (c == '*') {
                    regex.append(".*");
                } else if (c == '?') {
                    regex.append('.');
                } else if (c == '[') {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        regex.append("\\[");
                    } else {
                        String set = glob.substring(i, end).replace("\\", "\\\\");
                        i = end + 1;
                        regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                    }
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return regex.toString();
        }
    }
}
