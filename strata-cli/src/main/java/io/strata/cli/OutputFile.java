package io.strata.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code -o FILE}: where a command's document goes; standard output when it is not given. */
final class OutputFile {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path output;

    /** Writes the document to the file, or prints it on the command's output. */
    void write(CommandSpec spec, String text) throws IOException {
        if (output != null) {
            Files.writeString(output, text);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
    }
}
