package io.strata.engine.ansible;

import java.util.List;

/** A reference from a task, play, vars file or template to another file or role. */
sealed interface Ref {

    /** How a referenced file is read. */
    enum ReadAs {
        /** Its bytes land in the image or are read as data: an input, not analysed. */
        PLAIN,
        /** A Jinja template: its variables are read. */
        TEMPLATE,
        /** A YAML vars file. */
        VARS,
        /** A task list (handlers in a handlers section). */
        TASKS
    }

    /**
     * {@code import_tasks}, {@code include_tasks} or the legacy {@code include}.
     *
     * @param target the task file
     * @param keyword the keyword, for messages
     */
    record TaskInclude(PathSpec target, String keyword) implements Ref {
    }

    /**
     * A role: in {@code roles:}, {@code include_role}, {@code import_role} or a role's
     * {@code meta/main.yml} dependencies.
     *
     * @param name the role name or path
     * @param entries which task, vars, defaults and handlers files are used
     * @param keyword the keyword, for messages
     * @param dependency whether it is a meta dependency (searched beside the depending role too)
     */
    record RoleUse(PathSpec name, RoleEntries entries, String keyword, boolean dependency) implements Ref {
    }

    /**
     * A file found like Ansible's action plugins and lookups find theirs: in each search
     * directory, first under {@code subdir}, then directly; the first candidate that exists wins.
     *
     * @param subdir {@code templates}, {@code files}, {@code vars} or null (vars_files)
     * @param candidates the names to try in order (one, or a first_found list)
     * @param readAs how the found file is read
     * @param keyword the module or lookup, for messages
     */
    record FileUse(String subdir, List<PathSpec> candidates, ReadAs readAs, String keyword) implements Ref {

        /** The keyword of a Jinja {@code include}, {@code import}, {@code from} or {@code extends}. */
        static final String JINJA_INCLUDE = "a Jinja include, import or extends";

        /** Keeps an immutable copy. */
        public FileUse {
            candidates = List.copyOf(candidates);
        }

        /**
         * Whether every file the search path holds under the name counts, not only the first: a
         * Jinja include is looked up in the search path of the template Ansible renders, which the
         * included template's own place does not tell.
         */
        boolean everyMatch() {
            return JINJA_INCLUDE.equals(keyword);
        }
    }

    /**
     * {@code include_vars: dir=...}: every vars file below a directory.
     *
     * @param dir the directory
     * @param extensions the file extensions read, without the dot
     * @param keyword the keyword, for messages
     */
    record VarsDir(PathSpec dir, List<String> extensions, String keyword) implements Ref {

        /** Keeps an immutable copy. */
        public VarsDir {
            extensions = List.copyOf(extensions);
        }
    }
}
