package io.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user reads: every command's help with examples and exit codes, the manual pages and completion. */
class HelpPagesTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandsHelpHasExamplesAndExitCodes() {
        for (String command : StrataCommand.commandLine().getSubcommands().keySet()) {
            if (command.equals("help")) {
                continue;
            }
            CliRun run = CliRun.of(command, "--help");
            assertEquals(0, run.exitCode(), command);
            assertTrue(run.out().contains("Examples:\n  ") && run.out().contains("strata " + command), command + ":\n" + run.out());
            assertTrue(run.out().contains("Exit codes:\n"), command + ":\n" + run.out());
        }
        assertTrue(CliRun.of("build", "--help").out().contains("130"), "build documents the exit code of Ctrl-C");
    }

    @Test
    void manualPagesAreWrittenForStrataAndEachCommand() throws IOException {
        CliRun run = CliRun.of("man", "-o", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        Set<String> pages = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> pages.add(file.getFileName().toString()));
        }
        assertEquals(Set.of("strata.1", "strata-validate.1", "strata-impact.1", "strata-plan.1", "strata-gitlab-ci.1", "strata-graph.1", "strata-report.1", "strata-diff.1",
                "strata-demo.1", "strata-build.1", "strata-prune.1", "strata-cache.1", "strata-completion.1", "strata-man.1"), pages);
        String build = Files.readString(dir.resolve("strata-build.1"));
        assertTrue(build.startsWith(".TH STRATA-BUILD 1 "), build);
        assertTrue(build.contains(".SH EXIT STATUS\n.TP\n\\fB0\\fR") && build.contains("\\fB130\\fR\ninterrupted by Ctrl"), build);
        assertTrue(build.contains("\\fB\\-\\-work\\-dir\\fR=\\fIDIR\\fR"), build);
        assertTrue(build.lines().noneMatch(line -> line.startsWith(".") && !line.matches("\\.(TH|SH|PP|TP|B|nf|fi)( .*)?")),
                "every line that starts with a dot is a request we meant");
    }

    @Test
    void completionCompletesEveryCommand() {
        CliRun run = CliRun.of("completion");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("complete -F _complete_strata") || run.out().contains("complete -F"), run.out());
        for (String command : Set.of("validate", "impact", "build", "prune", "man")) {
            assertTrue(run.out().contains(command), command);
        }
    }

    @Test
    void theDemoRunsOutsideTheCheckoutOnTheBundledExample() throws IOException {
        // The tests run in strata-cli/, where there is no examples/cluster: the bundled copy is used.
        assertTrue(!Files.exists(Path.of("examples", "cluster", "layers.yaml")), "the premise: no example in the working folder");
        CliRun run = CliRun.of("demo", "-o", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Throwaway site repository: "), run.out());
        assertTrue(Files.isRegularFile(dir.resolve("site/layers.yaml")) && Files.isRegularFile(dir.resolve("00-graph.svg")));
    }
}
