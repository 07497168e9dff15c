package io.strata.engine.ansible;

/**
 * The files a role is entered by ({@code tasks_from}, {@code vars_from}, {@code defaults_from},
 * {@code handlers_from}); each is a name inside its folder, {@code main} by default, and may be
 * a glob when templated.
 */
record RoleEntries(String tasks, String vars, String defaults, String handlers) {

    /** A role used with its main files. */
    static final RoleEntries MAIN = new RoleEntries("main", "main", "main", "main");
}
