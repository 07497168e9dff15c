package io.strata.cli.terminal;

import io.strata.engine.builder.runner.BuildProgress;
import io.strata.engine.builder.runner.NodeOutcome;
import io.strata.engine.builder.runner.NodeJob;
import io.strata.engine.graph.NodeId;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A live display for a terminal: finished nodes scroll up as lines; below them, redrawn every
 * second, one line per running node with its elapsed time and last output line, and a count of
 * what is done, running and waiting.
 */
public final class TerminalProgress implements BuildProgress {

    private static final String CLEAR_BELOW = "\u001b[J";
    private static final char[] SPINNER = {'|', '/', '-', '\\'};

    private record Running(long startNanos, String lastLine) {
    }

    private final PrintStream out;
    private final int width;
    private final Map<NodeId, Running> running = new LinkedHashMap<>();
    private int total;
    private int finished;
    private int drawnLines;
    private int tick;
    private ScheduledExecutorService ticker;

    /**
     * A display.
     *
     * @param out the terminal
     * @param width its width in columns
     */
    public TerminalProgress(PrintStream out, int width) {
        this.out = out;
        this.width = Math.max(40, width);
    }

    @Override
    public synchronized void note(String line) {
        out.println(line);
    }

    @Override
    public synchronized void planned(List<NodeJob> jobs) {
        total = jobs.size();
        ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "strata-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
        redraw();
    }

    @Override
    public synchronized void started(NodeId node, Path log) {
        running.put(node, new Running(System.nanoTime(), "log: " + log));
        redraw();
    }

    @Override
    public synchronized void output(NodeId node, String line) {
        Running state = running.get(node);
        if (state != null && !line.isBlank()) {
            running.put(node, new Running(state.startNanos(), line.strip()));
        }
    }

    @Override
    public synchronized void finished(NodeOutcome outcome) {
        running.remove(outcome.node());
        finished++;
        erase();
        String text = ResultTable.line(outcome);
        out.println(text);
        draw();
    }

    @Override
    public synchronized void done(List<NodeOutcome> outcomes) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        erase();
        out.flush();
    }

    private synchronized void redraw() {
        erase();
        draw();
    }

    private void erase() {
        if (drawnLines > 0) {
            out.print("\u001b[" + drawnLines + "F" + CLEAR_BELOW);
            drawnLines = 0;
        }
    }

    private void draw() {
        tick++;
        long now = System.nanoTime();
        for (Map.Entry<NodeId, Running> entry : running.entrySet()) {
            long seconds = (now - entry.getValue().startNanos()) / 1_000_000_000L;
            String line = String.format(" %c %-24s %4ds  %s", SPINNER[tick % SPINNER.length], entry.getKey(), seconds,
                    entry.getValue().lastLine());
            out.println(line.length() > width - 1 ? line.substring(0, width - 1) : line);
            drawnLines++;
        }
        out.println(String.format("   %d/%d done, %d running, %d waiting", finished, total, running.size(),
                Math.max(0, total - finished - running.size())));
        drawnLines++;
        out.flush();
    }
}
