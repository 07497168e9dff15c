package io.strata.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata man}: the manual pages of strata and of each command, in roff. */
@Command(name = ManCommand.NAME, mixinStandardHelpOptions = true,
        description = "Write the manual pages (man 1) of strata and of each of its commands.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:the folder cannot be written"},
        footerHeading = "%nExamples:%n",
        footer = {"  strata man -o ~/.local/share/man/man1 && man strata-build", "  strata man | man -l -"})
final class ManCommand implements Callable<Integer> {

    /** The subcommand's name. */
    static final String NAME = "man";

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Write strata.1 and strata-COMMAND.1 into this folder (default: print the page of strata itself).")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = StrataCommand.commandLine();
        if (output == null) {
            spec.commandLine().getOut().print(ManPage.of(root));
            spec.commandLine().getOut().flush();
            return 0;
        }
        List<CommandLine> pages = new ArrayList<>(List.of(root));
        root.getSubcommands().values().stream().filter(command -> !command.getCommandName().equals("help")).forEach(pages::add);
        try {
            Files.createDirectories(output);
            for (CommandLine page : pages) {
                Files.writeString(output.resolve(ManPage.fileName(page)), ManPage.of(page));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        spec.commandLine().getOut().printf("%d manual pages written to %s%n", pages.size(), output);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
