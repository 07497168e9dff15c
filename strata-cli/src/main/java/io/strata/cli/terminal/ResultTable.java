package io.strata.cli.terminal;

import io.strata.engine.builder.runner.BuildReport;
import io.strata.engine.builder.runner.NodeOutcome;
import io.strata.engine.builder.runner.NodeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table printed at the end of a run: node, result, duration, image and digest. */
public final class ResultTable {

    /** How many characters of a digest the table shows ({@code sha256:} and 12 hex digits). */
    static final int DIGEST_CHARS = 19;

    private ResultTable() {
    }

    /** The table, with a summary line and, for failed nodes, why and where the log is. */
    public static String render(BuildReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NODE", "RESULT", "DURATION", "IMAGE", "DIGEST", "CHANGES"});
        for (NodeOutcome outcome : report.outcomes()) {
            String digest = outcome.image() == null || outcome.image().digest() == null ? "-" : shorten(outcome.image().digest());
            rows.add(new String[] {outcome.node().toString(), outcome.status().label(),
                duration(outcome.duration()), outcome.image() == null ? "-" : outcome.image().reference(), digest,
                outcome.changes() == null ? "-" : outcome.changes().summary()});
        }
        int[] widths = new int[6];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 2 ? pad(row[i], widths[i], true) : pad(row[i], widths[i], false));
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        for (NodeOutcome outcome : report.outcomes()) {
            if (!outcome.message().isEmpty() && outcome.status() != NodeStatus.SKIPPED) {
                out.append(outcome.node()).append(": ").append(outcome.message());
                if (outcome.log() != null) {
                    out.append(" (log: ").append(outcome.log()).append(')');
                }
                out.append('\n');
            }
        }
        out.append(summary(report)).append('\n');
        if (!report.wall().isZero() && !report.criticalPath().nodes().isEmpty()) {
            out.append("wall time ").append(duration(report.wall())).append(", critical path ")
                    .append(duration(report.criticalPath().duration())).append(": ")
                    .append(String.join(" > ", report.criticalPath().nodes().stream().map(Object::toString).toList())).append('\n');
        }
        return out.toString();
    }

    /** "6 nodes: 4 built, 1 reused, 1 failed". */
    public static String summary(BuildReport report) {
        StringBuilder text = new StringBuilder().append(report.outcomes().size()).append(report.outcomes().size() == 1 ? " node:" : " nodes:");
        boolean first = true;
        for (NodeStatus status : NodeStatus.values()) {
            long count = report.count(status);
            if (count > 0) {
                text.append(first ? " " : ", ").append(count).append(' ').append(status.label().toLowerCase(Locale.ROOT));
                first = false;
            }
        }
        if (report.cancelled()) {
            text.append(" (cancelled)");
        }
        return text.toString();
    }

    /** One line about a finished node: result, node, duration, image and message. */
    public static String line(NodeOutcome outcome) {
        StringBuilder text = new StringBuilder(String.format("%-9s %s", outcome.status().label(), outcome.node()));
        if (!outcome.duration().isZero()) {
            text.append("  ").append(duration(outcome.duration()));
        }
        if (outcome.image() != null) {
            text.append("  ").append(outcome.image().reference());
        }
        if (!outcome.message().isEmpty()) {
            text.append("  ").append(outcome.message());
        }
        return text.toString();
    }

    /** "0.4s", "12.3s", "2m05s". */
    public static String duration(Duration duration) {
        if (duration.isZero()) {
            return "-";
        }
        long millis = duration.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%dm%02ds", millis / 60_000, (millis / 1000) % 60);
    }

    private static String shorten(String digest) {
        return digest.length() > DIGEST_CHARS ? digest.substring(0, DIGEST_CHARS) : digest;
    }

    private static String pad(String text, int width, boolean right) {
        String padding = " ".repeat(width - text.length());
        return right ? padding + text : text + padding;
    }
}
