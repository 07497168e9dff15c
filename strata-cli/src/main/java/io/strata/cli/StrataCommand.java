package io.strata.cli;

import io.strata.engine.config.ConfigException;
import io.strata.engine.config.Problem;
import io.strata.engine.jinja.JinjaReferences;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code strata} command: layered HPC node images from a layer DAG. */
@Command(name = "strata", mixinStandardHelpOptions = true, version = "strata 0.1.0",
        description = "Builds HPC cluster node images in layers, rebuilding only what a change affects.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:a build failed", "2:a usage or configuration error", "3:nothing to rebuild (impact --exit-code)",
            "4:this machine cannot build", "130:interrupted (Ctrl-C)", "143:stopped (SIGTERM)"},
        footerHeading = "%nExamples:%n",
        footer = {"  strata validate --config site/layers.yaml",
            "  strata impact --config site/layers.yaml --base origin/main --head HEAD --merge-base",
            "  strata build --config site/layers.yaml --base origin/main --head HEAD --merge-base --reuse"})
public final class StrataCommand implements Runnable {

    /**
     * The subcommands in the order help lists them. Reading a command's options costs picocli
     * more than parsing a command line, so a run names only the subcommand it executes.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ValidateCommand.class, ImpactCommand.class, PlanCommand.class,
            GitLabCiCommand.class, GraphCommand.class, ReportCommand.class, DemoCommand.class, BuildCommand.class, DiffCommand.class, PruneCommand.class,
            CacheCommand.class, CompletionCommand.class, ManCommand.class, CommandLine.HelpCommand.class);
    /** The subcommands but help, by the name their {@code @Command} gives them too: finding one reads no annotation. */
    private static final Map<String, Class<?>> BY_NAME = Map.ofEntries(Map.entry(ValidateCommand.NAME, ValidateCommand.class),
            Map.entry(ImpactCommand.NAME, ImpactCommand.class), Map.entry(PlanCommand.NAME, PlanCommand.class),
            Map.entry(GitLabCiCommand.NAME, GitLabCiCommand.class), Map.entry(GraphCommand.NAME, GraphCommand.class),
            Map.entry(ReportCommand.NAME, ReportCommand.class), Map.entry(DiffCommand.NAME, DiffCommand.class),
            Map.entry(DemoCommand.NAME, DemoCommand.class), Map.entry(BuildCommand.NAME, BuildCommand.class),
            Map.entry(PruneCommand.NAME, PruneCommand.class), Map.entry(CacheCommand.NAME, CacheCommand.class),
            Map.entry(CompletionCommand.NAME, CompletionCommand.class), Map.entry(ManCommand.NAME, ManCommand.class));

    /** Exit code for invalid input (a layers file, a revision, an option). */
    public static final int EXIT_USAGE = 2;
    /** Exit code of {@code --exit-code} when nothing is to be rebuilt. */
    public static final int EXIT_NOTHING = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line with every subcommand, wired with Strata's error handling. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The command line for these arguments: when the first names a subcommand other than help,
     * that one alone (its help and errors are the same); otherwise every subcommand, for help and
     * suggestions.
     */
    static CommandLine commandLine(String[] args) {
        Class<?> command = args.length > 0 ? BY_NAME.get(args[0]) : null;
        return command == null ? commandLine() : commandLine(List.of(command));
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new StrataCommand());
        subcommands.forEach(cli::addSubcommand);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof ConfigException config) {
                for (Problem problem : config.problems()) {
                    err.println(problem.format());
                }
                err.flush();
                return EXIT_USAGE;
            }
            if (e instanceof IllegalArgumentException || e instanceof UserError) {
                err.println("error: " + e.getMessage());
                err.flush();
                return EXIT_USAGE;
            }
            IOException io = FileErrors.cause(e);
            if (io != null) {
                err.println("error: " + FileErrors.describe(io));
                err.flush();
                return EXIT_USAGE;
            }
            throw e;
        });
        return cli;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        prepare();
        CommandLine commandLine = commandLine(args);
        NoSystemGitConfig.install();
        System.exit(commandLine.execute(args));
    }

    /**
     * Readies JGit's system reader and the template parser on a second thread while picocli reads
     * the command line on the first: a fresh JVM's second core is idle then, and a command pays
     * their start-up on its busiest stretch otherwise (docs/benchmarks.md). The main thread still
     * installs the system reader itself, before any command runs.
     */
    private static void prepare() {
        Thread thread = new Thread(() -> {
            try {
                NoSystemGitConfig.install();
                JinjaReferences.prepare();
            } catch (RuntimeException e) {
                // Nothing is lost: a command that meets the same failure reports it.
            }
        }, "strata-prepare");
        thread.setDaemon(true);
        thread.start();
    }
}
