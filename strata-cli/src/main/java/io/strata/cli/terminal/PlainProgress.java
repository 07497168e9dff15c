package io.strata.cli.terminal;

import io.strata.engine.builder.runner.BuildProgress;
import io.strata.engine.builder.runner.NodeOutcome;
import io.strata.engine.builder.runner.NodeJob;
import io.strata.engine.graph.NodeId;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Progress as plain lines, one per event (for CI logs and pipes): start with the log's path,
 * end with the result and duration. Nodes' own output stays in their logs unless
 * {@code echoOutput} is set (then every line is printed with the node's name in front).
 */
public final class PlainProgress implements BuildProgress {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final boolean echoOutput;

    /**
     * Progress to a stream.
     *
     * @param out where the lines go
     * @param echoOutput whether the nodes' output is printed too
     */
    public PlainProgress(PrintStream out, boolean echoOutput) {
        this.out = out;
        this.echoOutput = echoOutput;
    }

    private void print(String text) {
        synchronized (out) {
            out.println("[" + LocalTime.now().format(TIME) + "] " + text);
            out.flush();
        }
    }

    @Override
    public void note(String line) {
        print(line);
    }

    @Override
    public void planned(List<NodeJob> jobs) {
        print("building " + jobs.size() + (jobs.size() == 1 ? " node" : " nodes"));
    }

    @Override
    public void started(NodeId node, Path log) {
        print(String.format("%-9s %s  (log: %s)", "start", node, log));
    }

    @Override
    public void output(NodeId node, String line) {
        if (echoOutput) {
            synchronized (out) {
                out.println(node + " | " + line);
            }
        }
    }

    @Override
    public void finished(NodeOutcome outcome) {
        String text = ResultTable.line(outcome);
        print(text);
    }

    @Override
    public void done(List<NodeOutcome> outcomes) {
        // the caller prints the table
    }
}
