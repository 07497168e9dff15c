package io.strata.engine.builder;

import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.BuildahOptions;
import io.strata.engine.builder.buildah.ImageReference;
import io.strata.engine.builder.credentials.AuthFile;
import io.strata.engine.builder.leftovers.Leftovers;
import io.strata.engine.builder.leftovers.RunLedger;
import io.strata.engine.builder.leftovers.WorkFolderLock;
import io.strata.engine.builder.packages.PackageList;
import io.strata.engine.builder.packages.PackageListParser;
import io.strata.engine.builder.preflight.Preflight;
import io.strata.engine.builder.preflight.PreflightNeeds;
import io.strata.engine.builder.preflight.PreflightResult;
import io.strata.engine.builder.process.Cancellation;
import io.strata.engine.builder.process.ProcessCommandRunner;
import io.strata.engine.builder.process.SecretMask;
import io.strata.engine.builder.process.ToolPath;
import io.strata.engine.builder.publish.LocalPublisher;
import io.strata.engine.builder.publish.Publisher;
import io.strata.engine.builder.publish.RegistryPublisher;
import io.strata.engine.builder.publish.RetrySchedule;
import io.strata.engine.builder.runner.BuildProgress;
import io.strata.engine.builder.runner.BuildReport;
import io.strata.engine.builder.runner.BuildRunner;
import io.strata.engine.builder.runner.NodeJob;
import io.strata.engine.config.ConfigException;
import io.strata.engine.config.Problem;
import io.strata.engine.graph.LayerNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One build run on this machine: checks the package lists and the machine (preflight), cleans up
 * after earlier runs of the work folder that were killed ({@link Leftovers}) once it holds the
 * folder ({@link WorkFolderLock}: one run at a time per folder), keeps a ledger of
 * what it holds ({@link RunLedger}), sets up the registry credentials (a temporary 0600 auth file
 * in a private runtime folder, deleted at the end), and runs the nodes with a {@link BuildRunner}
 * and a {@link LayerBuilder}.
 */
public final class BuildSession {

    private final Map<String, String> env;
    private final Cancellation cancellation;
    private final SecretMask mask = new SecretMask();

    /**
     * A session.
     *
     * @param env the environment (registry credentials are read from it)
     * @param cancellation the run's stop signal
     */
    public BuildSession(Map<String, String> env, Cancellation cancellation) {
        this.env = Map.copyOf(env);
        this.cancellation = cancellation;
    }

    /** The secrets this session hides in logs and messages. */
    public SecretMask mask() {
        return mask;
    }

    /**
     * The outcome of a session.
     *
     * @param preflight the preflight's findings
     * @param report the run's report, or null when the preflight failed
     * @param credentials where the registry credentials came from (for messages)
     */
    public record Outcome(PreflightResult preflight, BuildReport report, String credentials) {
    }

    /**
     * Checks the machine only.
     *
     * @throws ConfigException when a package list is invalid
     */
    public PreflightResult preflight(BuildRequest request) {
        return new Preflight(new ProcessCommandRunner(cancellation), buildahOptions(request, null, null))
                .run(needs(request, packageLists(request)));
    }

    /**
     * Runs the build.
     *
     * @param request what to build
     * @param progress what follows the run
     * @throws ConfigException when a package list is invalid (before anything runs)
     */
    public Outcome run(BuildRequest request, BuildProgress progress) {
        Map<String, PackageList> lists = packageLists(request);
        PreflightResult preflight = new Preflight(new ProcessCommandRunner(cancellation), buildahOptions(request, null, null))
                .run(needs(request, lists));
        if (!preflight.ok()) {
            return new Outcome(preflight, null, "");
        }
        createPrivate(request.workDir());
        Optional<WorkFolderLock> held = WorkFolderLock.acquire(request.workDir(), cancellation, progress::note);
        if (held.isEmpty()) {
            return new Outcome(preflight, BuildReport.notStarted(request.jobs()), "");
        }
        try (WorkFolderLock lock = held.get()) {
            createPrivate(request.scratchDir());
            Leftovers.cleanUp(request.workDir(), new Buildah(buildahOptions(request, preflight.storageDriver(), null)),
                    new ProcessCommandRunner(null)).forEach(progress::note);
            try (RunLedger ledger = RunLedger.open(request.workDir())) {
                return run(request, progress, preflight, ledger);
            }
        }
    }

    private Outcome run(BuildRequest request, BuildProgress progress, PreflightResult preflight, RunLedger ledger) {
        ProcessCommandRunner runner = new ProcessCommandRunner(cancellation, ToolPath.ofProcess(), ledger);
        Path secrets = AuthFile.privateDir(env, request.scratchDir());
        try (AuthFile auth = AuthFile.resolve(request.authFile(), env, registries(request), secrets, mask, ledger)) {
            BuildahOptions options = buildahOptions(request, preflight.storageDriver(), auth.path());
            // Root gets here only with --allow-root (the preflight refuses it otherwise).
            Buildah buildah = Preflight.currentUid() == 0 ? new Buildah(options).asRoot() : new Buildah(options);
            Publisher registry = new RegistryPublisher(buildah, runner,
                    new RetrySchedule(request.settings().pushAttempts(), RetrySchedule.DEFAULT.delay()), request.scratchDir(),
                    duration -> Thread.sleep(duration.toMillis()));
            Publisher publisher = request.registry() == null ? new LocalPublisher(buildah, runner) : registry;
            BuildOptions buildOptions = new BuildOptions(request.settings(), request.mutableTag(), request.reuse(),
                    request.scratchDir(), request.logDir(), request.source(), request.auditInputs());
            LayerBuilder builder = new LayerBuilder(request.site(), buildOptions, buildah, publisher, registry, runner,
                    preflight.tools(), ledger);
            BuildRunner buildRunner = new BuildRunner(builder, request.parallel(), request.logDir(), progress, cancellation, mask);
            return new Outcome(preflight, buildRunner.run(request.jobs()), auth.source());
        }
    }

    /** The registries a build reads or writes: where it publishes, where its parents come from. */
    static Set<String> registries(BuildRequest request) {
        Set<String> registries = new TreeSet<>();
        if (request.registry() != null) {
            registries.add(ImageReference.registryOf(request.registry() + "/image"));
        }
        for (NodeJob job : request.jobs()) {
            if (job.from() != null && !job.from().equals(Buildah.SCRATCH) && !ImageReference.isLocal(job.from())) {
                registries.add(ImageReference.registryOf(job.from()));
            }
        }
        return registries;
    }

    private static BuildahOptions buildahOptions(BuildRequest request, String driver, Path authFile) {
        Set<String> insecure = new TreeSet<>(request.settings().insecureRegistries());
        return new BuildahOptions(driver, request.settings().isolation(), insecure, authFile);
    }

    private static PreflightNeeds needs(BuildRequest request, Map<String, PackageList> lists) {
        boolean playbooks = request.jobs().stream().anyMatch(job -> request.site().graph().node(job.node()).playbook() != null)
                || request.settings().test() != null && request.settings().test().playbook() != null;
        Set<String> managers = new TreeSet<>();
        lists.values().forEach(list -> managers.add(list.manager()));
        boolean remoteParents = request.jobs().stream().anyMatch(job -> job.from() != null && !job.from().equals(Buildah.SCRATCH)
                && !ImageReference.isLocal(job.from()));
        return new PreflightNeeds(request.allowRoot(), request.settings().storageDriver(),
                playbooks ? request.settings().connection() : null, managers, request.settings().squashfs() != null,
                request.registry() != null || remoteParents, request.auditInputs() && playbooks);
    }

    /** The package lists of the roots built, parsed and checked (every problem at once). */
    private static Map<String, PackageList> packageLists(BuildRequest request) {
        Map<String, PackageList> lists = new java.util.LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (NodeJob job : request.jobs()) {
            LayerNode node = request.site().graph().node(job.node());
            String file = request.site().packagesFile(job.node());
            if (!node.isRoot() || file == null || lists.containsKey(file)) {
                continue;
            }
            try {
                lists.put(file, PackageListParser.parse(file, request.site().trees().main().read(file).orElse(new byte[0])));
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return lists;
    }

    private static void createPrivate(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
