package io.strata.engine.builder.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.builder.failure.BuildFailure;
import io.strata.engine.builder.process.Cancellation;
import io.strata.engine.builder.process.CancelledException;
import io.strata.engine.builder.process.OutputSink;
import io.strata.engine.builder.process.SecretMask;
import io.strata.engine.builder.publish.PublishedImage;
import io.strata.engine.graph.NodeId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class BuildRunnerTest {

    @TempDir
    Path logs;

    private static NodeJob job(String node, String parent) {
        NodeId id = NodeId.parse(node);
        return new NodeJob(id, parent == null ? null : NodeId.parse(parent), "localhost/ca/" + id.layer() + "-" + id.type(), "t1",
                parent == null ? "scratch" : "localhost/ca/x:latest");
    }

    /** The example's six nodes, parents first. */
    private static final List<NodeJob> SITE = List.of(job("os/base", null), job("hsn/base", "os/base"),
            job("compute/compute", "hsn/base"), job("uan/uan", "hsn/base"), job("slurm/compute", "compute/compute"),
            job("slurm/uan", "uan/uan"));

    /** A builder double: records calls and the parent image each got; fails or blocks chosen nodes. */
    private static final class FakeBuilder implements NodeBuilder {

        final List<String> started = Collections.synchronizedList(new ArrayList<>());
        final Map<String, PublishedImage> parents = new ConcurrentHashMap<>();
        final Set<String> failing;
        final Map<String, CountDownLatch> gates = new HashMap<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        Cancellation cancellation;

        FakeBuilder(Set<String> failing) {
            this.failing = failing;
        }

        @Override
        public NodeResult build(NodeJob job, PublishedImage parent, OutputSink log) {
            String node = job.node().toString();
            started.add(node);
            if (parent != null) {
                parents.put(node, parent);
            }
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                log.line(OutputSink.Stream.OUT, "building " + node + " with password s3cret-pw");
                CountDownLatch gate = gates.get(node);
                if (gate != null) {
                    while (!gate.await(10, TimeUnit.MILLISECONDS)) {
                        if (cancellation != null && cancellation.isCancelled()) {
                            throw new CancelledException(node);
                        }
                    }
                }
                if (failing.contains(node)) {
                    throw new BuildFailure("playbook of " + node + " failed", "see the log");
                }
                return new NodeResult(NodeStatus.BUILT, new PublishedImage(job.image() + ":in-1", "sha256:" + node.hashCode(), "sha256:d"), null);
            } catch (InterruptedException e) {
                throw new CancelledException(node);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    private BuildReport run(FakeBuilder builder, int jobs, Cancellation cancellation) {
        SecretMask mask = new SecretMask();
        mask.add("s3cret-pw");
        return new BuildRunner(builder, jobs, logs, new RecordingProgress(), cancellation, mask).run(SITE);
    }

    private static Map<String, NodeStatus> statuses(BuildReport report) {
        Map<String, NodeStatus> statuses = new java.util.LinkedHashMap<>();
        report.outcomes().forEach(o -> statuses.put(o.node().toString(), o.status()));
        return statuses;
    }

    @Test
    void everyNodeIsBuiltAfterItsParentWithTheParentsImage() throws Exception {
        FakeBuilder builder = new FakeBuilder(Set.of());
        BuildReport report = run(builder, 2, new Cancellation());
        assertTrue(report.succeeded());
        List<String> order = builder.started;
        for (NodeJob job : SITE) {
            if (job.parent() != null) {
                assertTrue(order.indexOf(job.parent().toString()) < order.indexOf(job.node().toString()), order.toString());
                assertEquals("localhost/ca/" + job.parent().layer() + "-" + job.parent().type() + ":in-1",
                        builder.parents.get(job.node().toString()).reference());
            }
        }
        assertNull(builder.parents.get("os/base"));
        assertTrue(builder.maxRunning.get() <= 2, "-j 2 respected");
        String log = Files.readString(logs.resolve("compute-compute.log"));
        assertTrue(log.contains("building compute/compute with password ********"), log);
        assertFalse(log.contains("s3cret-pw"));
    }

    @Test
    void aChildStartsAsSoonAsItsParentIsDoneWithoutWaitingForTheWholeLevel() throws Exception {
        FakeBuilder builder = new FakeBuilder(Set.of());
        CountDownLatch uanGate = new CountDownLatch(1);
        builder.gates.put("uan/uan", uanGate);
        CountDownLatch slurmComputeStarted = new CountDownLatch(1);
        Thread release = new Thread(() -> {
            while (!builder.started.contains("slurm/compute")) {
                Thread.onSpinWait();
            }
            slurmComputeStarted.countDown();
            uanGate.countDown();
        });
        release.start();
        BuildReport report = run(builder, 2, new Cancellation());
        assertTrue(slurmComputeStarted.await(5, TimeUnit.SECONDS));
        assertTrue(report.succeeded());
        List<String> order = builder.started;
        assertTrue(order.indexOf("slurm/compute") < order.indexOf("slurm/uan"), order.toString());
    }

    @Test
    void aFailedNodeSkipsOnlyItsDescendants() {
        FakeBuilder builder = new FakeBuilder(Set.of("compute/compute"));
        BuildReport report = run(builder, 1, new Cancellation());
        assertFalse(report.succeeded());
        assertEquals(Map.of("os/base", NodeStatus.BUILT, "hsn/base", NodeStatus.BUILT, "compute/compute", NodeStatus.FAILED,
                "uan/uan", NodeStatus.BUILT, "slurm/compute", NodeStatus.SKIPPED, "slurm/uan", NodeStatus.BUILT), statuses(report));
        assertFalse(builder.started.contains("slurm/compute"));
        NodeOutcome failed = report.outcomes().get(2);
        assertEquals("playbook of compute/compute failed. Fix: see the log", failed.message());
        assertEquals(logs.resolve("compute-compute.log"), failed.log());
        assertEquals("parent compute/compute did not build", report.outcomes().get(4).message());
        assertTrue(report.criticalPath().nodes().contains(NodeId.parse("os/base")), report.criticalPath().toString());
    }

    @Test
    void aFailedRootSkipsEverything() {
        BuildReport report = run(new FakeBuilder(Set.of("os/base")), 2, new Cancellation());
        assertEquals(1, report.count(NodeStatus.FAILED));
        assertEquals(5, report.count(NodeStatus.SKIPPED));
    }

    @Test
    void cancellingStopsRunningNodesAndStartsNoMore() throws Exception {
        FakeBuilder builder = new FakeBuilder(Set.of());
        Cancellation cancellation = new Cancellation();
        builder.cancellation = cancellation;
        builder.gates.put("hsn/base", new CountDownLatch(1));
        Thread canceller = new Thread(() -> {
            while (!builder.started.contains("hsn/base")) {
                Thread.onSpinWait();
            }
            cancellation.cancel("test");
        });
        canceller.start();
        BuildReport report = run(builder, 2, cancellation);
        canceller.join();
        assertTrue(report.cancelled());
        assertEquals(Map.of("os/base", NodeStatus.BUILT, "hsn/base", NodeStatus.CANCELLED, "compute/compute", NodeStatus.CANCELLED,
                "uan/uan", NodeStatus.CANCELLED, "slurm/compute", NodeStatus.CANCELLED, "slurm/uan", NodeStatus.CANCELLED), statuses(report));
        assertEquals(List.of("os/base", "hsn/base"), builder.started);
    }

    @Test
    void aNodeWhoseParentIsNotInTheRunStartsAtOnce() {
        FakeBuilder builder = new FakeBuilder(Set.of());
        List<NodeJob> partial = List.of(job("slurm/compute", "compute/compute"), job("slurm/uan", "uan/uan"));
        BuildReport report = new BuildRunner(builder, 2, logs, new RecordingProgress(), new Cancellation(), new SecretMask()).run(partial);
        assertTrue(report.succeeded());
        assertTrue(builder.parents.isEmpty(), "they build FROM their job's from");
    }

    /** Progress that keeps the events. */
    private static final class RecordingProgress implements BuildProgress {

        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void planned(List<NodeJob> jobs) {
            events.add("planned " + jobs.size());
        }

        @Override
        public void started(NodeId node, Path log) {
            events.add("started " + node);
        }

        @Override
        public void output(NodeId node, String line) {
        }

        @Override
        public void finished(NodeOutcome outcome) {
            events.add(outcome.status() + " " + outcome.node());
        }

        @Override
        public void done(List<NodeOutcome> outcomes) {
            events.add("done");
        }
    }
}
