package io.strata.engine.builder.runner;

import io.strata.engine.builder.failure.BuildFailure;
import io.strata.engine.builder.process.Cancellation;
import io.strata.engine.builder.process.CancelledException;
import io.strata.engine.builder.process.LogFile;
import io.strata.engine.builder.process.OutputSink;
import io.strata.engine.builder.process.SecretMask;
import io.strata.engine.builder.publish.PublishedImage;
import io.strata.engine.graph.NodeId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the nodes of a build on this machine: each node starts as soon as its parent is done (no
 * level barriers), at most {@code jobs} at once, in the plan's order among those ready. A failed
 * node skips only its descendants; the other branches go on. Cancelling stops the running builds
 * (their commands' process groups are killed and the builders clean up) and starts nothing more.
 * Each node logs to {@code <logDir>/<layer>-<type>.log}, secrets masked.
 */
public final class BuildRunner {

    private final NodeBuilder builder;
    private final int jobs;
    private final Path logDir;
    private final BuildProgress progress;
    private final Cancellation cancellation;
    private final SecretMask mask;

    /**
     * A runner.
     *
     * @param builder what builds one node
     * @param jobs how many nodes may build at once (at least 1)
     * @param logDir where the node logs go
     * @param progress what follows the run
     * @param cancellation the run's stop signal
     * @param mask the secrets to hide in logs
     */
    public BuildRunner(NodeBuilder builder, int jobs, Path logDir, BuildProgress progress, Cancellation cancellation,
            SecretMask mask) {
        if (jobs < 1) {
            throw new IllegalArgumentException("-j must be at least 1");
        }
        this.builder = builder;
        this.jobs = jobs;
        this.logDir = logDir;
        this.progress = progress;
        this.cancellation = cancellation;
        this.mask = mask;
    }

    /**
     * Runs the jobs.
     *
     * @param plan the nodes, parents before children; a job whose parent is not in the list
     *     builds FROM its {@code from}
     */
    public BuildReport run(List<NodeJob> plan) {
        Map<NodeId, Integer> index = new HashMap<>();
        Map<NodeId, List<NodeJob>> children = new HashMap<>();
        for (NodeJob job : plan) {
            if (index.putIfAbsent(job.node(), index.size()) != null) {
                throw new IllegalArgumentException(job.node() + " is planned twice");
            }
        }
        PriorityQueue<NodeJob> ready = new PriorityQueue<>((a, b) -> Integer.compare(index.get(a.node()), index.get(b.node())));
        for (NodeJob job : plan) {
            if (job.parent() != null && index.containsKey(job.parent())) {
                if (index.get(job.parent()) > index.get(job.node())) {
                    throw new IllegalArgumentException(job.node() + " is planned before its parent " + job.parent());
                }
                children.computeIfAbsent(job.parent(), k -> new ArrayList<>()).add(job);
            } else {
                ready.add(job);
            }
        }
        progress.planned(plan);
        long start = System.nanoTime();
        Map<NodeId, NodeOutcome> outcomes = new LinkedHashMap<>();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, task -> {
            Thread thread = new Thread(task, "strata-build-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            ExecutorCompletionService<NodeOutcome> completion = new ExecutorCompletionService<>(pool);
            int running = 0;
            while (true) {
                while (!cancellation.isCancelled() && running < jobs && !ready.isEmpty()) {
                    NodeJob job = ready.poll();
                    NodeOutcome parentOutcome = job.parent() == null ? null : outcomes.get(job.parent());
                    PublishedImage parentImage = parentOutcome == null ? null : parentOutcome.image();
                    completion.submit(() -> buildOne(job, parentImage));
                    running++;
                }
                if (running == 0) {
                    break;
                }
                NodeOutcome outcome = take(completion);
                running--;
                outcomes.put(outcome.node(), outcome);
                progress.finished(outcome);
                if (outcome.status().succeeded()) {
                    ready.addAll(children.getOrDefault(outcome.node(), List.of()));
                } else {
                    skipDescendants(outcome.node(), children, outcomes, outcome.status() == NodeStatus.CANCELLED);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<NodeOutcome> ordered = new ArrayList<>();
        for (NodeJob job : plan) {
            NodeOutcome outcome = outcomes.get(job.node());
            if (outcome == null) {
                outcome = NodeOutcome.notStarted(job.node());
                progress.finished(outcome);
            }
            ordered.add(outcome);
        }
        BuildReport report = new BuildReport(ordered, cancellation.isCancelled(), elapsed(start), CriticalPath.of(plan, ordered));
        progress.done(ordered);
        return report;
    }

    private static NodeOutcome take(ExecutorCompletionService<NodeOutcome> completion) {
        while (true) {
            try {
                return completion.take().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException("build runner interrupted");
            } catch (ExecutionException e) {
                throw new IllegalStateException("a node build escaped its error handling", e.getCause());
            }
        }
    }

    private void skipDescendants(NodeId failed, Map<NodeId, List<NodeJob>> children, Map<NodeId, NodeOutcome> outcomes,
            boolean cancelled) {
        for (NodeJob child : children.getOrDefault(failed, List.of())) {
            NodeOutcome skipped = cancelled
                    ? NodeOutcome.notStarted(child.node())
                    : new NodeOutcome(child.node(), NodeStatus.SKIPPED, Duration.ZERO, null, "parent " + failed + " did not build",
                            null, null);
            outcomes.put(child.node(), skipped);
            progress.finished(skipped);
            skipDescendants(child.node(), children, outcomes, cancelled);
        }
    }

    private NodeOutcome buildOne(NodeJob job, PublishedImage parent) {
        Path log = logDir.resolve(job.slug() + ".log");
        long start = System.nanoTime();
        progress.started(job.node(), log);
        try (LogFile file = new LogFile(log, mask)) {
            OutputSink sink = mask.masking((stream, line) -> {
                file.line(stream, line);
                progress.output(job.node(), line);
            });
            try {
                NodeResult result = builder.build(job, parent, sink);
                return new NodeOutcome(job.node(), result.status(), elapsed(start), result.image(), "", log, result.changes());
            } catch (CancelledException e) {
                sink.line(OutputSink.Stream.INFO, "cancelled: " + cancellation.reason());
                return new NodeOutcome(job.node(), NodeStatus.CANCELLED, elapsed(start), null,
                        "stopped: " + cancellation.reason(), log, null);
            } catch (BuildFailure e) {
                sink.line(OutputSink.Stream.INFO, "failed: " + e.describe());
                return new NodeOutcome(job.node(), cancellation.isCancelled() ? NodeStatus.CANCELLED : NodeStatus.FAILED,
                        elapsed(start), null, mask.apply(e.describe()), log, null);
            } catch (RuntimeException e) {
                sink.line(OutputSink.Stream.INFO, "failed: " + e);
                return new NodeOutcome(job.node(), cancellation.isCancelled() ? NodeStatus.CANCELLED : NodeStatus.FAILED,
                        elapsed(start), null, mask.apply(String.valueOf(e.getMessage())), log, null);
            }
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
