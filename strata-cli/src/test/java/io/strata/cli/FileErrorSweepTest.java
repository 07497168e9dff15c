package io.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.strata.engine.builder.preflight.Preflight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command meets unreadable inputs and unwritable outputs with one line naming the file and
 * exit code 2, never a Java stack trace.
 */
class FileErrorSweepTest {

    private static final List<List<String>> READERS = List.of(List.of("validate"), List.of("impact", "--full"),
            List.of("plan", "--full"), List.of("graph"), List.of("report", "--full"), List.of("gitlab-ci", "--full"), List.of("build", "--full"));

    @TempDir
    Path dir;

    private static void assertOneLineError(CliRun run, String path, String what) {
        assertEquals(2, run.exitCode(), what + ": " + run.out() + run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), what + ":\n" + run.err());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(path), what + ":\n" + run.err());
    }

    private static CliRun run(List<String> command, String... more) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aLayersFileThatCannotBeReadIsOneLineForEveryCommand() {
        // Reading a process's memory from its start fails with an I/O error, for root too.
        for (List<String> command : READERS) {
            assertOneLineError(run(command, "--config", "/proc/self/mem"), "/proc/self/mem", String.join(" ", command));
        }
        for (List<String> command : READERS) {
            assertOneLineError(run(command, "--config", dir.toString()), dir.toString(), "folder: " + String.join(" ", command));
        }
    }

    @Test
    void aLayersFileWithoutReadPermissionIsOneLineForEveryCommand() throws IOException {
        assumeFalse(Preflight.currentUid() == 0, "root reads files of mode 000");
        Path config = dir.resolve("layers.yaml");
        Files.writeString(config, "base: {image_types: [{type: base, firstlayer: True}]}\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("---------"));
        for (List<String> command : READERS) {
            CliRun run = run(command, "--config", config.toString());
            assertOneLineError(run, config.toString(), String.join(" ", command));
            assertTrue(run.err().contains("permission denied"), run.err());
        }
    }

    @Test
    void anOutputThatCannotBeWrittenIsOneLine() {
        String config = Path.of("..", "examples", "cluster", "layers.yaml").toString();
        assertOneLineError(CliRun.of("graph", "--config", config, "-o", "/proc/nope.svg"), "/proc/nope.svg", "graph -o");
        assertOneLineError(CliRun.of("gitlab-ci", "--config", config, "--full", "-o", "/proc/nope.yml"), "/proc/nope.yml", "gitlab-ci -o");
        assertOneLineError(CliRun.of("report", "--config", config, "--full", "-o", "/proc/nope.html"), "/proc/nope.html", "report -o");
        assertOneLineError(CliRun.of("report", "--config", config, "--full", "--result", dir.resolve("none.json").toString()),
                dir.resolve("none.json").toString(), "report --result missing");
        assertOneLineError(CliRun.of("graph", "--config", config, "-o", dir.resolve("no/such/folder.svg").toString()),
                dir.resolve("no/such/folder.svg").toString(), "graph -o into a missing folder");
    }
}
