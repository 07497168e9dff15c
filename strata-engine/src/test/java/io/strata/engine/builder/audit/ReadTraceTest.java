package io.strata.engine.builder.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadTraceTest {

    @TempDir
    Path dir;

    @Test
    void aTracedLineIsAReadOnlyWhenTheFileIsOpenedForReading() {
        Path cwd = Path.of("/site");
        assertEquals(Path.of("/site/roles/a/tasks/main.yml"), ReadTrace.readOf(
                "openat(AT_FDCWD</site>, \"roles/a/tasks/main.yml\", O_RDONLY|O_CLOEXEC) = 3</site/roles/a/tasks/main.yml>", cwd));
        assertEquals(Path.of("/site/x.j2"), ReadTrace.readOf("open(\"x.j2\", O_RDWR) = 4</site/x.j2>", cwd));
        assertEquals(Path.of("/site/y.yml"), ReadTrace.readOf("openat(AT_FDCWD, \"y.yml\", O_RDONLY) = 5", cwd),
                "without the tracer's annotation a relative path is the working folder's");
        assertNull(ReadTrace.readOf("openat(AT_FDCWD</site>, \"out\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3</site/out>", cwd));
        assertNull(ReadTrace.readOf("openat(AT_FDCWD</site>, \"roles\", O_RDONLY|O_DIRECTORY) = 3</site/roles>", cwd));
        assertNull(ReadTrace.readOf("--- SIGCHLD {si_signo=SIGCHLD} ---", cwd));
        assertNull(ReadTrace.readOf("+++ exited with 0 +++", cwd));
    }

    @Test
    void theTracerSeesWhatAProcessAndItsChildrenReadAndNotWhatTheyWrite() throws Exception {
        assumeTrue(onPath("strace"), "strace is not installed (.ci/run installs it)");
        Files.writeString(dir.resolve("read-by-child"), "x");
        Files.writeString(dir.resolve("read-by-parent"), "y");
        Path logs = Files.createDirectories(dir.resolve("trace"));
        List<String> argv = ReadTrace.command(logs, List.of("sh", "-c", "cat read-by-parent >/dev/null; sh -c 'cat read-by-child > written'; ls ."));
        Process process = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());

        Set<Path> reads = ReadTrace.filesRead(logs, dir);
        Path real = dir.toRealPath();
        assertTrue(reads.contains(real.resolve("read-by-child")), reads.toString());
        assertTrue(reads.contains(real.resolve("read-by-parent")), reads.toString());
        assertFalse(reads.contains(real.resolve("written")), "a file only written is not read");
        assertFalse(reads.contains(real), "a folder listed is not a file read");
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
