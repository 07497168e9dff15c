package io.strata.engine.builder.audit;

import java.util.List;
import java.util.Set;

/**
 * What the audit of one node's playbook run found.
 *
 * @param inputs how many files of the playbook's repository the node's analysis names
 * @param inventoryFiles how many inventory files Strata parses
 * @param read the files of the site Ansible read, relative to their tree
 * @param readInputs how many of them are among the files the analysis names
 * @param readInventory how many of them are inventory files Strata parses
 * @param unexplained the files read that no analysed input explains: none in a sound analysis
 */
public record AuditReport(int inputs, int inventoryFiles, Set<String> read, int readInputs, int readInventory,
        List<String> unexplained) {

    /** Keeps immutable copies. */
    public AuditReport {
        read = Set.copyOf(read);
        unexplained = List.copyOf(unexplained);
    }

    /** "Ansible read 8 files of the site: 5 of the 5 files the analysis names, 3 of the 7 inventory files Strata parses; 0 unexplained". */
    public String summary() {
        return "Ansible read " + read.size() + " files of the site: " + readInputs + " of the " + inputs
                + " files the analysis names, " + readInventory + " of the " + inventoryFiles + " inventory files Strata parses; "
                + unexplained.size() + " unexplained";
    }

    /** The report as a text file: the summary, then one line per file read, unexplained ones marked. */
    public String text() {
        StringBuilder text = new StringBuilder(summary()).append('\n');
        read.stream().sorted().forEach(file -> text.append(unexplained.contains(file) ? "UNEXPLAINED " : "read ").append(file).append('\n'));
        return text.toString();
    }
}
