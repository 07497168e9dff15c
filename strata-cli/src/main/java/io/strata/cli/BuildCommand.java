package io.strata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.cli.terminal.PlainProgress;
import io.strata.cli.terminal.ResultTable;
import io.strata.cli.terminal.TerminalProgress;
import io.strata.engine.builder.BuildRequest;
import io.strata.engine.builder.BuildSession;
import io.strata.engine.builder.BuildSettings;
import io.strata.engine.builder.SourceInfo;
import io.strata.engine.builder.ansible.Connection;
import io.strata.engine.builder.preflight.PreflightResult;
import io.strata.engine.builder.process.Cancellation;
import io.strata.engine.builder.publish.SquashfsOptions;
import io.strata.engine.builder.runner.BuildProgress;
import io.strata.engine.builder.runner.BuildReport;
import io.strata.engine.builder.runner.BuildReportJson;
import io.strata.engine.builder.runner.NodeJob;
import io.strata.engine.config.LayersConfig;
import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.ImpactJson;
import io.strata.engine.plan.BuildPlan;
import io.strata.engine.plan.ImageNames;
import io.strata.engine.plan.PlannedNode;
import io.strata.engine.service.BuildService;
import io.strata.engine.service.ImageOptions;
import io.strata.engine.service.NodeBuildService;
import io.strata.engine.service.PlanService;
import io.strata.engine.service.ReportService;
import io.strata.engine.service.RunTags;
import io.strata.engine.service.SiteAnalysis;
import io.strata.engine.service.SiteValidation;
import io.strata.engine.site.SiteSnapshot;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strata build}: builds a plan's nodes on this machine with rootless buildah and Ansible,
 * or one node ({@code --node N --from IMAGE --tag T}, as CI jobs call it).
 */
@Command(name = BuildCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Build layer images on this machine (rootless buildah + Ansible) and publish them.",
            "Without a change option every node is built. With --node, only that node, FROM --from."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every node built or reused", "1:a node failed", "2:a usage or configuration error",
            "4:this machine cannot build (the preflight says why)", "130:interrupted by Ctrl-C (SIGINT), after cleaning up",
            "143:stopped by SIGTERM (a CI abort), after cleaning up"},
        footerHeading = "%nExamples:%n",
        footer = {"  strata build --config site/layers.yaml --preflight",
            "  strata build --config site/layers.yaml --base origin/main --head HEAD --registry registry.example.org:5000"})
final class BuildCommand implements Callable<Integer> {

    /** The subcommand's name. */
    static final String NAME = "build";

    /** Exit code when a node failed (a cancelled build exits 128 + the signal, as shells report it). */
    static final int EXIT_FAILED = 1;
    /** Exit code when the machine cannot build (preflight). */
    static final int EXIT_PREFLIGHT = 4;

    private static final long CLEANUP_WAIT_SECONDS = 120;

    @Mixin
    SiteOptions site;

    @Mixin
    ChangeOptions change;

    @Option(names = "--node", paramLabel = "NODE", description = "Build only this node (layer/type).")
    String node;

    @Option(names = "--from", paramLabel = "IMAGE", description = "With --node: the image to build FROM (scratch for a root).")
    String from;

    @Option(names = "--image", paramLabel = "IMAGE", description = "With --node: the image repository to publish to (default: from the site's naming).")
    String image;

    @Option(names = "--tag", description = "Tag of the built images (default: the site's head commit, else 'dev').")
    String tag;

    @Option(names = "--registry", paramLabel = "HOST[:PORT][/PATH]",
            description = "Publish to this registry (default: settings.registry; none: images stay in the local store).")
    String registry;

    @Option(names = "--published-tag", paramLabel = "TAG",
            description = "The mutable tag moved to each image once published (default: settings.published_tag, else latest).")
    String publishedTag;

    @Option(names = "--no-published-tag", description = "Move no mutable tag.")
    boolean noPublishedTag;

    @Option(names = "--reuse", description = "Skip nodes whose input digest is already published (a re-run rebuilds only what failed).")
    boolean reuse;

    @Option(names = "--audit-inputs", description = {"Trace every file Ansible opens while it runs a node's playbook (strace) and",
            "fail the node, before publishing, when it read a file of the site that is not among its analysed inputs;",
            "<work-dir>/logs/<node>.audit.txt lists what was read."})
    boolean auditInputs;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Nodes built at once (default: settings.build.jobs, else 2).")
    Integer jobs;

    @Option(names = "--connection", paramLabel = "chroot|buildah", description = "Ansible connection (default: settings.build.connection, else chroot).")
    String connection;

    @Option(names = "--storage-driver", paramLabel = "auto|overlay|vfs", description = "Storage driver (default: settings.build.storage_driver, else auto).")
    String storageDriver;

    @Option(names = "--squashfs", paramLabel = "DIR", description = "Also export each built image as DIR/<layer>-<type>-<tag>.squashfs.")
    Path squashfsDir;

    @Option(names = "--squashfs-compression", paramLabel = "COMP[:LEVEL]", description = "squashfs compression (default: zstd:3).")
    String squashfsCompression;

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]", description = "Reach this registry without TLS verification (repeatable).")
    List<String> insecureRegistries = new ArrayList<>();

    @Option(names = "--authfile", paramLabel = "FILE",
            description = "Registry auth file (default: a 0600 file from STRATA_REGISTRY_USER/STRATA_REGISTRY_PASSWORD, else REGISTRY_AUTH_FILE).")
    Path authFile;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Logs (DIR/logs), result.json and scratch folders (DIR/tmp) (default: a folder of this site under"
                    + " $XDG_CACHE_HOME/strata/build, else ~/.cache/strata/build: outside the checkout).")
    Path workDir;

    @Option(names = "--progress", paramLabel = "auto|tty|plain", defaultValue = "auto",
            description = "Live display on a terminal, plain lines otherwise (default: ${DEFAULT-VALUE}).")
    String progressMode;

    @Option(names = "--allow-root", description = "Allow running as root (throw-away machines only).")
    boolean allowRoot;

    @Option(names = "--preflight", description = "Only check that this machine can build, and explain what is missing.")
    boolean preflightOnly;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LayersConfig config = site.readConfig();
        BuildSettings settings = settings(config);
        String mutable = noPublishedTag ? null : publishedTag != null ? publishedTag : config.settings().publishedTag();
        ImageOptions images = new ImageOptions(registry, null, tag, mutable != null ? mutable : "latest");
        String targetRegistry = images.targetRegistry(config);
        ImageNames names = images.targetNames(config);
        SourceInfo source = RunTags.source(site.siteDir());
        SiteAnalysis analysis = node != null ? null : analysis(images);
        // The site as checked out is built; a plan of the checkout's files loaded it already.
        SiteSnapshot snapshot;
        if (analysis != null && analysis.headRevision() == null) {
            snapshot = analysis.head();
            SiteValidation.require(snapshot, site.siteDir());
        } else {
            snapshot = SiteValidation.validated(site.checkout());
        }
        BuildPlan buildPlan = analysis == null ? null : PlanService.plan(analysis, images);
        List<NodeJob> plan = buildPlan == null ? singleNode(snapshot, names, source) : jobs(buildPlan);
        checkTag(plan);
        BuildRequest request = new BuildRequest(snapshot, plan, settings, targetRegistry, mutable, reuse,
                jobs != null ? jobs : settings.jobs(), workDir(), authFile, allowRoot, source, auditInputs);
        PrintWriter out = spec.commandLine().getOut();
        Cancellation cancellation = new Cancellation();
        if (preflightOnly) {
            PreflightResult result = BuildService.preflight(request, System.getenv());
            out.print(result.format());
            out.flush();
            return result.ok() ? 0 : EXIT_PREFLIGHT;
        }
        if (plan.isEmpty()) {
            out.println("Nothing to build: every node is reused.");
            out.flush();
            return 0;
        }
        try (InterruptCleanup cleanup = new InterruptCleanup(cancellation, CLEANUP_WAIT_SECONDS, "strata-build-stop")) {
            BuildSession.Outcome outcome = BuildService.run(request, System.getenv(), cancellation, progress());
            if (outcome.report() == null) {
                spec.commandLine().getErr().print("This machine cannot build yet:\n" + outcome.preflight().format());
                spec.commandLine().getErr().flush();
                return EXIT_PREFLIGHT;
            }
            BuildReport report = outcome.report();
            out.println();
            out.print(ResultTable.render(report));
            out.println("Logs: " + request.logDir());
            Map<String, Object> result = BuildReportJson.toMap(report);
            WholeFiles.write(request.workDir().resolve("result.json"), ImpactJson.json(result));
            if (buildPlan != null) {
                Path page = request.workDir().resolve("report.html");
                WholeFiles.write(page, ReportService.html(site.siteName(), analysis, buildPlan, new ObjectMapper().valueToTree(result)));
                out.println("Report: " + page);
            }
            out.flush();
            return report.succeeded() ? 0 : EXIT_FAILED;
        }
    }

    /**
     * The work folder: {@code --work-dir}, else one per site in the user's cache, named by the
     * site folder and a hash of its path, so that a build never leaves files in the checkout.
     */
    private Path workDir() {
        if (workDir != null) {
            return workDir.toAbsolutePath().normalize();
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        Path siteDir = site.siteDir();
        String hash = Integer.toHexString(siteDir.toString().hashCode());
        return base.resolve("strata").resolve("build").resolve(siteDir.getFileName() + "-" + hash).toAbsolutePath().normalize();
    }

    private BuildSettings settings(LayersConfig config) {
        BuildSettings base = BuildSettings.of(config, site.siteDir());
        Set<String> insecure = new TreeSet<>(base.insecureRegistries());
        insecure.addAll(insecureRegistries);
        SquashfsOptions squashfs = base.squashfs();
        if (squashfsDir != null || squashfsCompression != null) {
            Path dir = squashfsDir != null ? squashfsDir.toAbsolutePath().normalize()
                    : squashfs != null ? squashfs.dir() : Path.of("squashfs").toAbsolutePath();
            String compression = squashfsCompression != null ? squashfsCompression
                    : squashfs != null ? squashfs.compression() + (squashfs.level() > 0 ? ":" + squashfs.level() : "") : "zstd:3";
            squashfs = SquashfsOptions.parse(dir, compression);
        }
        String driver = storageDriver != null ? storageDriver : base.storageDriver();
        if (!Set.of("auto", "overlay", "vfs").contains(driver)) {
            throw new UserError("--storage-driver " + driver + ": use auto, overlay or vfs");
        }
        return new BuildSettings(driver, base.isolation(), connection != null ? Connection.parse(connection) : base.connection(),
                base.connectionAttempts(), base.pythonInterpreter(), insecure, base.pushAttempts(), base.jobs(), squashfs, base.test(),
                base.changes(), base.changesIgnored());
    }

    private List<NodeJob> singleNode(SiteSnapshot snapshot, ImageNames names, SourceInfo source) {
        if (change.given()) {
            throw new UserError("--node builds one node; it takes no change options (--base, --changed-files, --start-at, --full)");
        }
        return List.of(NodeBuildService.job(snapshot, site.configFile(), NodeId.parse(node), from, image, names,
                tag != null ? tag : RunTags.defaultTag(null, () -> source)));
    }

    /** The change the options describe analysed (every node when they describe none). */
    private SiteAnalysis analysis(ImageOptions images) {
        if (from != null || image != null) {
            throw new UserError("--from and --image go with --node");
        }
        return PlanService.analyze(change.requestOrEverything(site, images), false);
    }

    private static List<NodeJob> jobs(BuildPlan plan) {
        List<NodeJob> jobsList = new ArrayList<>();
        for (PlannedNode planned : plan.build()) {
            jobsList.add(new NodeJob(planned.node(), planned.parent(), planned.image(), planned.tag(), planned.from()));
        }
        return jobsList;
    }

    private static void checkTag(List<NodeJob> plan) {
        Set<String> tags = new LinkedHashSet<>();
        plan.forEach(job -> tags.add(job.tag()));
        tags.forEach(t -> ImageNames.checkTag("--tag", t));
    }

    private BuildProgress progress() {
        PrintStream out = System.out;
        boolean tty = switch (progressMode) {
            case "tty" -> true;
            case "plain" -> false;
            case "auto" -> System.console() != null && System.getenv("CI") == null;
            default -> throw new UserError("--progress " + progressMode + ": use auto, tty or plain");
        };
        if (tty) {
            int width = 100;
            String columns = System.getenv("COLUMNS");
            if (columns != null && columns.matches("\\d+")) {
                width = Integer.parseInt(columns);
            }
            return new TerminalProgress(out, width);
        }
        return new PlainProgress(out, false);
    }
}
