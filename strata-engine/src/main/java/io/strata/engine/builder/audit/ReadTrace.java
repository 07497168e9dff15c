package io.strata.engine.builder.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which files a command and every process it starts open for reading, recorded with
 * {@code strace}: {@code -ff} writes one log per process (so no call is split across lines by
 * another), {@code -y} annotates each returned descriptor with the file's resolved path, and only
 * successful {@code open}, {@code openat} and {@code openat2} calls are traced. A file opened only
 * for writing, and a folder opened to list it, are not reads.
 */
public final class ReadTrace {

    /** The tracer's program. */
    public static final String PROGRAM = "strace";

    private static final String LOG_NAME = "open";
    private static final Pattern OPEN = Pattern.compile("^(open|openat|openat2)\\((.*)\\) = \\d+(?:<(.+)>)?$");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ReadTrace() {
    }

    /** {@code argv} run under the tracer, which writes its logs into {@code dir}. */
    public static List<String> command(Path dir, List<String> argv) {
        List<String> traced = new ArrayList<>(List.of(PROGRAM, "-ff", "--seccomp-bpf", "-qq", "-y", "-e", "trace=open,openat,openat2",
                "-e", "status=successful", "-o", dir.resolve(LOG_NAME).toString(), "--"));
        traced.addAll(argv);
        return traced;
    }

    /**
     * What the traced processes opened for reading (not as a folder), as absolute paths.
     *
     * @param dir the folder the tracer wrote its logs into
     * @param cwd the traced command's working folder, for a relative path strace could not resolve
     */
    public static Set<Path> filesRead(Path dir, Path cwd) throws IOException {
        Set<Path> files = new TreeSet<>();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(file -> file.getFileName().toString().startsWith(LOG_NAME + ".")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    Path file = readOf(line, cwd);
                    if (file != null) {
                        files.add(file);
                    }
                }
            }
        }
        return files;
    }

    /** The file one traced call opened for reading, or null for a write-only open, a folder or another line. */
    static Path readOf(String line, Path cwd) {
        Matcher open = OPEN.matcher(line);
        if (!open.matches()) {
            return null;
        }
        String args = open.group(2);
        if (args.contains("O_WRONLY") || args.contains("O_DIRECTORY") || args.contains("O_PATH")) {
            return null;
        }
        if (open.group(3) != null) {
            return Path.of(open.group(3)).normalize();
        }
        Matcher quoted = QUOTED.matcher(args);
        return quoted.find() ? cwd.resolve(quoted.group(1)).normalize() : null;
    }
}
