package io.strata.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the {@code strata} command line in-process, set up as {@code main} sets it up: exit
 * code, standard output and error.
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        NoSystemGitConfig.install();
        CommandLine cli = StrataCommand.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
