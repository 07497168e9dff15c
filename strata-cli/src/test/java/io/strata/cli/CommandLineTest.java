package io.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;

/** How {@code main} sets up a run: the command line it builds for the arguments, and JGit. */
class CommandLineTest {

    private static final Set<String> EVERY_SUBCOMMAND = Set.of("validate", "impact", "plan", "gitlab-ci", "graph", "report", "diff", "demo",
            "build", "prune", "cache", "completion", "man", "help");

    @Test
    void aRunThatNamesASubcommandBuildsThatOneAlone() {
        assertEquals(Set.of("impact"), StrataCommand.commandLine(new String[] {"impact", "--format", "json"})
                .getSubcommands().keySet());
        for (String name : EVERY_SUBCOMMAND) {
            if (!name.equals("help")) {
                assertEquals(Set.of(name), StrataCommand.commandLine(new String[] {name, "--help"}).getSubcommands().keySet());
            }
        }
    }

    @Test
    void helpOptionsAndUnknownWordsGetEverySubcommand() {
        for (List<String> args : List.of(List.<String>of(), List.of("help", "impact"), List.of("--version"), List.of("impakt"))) {
            assertEquals(EVERY_SUBCOMMAND, StrataCommand.commandLine(args.toArray(String[]::new)).getSubcommands().keySet(),
                    args.toString());
        }
    }

    @Test
    void aSubcommandAloneHasTheSameUsageAndErrors() {
        assertEquals(StrataCommand.commandLine().getSubcommands().get("plan").getUsageMessage(),
                StrataCommand.commandLine(new String[] {"plan"}).getSubcommands().get("plan").getUsageMessage());
        CliRun unknownOption = CliRun.of("impact", "--bogus");
        assertEquals(StrataCommand.EXIT_USAGE, unknownOption.exitCode());
        assertTrue(unknownOption.err().startsWith("Unknown option: '--bogus'\nUsage: strata impact "), unknownOption.err());
    }

    @Test
    void helpForASubcommandAndSuggestionsStillWork() {
        CliRun help = CliRun.of("help", "impact");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().startsWith("Usage: strata impact "), help.out());
        CliRun typo = CliRun.of("impakt");
        assertEquals(StrataCommand.EXIT_USAGE, typo.exitCode());
        assertTrue(typo.err().contains("Did you mean: strata impact"), typo.err());
    }

    @Test
    void jgitSkipsTheSystemConfigurationOnlyAndOnce() throws Exception {
        SystemReader before = SystemReader.getInstance();
        try {
            SystemReader.setInstance(null);
            SystemReader defaults = SystemReader.getInstance();
            NoSystemGitConfig.install();
            SystemReader installed = SystemReader.getInstance();
            NoSystemGitConfig.install();
            assertEquals(installed, SystemReader.getInstance());
            FileBasedConfig system = installed.openSystemConfig(null, FS.DETECTED);
            system.load();
            assertNull(system.getFile());
            assertTrue(system.getSections().isEmpty());
            assertEquals(defaults.openUserConfig(null, FS.DETECTED).getFile(), installed.openUserConfig(null, FS.DETECTED).getFile());
        } finally {
            SystemReader.setInstance(before);
        }
    }
}
