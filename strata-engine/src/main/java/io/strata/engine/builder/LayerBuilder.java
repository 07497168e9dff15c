package io.strata.engine.builder;

import io.strata.engine.builder.ansible.BuildInventory;
import io.strata.engine.builder.ansible.Connection;
import io.strata.engine.builder.ansible.PlaybookCommand;
import io.strata.engine.builder.ansible.RetryPolicy;
import io.strata.engine.builder.audit.AuditReport;
import io.strata.engine.builder.audit.InputAudit;
import io.strata.engine.builder.audit.ReadTrace;
import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.ImageReference;
import io.strata.engine.builder.buildah.PullPolicy;
import io.strata.engine.builder.digest.InputDigest;
import io.strata.engine.builder.digest.InputDigester;
import io.strata.engine.builder.digest.ToolVersions;
import io.strata.engine.builder.failure.BuildFailure;
import io.strata.engine.builder.leftovers.Folders;
import io.strata.engine.builder.leftovers.Holdings;
import io.strata.engine.builder.packages.PackageBackend;
import io.strata.engine.builder.packages.PackageList;
import io.strata.engine.builder.packages.PackageListParser;
import io.strata.engine.builder.packages.RootRecipe;
import io.strata.engine.builder.packages.RootStep;
import io.strata.engine.builder.process.Command;
import io.strata.engine.builder.process.CommandResult;
import io.strata.engine.builder.process.CommandRunner;
import io.strata.engine.builder.process.OutputSink;
import io.strata.engine.builder.publish.ImageIds;
import io.strata.engine.builder.publish.LocalPublisher;
import io.strata.engine.builder.publish.PublishedImage;
import io.strata.engine.builder.publish.Publisher;
import io.strata.engine.builder.runner.NodeBuilder;
import io.strata.engine.builder.runner.NodeJob;
import io.strata.engine.builder.runner.NodeResult;
import io.strata.engine.builder.runner.NodeStatus;
import io.strata.engine.graph.LayerNode;
import io.strata.engine.site.SiteSnapshot;
import io.strata.engine.source.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one node for real, rootless: {@code buildah from} the parent image (or
 * {@code scratch}), the root's packages or the layer's playbook with the container mounted
 * inside {@code buildah unshare}, provenance labels, commit, the optional image test and
 * squashfs export, then publishing (immutable tags first, the mutable tag last). A node whose
 * input digest is already published is reused when asked. On any failure or cancellation the
 * working containers, the unpublished image and partial files are removed: nothing partial is
 * published.
 */
public final class LayerBuilder implements NodeBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SiteSnapshot site;
    private final BuildOptions options;
    private final Buildah buildah;
    private final Publisher publisher;
    private final Publisher registry;
    private final Publisher local;
    private final CommandRunner runner;
    private final ToolVersions tools;
    private final InputDigester digester;

    private final Holdings holdings;

    /**
     * A builder of a site's nodes.
     *
     * @param site the site at the revision built
     * @param options what the run asks
     * @param buildah the buildah commands
     * @param publisher where images are published
     * @param registry what reads registry images (parents FROM a registry, reuse checks)
     * @param runner what runs commands
     * @param tools the tool versions (part of input digests and labels)
     * @param holdings told of each working container, so that a killed run's are found
     */
    public LayerBuilder(SiteSnapshot site, BuildOptions options, Buildah buildah, Publisher publisher, Publisher registry,
            CommandRunner runner, ToolVersions tools, Holdings holdings) {
        this.holdings = holdings;
        this.site = site;
        this.options = options;
        this.buildah = buildah;
        this.publisher = publisher;
        this.registry = registry;
        this.local = new LocalPublisher(buildah, runner);
        this.runner = runner;
        this.tools = tools;
        this.digester = new InputDigester(site);
    }

    /** One build of a node: its scratch folder, containers and image, cleaned up at the end. */
    private final class Attempt implements AutoCloseable {

        final NodeJob job;
        final LayerNode node;
        final OutputSink log;
        final Path work;
        final List<String> containers = new ArrayList<>();
        final Map<String, Long> phases = new LinkedHashMap<>();
        String unpublishedImage;
        Path partialSquashfs;

        Attempt(NodeJob job, OutputSink log) {
            this.job = job;
            this.node = site.graph().node(job.node());
            this.log = log;
            this.work = options.workDir().resolve(job.slug() + "-" + random()).toAbsolutePath();
            holdings.folderCreated(work);
            try {
                Files.createDirectories(work.resolve("rootfs"));
                Files.createDirectories(work.resolve("tmp"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the build folder " + work, e);
            }
        }

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
                    .append(String.format(java.util.Locale.ROOT, "%.2fs", nanos / 1e9)));
            return text.toString();
        }

        String newContainer(String from, PullPolicy pull) {
            String name = "strata-" + job.slug() + "-" + random();
            holdings.containerCreated(name);
            CommandResult result = run(buildah.from(name, from, pull));
            if (!result.ok()) {
                holdings.containerRemoved(name);
                if (!from.equals(Buildah.SCRATCH) && !ImageReference.isLocal(from)) {
                    throw io.strata.engine.builder.publish.RegistryErrors.failure("buildah from " + from,
                            ImageReference.registryOf(from), result, 1);
                }
                throw new BuildFailure("buildah from " + from + " failed: " + result.errorSummary(),
                        "check that the image exists (build the parent first) and that buildah works (the build's preflight checks it)");
            }
            containers.add(name);
            return name;
        }

        /** {@code buildah commit --rm} removed the container. A failed commit leaves it, and the cleanup removes it. */
        void committed(String name) {
            containers.remove(name);
            holdings.containerRemoved(name);
        }

        void removeContainer(String name) {
            runner.forCleanup().run(buildah.rm(name), log);
            containers.remove(name);
            holdings.containerRemoved(name);
        }

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
    }

    @Override
    public NodeResult build(NodeJob job, PublishedImage parent, OutputSink log) {
        try (Attempt attempt = new Attempt(job, log)) {
            return build(attempt, parent);
        }
    }

    private NodeResult build(Attempt attempt, PublishedImage parentImage) {
        NodeJob job = attempt.job;
        LayerNode node = attempt.node;
        PackageList packages = node.isRoot() ? packageList(node) : null;
        if (node.isRoot() && packages == null) {
            throw new BuildFailure("root " + job.node() + " has no package list", "add packages.yaml beside layers.yaml or"
                    + " name one with 'packages:' in the entry (contract section 5)");
        }
        String from;
        String parentId;
        PullPolicy pull;
        if (node.isRoot()) {
            from = Buildah.SCRATCH;
            parentId = null;
            pull = PullPolicy.NEVER;
        } else if (parentImage != null) {
            from = parentImage.reference();
            parentId = parentImage.imageId();
            pull = ImageReference.isLocal(from) ? PullPolicy.NEVER : PullPolicy.MISSING;
        } else {
            from = job.from();
            boolean isLocal = ImageReference.isLocal(from);
            PublishedImage found = (isLocal ? local : registry).find(from, attempt.log).orElseThrow(() -> new BuildFailure(
                    "the parent image " + from + " of " + job.node() + " does not exist" + (isLocal ? " in the local store" : ""),
                    "build the parent of " + job.node() + " first, or correct the parent image given"));
            parentId = found.imageId();
            pull = isLocal ? PullPolicy.NEVER : PullPolicy.ALWAYS;
        }
        Connection connection = options.settings().connection();
        InputDigest digest = digester.digest(job.node(), parentId, packages, tools, connection.key());
        writeInputs(job, digest);
        attempt.log.line(OutputSink.Stream.INFO, "input digest " + digest.value() + " (" + digest.lines().size()
                + " inputs, listed in " + inputsFile(job) + ")");
        if (options.reuse()) {
            Optional<NodeResult> reused = reuse(attempt, digest);
            if (reused.isPresent()) {
                return reused.get();
            }
        }
        RetryPolicy retry = RetryPolicy.of(connection, options.settings().connectionAttempts());
        String container = null;
        long mark = System.nanoTime();
        for (int run = 1; container == null; run++) {
            String candidate = attempt.newContainer(from, pull);
            if (parentId != null) {
                String actual = ImageIds.normalize(attempt.run(buildah.containerImageId(candidate)).answer());
                if (!actual.equals(parentId)) {
                    attempt.log.line(OutputSink.Stream.INFO, "the parent " + from + " moved to " + actual + " while the build"
                            + " started; its input digest is computed from the image used");
                    parentId = actual;
                    digest = digester.digest(job.node(), parentId, packages, tools, connection.key());
                    writeInputs(job, digest);
                }
            }
            mark = attempt.phase("from", mark);
            if (packages != null) {
                buildRoot(attempt, candidate, packages);
                mark = attempt.phase("packages", mark);
            }
            if (node.playbook() == null) {
                container = candidate;
                break;
            }
            CommandResult result = runPlaybook(attempt, candidate, node.playbook(), connection, options.auditInputs() ? digest : null);
            mark = attempt.phase("playbook", mark);
            if (result.ok()) {
                container = candidate;
            } else if (retry.retry(result, run)) {
                mark = System.nanoTime();
                attempt.log.line(OutputSink.Stream.INFO, "transient " + connection.plugin() + " failure (" + RetryPolicy.MODULE_FAILURE
                        + "): run " + run + " of " + retry.attempts() + ", retrying on a fresh container");
                attempt.removeContainer(candidate);
            } else {
                throw new BuildFailure("playbook " + node.playbook() + " failed (exit " + result.exitCode() + "): "
                        + failedTask(result), "see the node's log; nothing was published");
            }
        }
        CommandResult labelled = attempt.run(buildah.label(container, ImageLabels.of(job.node(), job.image(), parentId, from,
                digest, tools, options.source())));
        if (!labelled.ok()) {
            throw new BuildFailure("cannot label the working container: " + labelled.lastErrorLine(), "");
        }
        CommandResult committed = attempt.run(buildah.commit(container));
        if (committed.ok()) {
            attempt.committed(container);
        } else {
            String summary = committed.errorSummary();
            throw summary.toLowerCase(Locale.ROOT).contains("no space left on device")
                    ? new BuildFailure("buildah commit failed: the disk of the store is full: " + summary,
                            "free space on that disk (old images of the store can be pruned), then build again; nothing was published")
                    : new BuildFailure("buildah commit failed: " + summary, "check the free space of the store; nothing was published");
        }
        String imageId = ImageIds.normalize(lastLine(committed.stdout()));
        attempt.unpublishedImage = imageId;
        mark = attempt.phase("commit", mark);
        if (options.settings().test() != null) {
            test(attempt, imageId, options.settings().test());
            mark = attempt.phase("test", mark);
        }
        Path squashfs = null;
        if (options.settings().squashfs() != null) {
            squashfs = exportSquashfs(attempt, imageId);
            mark = attempt.phase("squashfs", mark);
        }
        PublishedImage published = publisher.publish(imageId, job.image(), unmovedTags(attempt, digest), options.mutableTag(), attempt.log);
        attempt.unpublishedImage = null;
        attempt.phase(publisher.remote() ? "push" : "tag", mark);
        if (squashfs != null) {
            moveIntoPlace(attempt, squashfs);
        }
        attempt.log.line(OutputSink.Stream.INFO, "timings: " + attempt.timings());
        return new NodeResult(NodeStatus.BUILT, published);
    }

    private Optional<NodeResult> reuse(Attempt attempt, InputDigest digest) {
        NodeJob job = attempt.job;
        String reference = job.image() + ":" + digest.tag();
        Optional<PublishedImage> found = publisher.find(reference, attempt.log);
        if (found.isEmpty()) {
            attempt.log.line(OutputSink.Stream.INFO, "not published yet: " + reference);
            return Optional.empty();
        }
        attempt.log.line(OutputSink.Stream.INFO, "reused: " + reference + " has the same input digest");
        List<String> tags = tags(digest, job);
        publisher.retag(found.get(), job.image(), tags.subList(1, tags.size()), options.mutableTag(), attempt.log);
        return Optional.of(new NodeResult(NodeStatus.REUSED, found.get()));
    }

    /**
     * The immutable tags a newly built image gets: the input-digest tag only when no image holds it
     * yet. An earlier build of the same inputs keeps it (without {@code --reuse} the node is built
     * again, and the new image gets the run's tag only): an immutable tag never moves.
     */
    private List<String> unmovedTags(Attempt attempt, InputDigest digest) {
        List<String> tags = tags(digest, attempt.job);
        String reference = attempt.job.image() + ":" + digest.tag();
        if (tags.size() > 1 && publisher.find(reference, attempt.log).isPresent()) {
            attempt.log.line(OutputSink.Stream.INFO, "kept: " + reference + " already names an image built from the same inputs"
                    + " and stays on it (an input-digest tag never moves; a build with reuse on would have reused that image)");
            return tags.subList(1, tags.size());
        }
        return tags;
    }

    private static List<String> tags(InputDigest digest, NodeJob job) {
        return List.copyOf(new LinkedHashSet<>(List.of(digest.tag(), job.tag())));
    }

    private PackageList packageList(LayerNode node) {
        String file = site.packagesFile(node.id());
        if (file == null) {
            return null;
        }
        byte[] bytes = site.trees().main().read(file).orElseThrow(() -> new BuildFailure("package list " + file + " is missing",
                "create it or correct 'packages:' of " + node.id()));
        return PackageListParser.parse(file, bytes);
    }

    private void buildRoot(Attempt attempt, String container, PackageList packages) {
        RootRecipe recipe = PackageBackend.of(packages.manager()).recipe(packages, attempt.rootfs(), attempt.work);
        try {
            for (Map.Entry<Path, String> file : recipe.files().entrySet()) {
                Files.writeString(file.getKey(), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (RootStep step : recipe.steps()) {
            CommandResult result = attempt.run(buildah.mountedRun(container, attempt.rootfs(), step.insideRoot(), step.argv()));
            if (!result.ok()) {
                throw new BuildFailure("root " + attempt.job.node() + ": " + step.description() + " failed (exit "
                        + result.exitCode() + "): " + result.errorSummary(), "see the node's log; nothing was published");
            }
        }
    }

    /**
     * Runs a playbook against the container, in the node's repository as built. With
     * {@code audited} (the node's digest), under the read tracer, and audits what Ansible read.
     */
    private CommandResult runPlaybook(Attempt attempt, String container, String playbook, Connection connection,
            InputDigest audited) {
        LayerNode node = attempt.node;
        SourceTree tree = site.repoTree(node.id());
        Path repoDir = SourceDirs.of(tree, attempt.work.resolve("src"));
        Path inventoryTree = inventoryTree(attempt);
        Path inventoryDir = inventoryTree == null || site.inventoryDir().isEmpty() ? inventoryTree : inventoryTree.resolve(site.inventoryDir());
        Path inventory = attempt.work.resolve(BuildInventory.FILE);
        String address = connection == Connection.CHROOT ? attempt.rootfs().toString() : container;
        Path trace = attempt.work.resolve("trace");
        try {
            Files.writeString(inventory, BuildInventory.yaml(node.groups(), connection, address));
            if (audited != null) {
                Files.createDirectories(trace);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PlaybookCommand play = new PlaybookCommand(playbook, inventoryDir, inventory, connection, attempt.work.resolve("tmp"),
                options.settings().pythonInterpreter());
        List<String> argv = audited == null ? play.argv() : ReadTrace.command(trace, play.argv());
        Command command = connection == Connection.CHROOT
                ? buildah.mountedRun(container, attempt.rootfs(), true, argv)
                : buildah.unshare(argv);
        CommandResult result = attempt.run(command.withEnv(play.env()).in(repoDir));
        if (audited != null && result.ok()) {
            audit(attempt, new InputAudit(repoDir, audited.files(), inventoryTree, site.inventory().parsedFiles(),
                    List.of(attempt.work.resolve("tmp"), inventory, attempt.rootfs(), trace)), trace, repoDir);
        }
        return result;
    }

    /** The folder of the tree the site's inventory is read from, written out for the run; null without an inventory. */
    private Path inventoryTree(Attempt attempt) {
        if (site.config().inventory() == null || site.config().inventory().path() == null) {
            return null;
        }
        if (site.inventoryRepo() != null) {
            return SourceDirs.of(site.trees().repos().get(site.inventoryRepo()), attempt.work.resolve("inventory"));
        }
        return SourceDirs.of(site.trees().main(), attempt.work.resolve("main"));
    }

    /** Records what the traced run read; a read no analysed input explains fails the node before anything is published. */
    private void audit(Attempt attempt, InputAudit audit, Path trace, Path repoDir) {
        AuditReport report;
        try {
            report = audit.check(ReadTrace.filesRead(trace, repoDir));
            Files.writeString(options.logDir().resolve(attempt.job.slug() + ".audit.txt"), report.text());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trace of the playbook run in " + trace, e);
        }
        attempt.log.line(OutputSink.Stream.INFO, "audit: " + report.summary());
        if (!report.unexplained().isEmpty()) {
            throw new BuildFailure("audit: Ansible read files of the site that are not among the analysed inputs of "
                    + attempt.job.node() + ": " + String.join(", ", report.unexplained()),
                    "a change to them would not rebuild this node; nothing was published. Report it with "
                    + options.logDir().resolve(attempt.job.slug() + ".audit.txt"));
        }
    }

    private void test(Attempt attempt, String imageId, ImageTest test) {
        String container = attempt.newContainer(ImageIds.bare(imageId), PullPolicy.NEVER);
        CommandResult result;
        if (test.playbook() != null) {
            result = runPlaybook(attempt, container, test.playbook(), options.settings().connection(), null);
        } else {
            List<String> argv = new ArrayList<>(List.of("chroot", attempt.rootfs().toString()));
            argv.addAll(test.command());
            result = attempt.run(buildah.mountedRun(container, attempt.rootfs(), true, argv));
        }
        attempt.removeContainer(container);
        if (!result.ok()) {
            throw new BuildFailure("the image test failed (exit " + result.exitCode() + "): " + result.errorSummary()
                    + "; nothing was published", "see the node's log");
        }
        attempt.log.line(OutputSink.Stream.INFO, "image test passed");
    }

    private Path exportSquashfs(Attempt attempt, String imageId) {
        Path dir = options.settings().squashfs().dir();
        Path partial;
        try {
            Files.createDirectories(dir);
            partial = dir.resolve("." + attempt.job.slug() + "-" + random() + ".partial");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        attempt.partialSquashfs = partial;
        String container = attempt.newContainer(ImageIds.bare(imageId), PullPolicy.NEVER);
        CommandResult result = attempt.run(buildah.mountedRun(container, attempt.rootfs(), false,
                options.settings().squashfs().command(attempt.rootfs(), partial)));
        attempt.removeContainer(container);
        if (!result.ok()) {
            throw new BuildFailure("mksquashfs failed (exit " + result.exitCode() + "): " + result.errorSummary(),
                    "check the free space of " + dir);
        }
        return partial;
    }

    private void moveIntoPlace(Attempt attempt, Path partial) {
        Path target = options.settings().squashfs().dir().resolve(attempt.job.slug() + "-" + attempt.job.tag() + ".squashfs");
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            attempt.partialSquashfs = null;
            attempt.log.line(OutputSink.Stream.INFO, "squashfs: " + target + " (" + Files.size(target) / (1024 * 1024) + " MiB)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the squashfs file to " + target, e);
        }
    }

    private Path inputsFile(NodeJob job) {
        return options.logDir().resolve(job.slug() + ".inputs.txt");
    }

    private void writeInputs(NodeJob job, InputDigest digest) {
        try {
            Files.createDirectories(options.logDir());
            Files.writeString(inputsFile(job), digest.value() + "\n" + digest.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first failed task's message in ansible-playbook's output, else its last error line. */
    private static String failedTask(CommandResult result) {
        String task = null;
        for (String line : result.stdout().split("\n")) {
            if (line.startsWith("TASK [")) {
                task = line.replaceAll("\\s*\\*+$", "");
            } else if ((line.startsWith("fatal:") || line.startsWith("failed:")) && task != null) {
                String message = line.length() > 300 ? line.substring(0, 300) + "..." : line;
                return task + " " + message;
            }
        }
        return result.errorSummary();
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    /** The command for the log, with the constant mount script shown by name. */
    private static String shortDisplay(Command command) {
        List<String> argv = new ArrayList<>(command.argv());
        int script = argv.indexOf(Buildah.MOUNTED_RUN);
        if (script >= 0) {
            argv.set(script, "<mounted-run.sh>");
        }
        return new Command(argv, Map.of(), null).display();
    }

    private static String random() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

}
