package io.strata.cli;

import io.strata.engine.config.ConfigException;
import io.strata.engine.config.Problem;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code strata} command: layered HPC node images from a layer DAG. */
@Command(name = "strata", mixinStandardHelpOptions = true, version = "strata 0.1.0",
        description = "Builds HPC cluster node images in layers, rebuilding only what a change affects.",
        subcommands = {ValidateCommand.class, ImpactCommand.class, PlanCommand.class, GitLabCiCommand.class, GraphCommand.class,
            DemoCommand.class, BuildCommand.class, CommandLine.HelpCommand.class})
public final class StrataCommand implements Runnable {

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

    /** A command line wired with Strata's error handling. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new StrataCommand());
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
            throw e;
        });
        return cli;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
