package io.strata.engine.builder.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    private static final int MAX_LINE = 300;
    private static final String NO_SPACE = "no space left on device";

    /** Causes that the machine, not the tool, is responsible for: always worth showing. */
    private static final List<String> SYSTEM_CAUSES = List.of(NO_SPACE, "disk quota exceeded",
            "read-only file system", "cannot allocate memory", "out of memory", "permission denied",
            "operation not permitted", "too many open files", "temporary failure in name resolution", "connection refused");

    /** Words that mark a line as an error rather than progress. */
    private static final List<String> ERROR_WORDS = List.of("error", "e: ", "fatal", "failed", "cannot", "can't",
            "unable", "not found", "no such", "denied", "refused");

    /** How many lines a summary shows at most. */
    static final int SUMMARY_LINES = 3;

    /**
     * The last meaningful error lines, for a failure's one-line summary: the first line that names
     * a system cause (a full disk, a read-only file system, a denied permission ...) wherever it is
     * in the output, then the last lines that read as errors, else the last non-empty lines; at most
     * {@value #SUMMARY_LINES}, joined by {@code " | "}.
     */
    public String errorSummary() {
        List<String> lines = new ArrayList<>();
        for (String text : List.of(stdout, stderr)) {
            text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(lines::add);
        }
        List<String> shown = new ArrayList<>();
        lines.stream().filter(line -> matches(line, SYSTEM_CAUSES)).findFirst().ifPresent(shown::add);
        List<String> errors = new ArrayList<>(stderr.lines().map(String::strip).filter(line -> matches(line, ERROR_WORDS)).toList());
        if (errors.isEmpty()) {
            errors.addAll(lines.stream().filter(line -> matches(line, ERROR_WORDS)).toList());
        }
        if (errors.isEmpty()) {
            errors.add(lastErrorLine());
        }
        errors.removeIf(line -> line.isEmpty() || shown.contains(line));
        shown.addAll(errors.subList(Math.max(0, errors.size() - (SUMMARY_LINES - shown.size())), errors.size()));
        return String.join(" | ", shown.stream().map(CommandResult::shorten).toList());
    }

    /** Whether the command says a disk it wrote to is full ("no space left on device"). */
    public boolean noSpaceLeft() {
        return matches(stdout, List.of(NO_SPACE)) || matches(stderr, List.of(NO_SPACE));
    }

    private static boolean matches(String line, List<String> words) {
        String lower = line.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(lower::contains);
    }

    /**
     * A line cut to about 300 characters. A machine cause past the cut (buildah chains its errors
     * on one line: "committing container ...: writing blob: ...: no space left on device") is kept,
     * with a little of what precedes it.
     */
    private static String shorten(String line) {
        if (line.length() <= MAX_LINE) {
            return line;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        int cause = SYSTEM_CAUSES.stream().mapToInt(lower::indexOf).filter(at -> at >= 0).min().orElse(-1);
        if (cause + 60 <= MAX_LINE) {
            return line.substring(0, MAX_LINE) + "...";
        }
        int from = Math.max(MAX_LINE / 2, cause - 80);
        int to = Math.min(line.length(), cause + 100);
        return line.substring(0, MAX_LINE / 2) + " ... " + line.substring(from, to) + (to < line.length() ? "..." : "");
    }
}
