package io.strata.engine.ansible;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a command run on the Ansible controller by {@code lookup('pipe')} or {@code lookup('lines')}
 * can read. Ansible runs it through a shell in the directory of the run, so in general it may
 * read any file of the repository. A few literal commands provably read none: {@code date} (as in
 * the common {@code lookup('pipe', 'date +%Y%m%d')}) without its file options, {@code echo} and
 * {@code printf}, and a handful of commands that only report the machine, given options only.
 * Anything else, a computed part, or any shell syntax beyond plain words and quotes, may read
 * anything.
 */
final class ControllerCommand {

    /** Plain words, spaces and quotes: no expansion, redirection, substitution, glob or second command. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9 _%:+=,.@'\"-]+");
    /** Commands whose output is the machine's, not a file's, given options only. */
    private static final Set<String> REPORTERS = Set.of("hostname", "whoami", "uname", "nproc", "uuidgen", "id", "true", "false");
    /** Commands that print their arguments. */
    private static final Set<String> PRINTERS = Set.of("echo", "printf");
    /** GNU date's options that read a file: -f/--file, -r/--reference (long options may be abbreviated). */
    private static final List<String> DATE_FILE_OPTIONS = List.of("--file", "--reference");

    private ControllerCommand() {
    }

    /** Whether the command certainly reads no file of the repository. */
    static boolean readsNoRepositoryFile(String command) {
        if (!PLAIN.matcher(command).matches()) {
            return false;
        }
        String[] words = command.strip().replace("'", "").replace("\"", "").split(" +");
        String name = words[0];
        if (PRINTERS.contains(name)) {
            return true;
        }
        boolean date = name.equals("date");
        if (!date && !REPORTERS.contains(name)) {
            return false;
        }
        for (int i = 1; i < words.length; i++) {
            if (!(date ? dateWordReadsNothing(words[i]) : words[i].startsWith("-") && words[i].indexOf('f') < 0
                    && words[i].indexOf('F') < 0)) {
                return false;
            }
        }
        return true;
    }

    /** A format ({@code +%Y}), or an option other than date's file options. */
    private static boolean dateWordReadsNothing(String word) {
        if (word.startsWith("+")) {
            return true;
        }
        if (word.startsWith("--")) {
            String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            return option.length() > 2 && DATE_FILE_OPTIONS.stream().noneMatch(file -> file.startsWith(option));
        }
        return word.startsWith("-") && word.indexOf('f') < 0 && word.indexOf('r') < 0;
    }
}
