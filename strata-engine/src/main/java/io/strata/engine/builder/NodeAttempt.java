package io.strata.engine.builder;

import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.ImageReference;
import io.strata.engine.builder.buildah.PullPolicy;
import io.strata.engine.builder.failure.BuildFailure;
import io.strata.engine.builder.leftovers.Folders;
import io.strata.engine.builder.leftovers.Holdings;
import io.strata.engine.builder.process.Command;
import io.strata.engine.builder.process.CommandResult;
import io.strata.engine.builder.process.CommandRunner;
import io.strata.engine.builder.process.OutputSink;
import io.strata.engine.builder.publish.ImageIds;
import io.strata.engine.builder.publish.RegistryErrors;
import io.strata.engine.builder.runner.NodeJob;
import io.strata.engine.graph.LayerNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One build of a node and what it holds until it ends: its scratch folder, its working
 * containers, the image it committed but has not published yet, a partial squashfs file, and the
 * time each phase took. Closing it removes whatever is still held, so a failed or cancelled build
 * leaves nothing; each container and folder is also told to the run's {@link Holdings}, so that
 * a killed run's are found by the next.
 */
final class NodeAttempt implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    final NodeJob job;
    final LayerNode node;
    final OutputSink log;
    final Path work;
    private final Buildah buildah;
    private final CommandRunner runner;
    private final Holdings holdings;
    private final List<String> containers = new ArrayList<>();
    private final Map<String, Long> phases = new LinkedHashMap<>();
    /** The committed image not published yet, removed on close; null when there is none. */
    String unpublishedImage;
    /** A squashfs file being written, deleted on close; null when there is none. */
    Path partialSquashfs;

    NodeAttempt(NodeJob job, LayerNode node, OutputSink log, Path workDir, Buildah buildah, CommandRunner runner, Holdings holdings) {
        this.job = job;
        this.node = node;
        this.log = log;
        this.buildah = buildah;
        this.runner = runner;
        this.holdings = holdings;
        this.work = workDir.resolve(job.slug() + "-" + random()).toAbsolutePath();
        holdings.folderCreated(work);
        try {
            Files.createDirectories(work.resolve("rootfs"));
            Files.createDirectories(work.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the build folder " + work, e);
        }
    }

    /** Where working containers are mounted. */
    Path rootfs() {
        return work.resolve("rootfs");
    }

    /** Adds the time since {@code startNanos} to a phase; returns the current time. */
    long phase(String name, long startNanos) {
        long now = System.nanoTime();
        phases.merge(name, now - startNanos, Long::sum);
        return now;
    }

    /** "from 0.21s, playbook 5.10s, commit 0.31s, publish 0.92s". */
    String timings() {
        StringBuilder text = new StringBuilder();
        phases.forEach((name, nanos) -> text.append(text.length() == 0 ? "" : ", ").append(name).append(' ')
                .append(String.format(Locale.ROOT, "%.2fs", nanos / 1e9)));
        return text.toString();
    }

    /** A new working container from an image. */
    String newContainer(String from, PullPolicy pull) {
        String name = "strata-" + job.slug() + "-" + random();
        holdings.containerCreated(name);
        CommandResult result = run(buildah.from(name, from, pull));
        if (!result.ok()) {
            holdings.containerRemoved(name);
            if (!from.equals(Buildah.SCRATCH) && !ImageReference.isLocal(from)) {
                throw RegistryErrors.failure("buildah from " + from, ImageReference.registryOf(from), result, 1);
            }
            throw new BuildFailure("buildah from " + from + " failed: " + result.errorSummary(),
                    "check that the image exists (build the parent first) and that buildah works (the build's preflight checks it)");
        }
        containers.add(name);
        return name;
    }

    /** {@code buildah commit --rm} removed the container. A failed commit leaves it, and closing removes it. */
    void committed(String name) {
        containers.remove(name);
        holdings.containerRemoved(name);
    }

    /** Removes a working container now. */
    void removeContainer(String name) {
        runner.forCleanup().run(buildah.rm(name), log);
        containers.remove(name);
        holdings.containerRemoved(name);
    }

    /** Runs a command, logging it first. */
    CommandResult run(Command command) {
        log.line(OutputSink.Stream.INFO, "$ " + shortDisplay(command));
        return runner.run(command, log);
    }

    @Override
    public void close() {
        CommandRunner cleanup = runner.forCleanup();
        for (String container : List.copyOf(containers)) {
            log.line(OutputSink.Stream.INFO, "cleanup: removing working container " + container);
            cleanup.run(buildah.rm(container), log);
            holdings.containerRemoved(container);
        }
        if (unpublishedImage != null) {
            log.line(OutputSink.Stream.INFO, "cleanup: removing unpublished image " + unpublishedImage);
            cleanup.run(buildah.rmi(ImageIds.bare(unpublishedImage)), log);
        }
        try {
            if (partialSquashfs != null) {
                Files.deleteIfExists(partialSquashfs);
            }
            Folders.deleteTree(work);
            holdings.folderRemoved(work);
        } catch (IOException e) {
            log.line(OutputSink.Stream.INFO, "cleanup: cannot remove " + work + ": " + e.getMessage());
        }
    }

    /** The command for the log, with the constant mount script shown by name. */
    private static String shortDisplay(Command command) {
        List<String> argv = new ArrayList<>(command.argv());
        argv.replaceAll(word -> word.equals(Buildah.MOUNTED_RUN) ? "<mounted-run.sh>"
                : word.equals(Buildah.IMAGE_CONTENTS) ? "<image-contents.sh>" : word);
        return new Command(argv, Map.of(), null).display();
    }

    /** Eight random hex digits, for names no other build uses. */
    static String random() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
