package io.strata.engine.builder.process;

/**
 * How a command ended.
 *
 * @param exitCode the exit code (127 when the program was not found, -1 when no process could be started)
 * @param stdout the standard output (its last part when it was long)
 * @param stderr the standard error (its last part when it was long)
 */
public record CommandResult(int exitCode, String stdout, String stderr) {

    /** Whether the command exited with 0. */
    public boolean ok() {
        return exitCode == 0;
    }

    /** Standard output without surrounding white space (what a command prints as its answer). */
    public String answer() {
        return stdout.strip();
    }

    /** The last non-empty line of standard error, or of standard output when error is empty. */
    public String lastErrorLine() {
        String text = stderr.isBlank() ? stdout : stderr;
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
