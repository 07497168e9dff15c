package io.strata.engine.ansible;

import io.strata.engine.jinja.VariableUse;
import java.util.List;

/**
 * A playbook's content: its imports and plays, in order.
 *
 * @param entries the imports and plays
 * @param problem why the playbook cannot be analysed, or null
 */
record PlaybookSummary(List<Entry> entries, String problem) {

    /** Keeps an immutable copy. */
    PlaybookSummary {
        entries = List.copyOf(entries);
    }

    /** An import or a play. */
    sealed interface Entry {
    }

    /**
     * {@code import_playbook} (or a play-level legacy {@code include}).
     *
     * @param target the imported playbook
     * @param variables what its own keywords ({@code vars}, {@code when}) read
     */
    record Import(PathSpec target, VariableUse variables) implements Entry {
    }

    /**
     * A play.
     *
     * @param hosts its host pattern, or null when it has none
     * @param collections its {@code collections:} keyword
     * @param content what its keywords, vars files, roles and tasks read and refer to
     */
    record Play(String hosts, List<String> collections, ContentSummary content) implements Entry {

        /** Keeps an immutable copy. */
        public Play {
            collections = List.copyOf(collections);
        }
    }
}
