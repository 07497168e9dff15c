package io.strata.engine.ansible;

/**
 * The files a role is entered by ({@code tasks_from}, {@code vars_from}, {@code defaults_from},
 * {@code handlers_from}); each is a name inside its folder, {@code main} by default, and may be
 * a glob when templated.
 */
record RoleEntries(String tasks, String vars, String defaults, String handlers) {

    /** A role used with its main files. */
    static final RoleEntries MAIN = new RoleEntries("main", "main", "main", "main");

    // A hash key of the analysis: the generated equals and hashCode run through method handles,
    // slow in a short run (docs/benchmarks.md).
    @Override
    public boolean equals(Object object) {
        return object instanceof RoleEntries other && tasks.equals(other.tasks) && vars.equals(other.vars)
                && defaults.equals(other.defaults) && handlers.equals(other.handlers);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * tasks.hashCode() + vars.hashCode()) + defaults.hashCode()) + handlers.hashCode();
    }
}
