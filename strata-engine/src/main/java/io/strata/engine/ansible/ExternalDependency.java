package io.strata.engine.ansible;

/**
 * A role or collection that a playbook uses and that is installed from outside the repository
 * (a requirements file) or named by a fully qualified name.
 *
 * @param name the role name ({@code geerlingguy.java}) or collection name ({@code community.general}),
 *     as requirements files name them
 * @param kind role or collection
 * @param sourcesAvailable whether its sources are in the tree and were analysed like in-repo roles
 * @param detail where it is used
 */
public record ExternalDependency(String name, Kind kind, boolean sourcesAvailable, String detail) {

    /** What is depended on. */
    public enum Kind {
        /** A role installed by {@code ansible-galaxy role install}. */
        ROLE,
        /** A collection installed by {@code ansible-galaxy collection install}. */
        COLLECTION
    }
}
