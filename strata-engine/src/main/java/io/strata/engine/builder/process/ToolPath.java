package io.strata.engine.builder.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code PATH} the build's tools run with: the user's own, then the system folders it lacks.
 * Debian and Ubuntu give ordinary users a login {@code PATH} without {@code /usr/sbin} and
 * {@code /sbin}, where {@code chroot}, {@code ldconfig} and {@code start-stop-daemon} live, which
 * mmdebstrap, dpkg and Ansible's chroot connection run; without them the first build would fail
 * after a passing preflight. The user's folders come first, so a tool they installed wins.
 */
public final class ToolPath {

    /** The folders where distributions place system tools, in the order they are searched. */
    static final List<String> SYSTEM_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private final List<String> dirs;

    private ToolPath(List<String> dirs) {
        this.dirs = List.copyOf(dirs);
    }

    /** The tool path of this process: its {@code PATH} and the system folders. */
    public static ToolPath ofProcess() {
        return of(System.getenv("PATH"));
    }

    /** The tool path for a given user {@code PATH} (null or empty for none). */
    public static ToolPath of(String userPath) {
        List<String> dirs = new ArrayList<>();
        if (userPath != null) {
            for (String dir : userPath.split(File.pathSeparator)) {
                if (!dir.isEmpty() && !dirs.contains(dir)) {
                    dirs.add(dir);
                }
            }
        }
        for (String dir : SYSTEM_DIRS) {
            if (!dirs.contains(dir)) {
                dirs.add(dir);
            }
        }
        return new ToolPath(dirs);
    }

    /** The value of {@code PATH} to give the tools. */
    public String value() {
        return String.join(File.pathSeparator, dirs);
    }

    /** The executable a program name runs: itself when it names a path, else the first match on this path. */
    public Optional<Path> find(String program) {
        if (program.contains("/")) {
            Path path = Path.of(program);
            return Files.isExecutable(path) && !Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        for (String dir : dirs) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
