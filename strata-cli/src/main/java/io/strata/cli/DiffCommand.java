package io.strata.cli;

import io.strata.engine.builder.BuildSettings;
import io.strata.engine.builder.buildah.BuildahOptions;
import io.strata.engine.builder.compare.ImageReadException;
import io.strata.engine.builder.process.Cancellation;
import io.strata.engine.builder.process.CancelledException;
import io.strata.engine.contents.ChangesJson;
import io.strata.engine.contents.FileChanges;
import io.strata.engine.contents.IgnoredPaths;
import io.strata.engine.contents.ImageChanges;
import io.strata.engine.contents.PackageChanges;
import io.strata.engine.impact.ImpactJson;
import io.strata.engine.service.DiffService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strata diff}: what differs between two images, packages and files, as a build reports a rebuild's changes. */
@Command(name = DiffCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Compare two images the way strata build compares a rebuilt node with the image it replaces: packages"
            + " added, removed, upgraded and downgraded (from each image's dpkg or rpm database), files added, removed and changed"
            + " (content, mode, owner, type, link target) with sizes, and the bytes of each.",
            "An image is read from your buildah store, or pulled from its registry when the store does not have it (and"
            + " removed again after). Working containers are always removed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared", "1:with --exit-code: the images differ",
            "2:a usage error, an image that is neither in the store nor pullable, a layers file that is wrong",
            "130:interrupted (what was made is removed first)"},
        footerHeading = "%nExamples:%n",
        footer = {"  strata diff registry.example.org/ca/slurm-compute:latest registry.example.org/ca/slurm-compute:mr-42",
            "  strata diff --format json --config site/layers.yaml localhost/ca/compute-compute:v1 localhost/ca/compute-compute:v2"})
final class DiffCommand implements Callable<Integer> {

    /** The subcommand's name. */
    static final String NAME = "diff";

    private static final int CLEANUP_WAIT_SECONDS = 60;

    @Parameters(index = "0", paramLabel = "BEFORE", description = "The image compared from (a reference or an image ID).")
    String before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "The image compared to.")
    String after;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "A site's layers.yaml whose build settings apply: storage_driver, insecure_registries, changes_ignore.")
    Path config;

    @Option(names = "--ignore", paramLabel = "PATH",
            description = "Leave this path out of the file changes (below the root; a folder ends in /; repeatable), beside the defaults of docs/build.md.")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--storage-driver", paramLabel = "overlay|vfs", description = "The store's driver (default: settings.build.storage_driver, else the store's own).")
    String storageDriver;

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]", description = "Reach this registry without TLS verification (repeatable).")
    List<String> insecureRegistries = new ArrayList<>();

    @Option(names = "--authfile", paramLabel = "FILE", description = "Registry credentials (containers-auth.json) for a pull (default: STRATA_REGISTRY_USER and"
                    + " STRATA_REGISTRY_PASSWORD, else REGISTRY_AUTH_FILE, as strata build).")
    Path authFile;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--exit-code", description = "Exit 1 when the images differ, 0 when they do not.")
    boolean exitCode;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BuildSettings settings = null;
        if (config != null) {
            SiteOptions site = new SiteOptions();
            site.config = config;
            settings = BuildSettings.of(site.readConfig(), site.siteDir());
        }
        List<String> patterns = new ArrayList<>((settings == null ? IgnoredPaths.DEFAULTS : settings.changesIgnored()).patterns());
        patterns.addAll(ignore);
        Set<String> insecure = new TreeSet<>(insecureRegistries);
        String driver = storageDriver;
        if (settings != null) {
            insecure.addAll(settings.insecureRegistries());
            driver = driver != null ? driver : settings.storageDriver();
        }
        BuildahOptions buildah = new BuildahOptions(driver == null || BuildSettings.AUTO.equals(driver) ? null : driver,
                BuildahOptions.DEFAULT_ISOLATION, insecure, null);
        Cancellation cancellation = new Cancellation();
        ImageChanges changes;
        try (InterruptCleanup cleanup = new InterruptCleanup(cancellation, CLEANUP_WAIT_SECONDS, "strata-diff-stop")) {
            changes = DiffService.diff(before, after, buildah, authFile == null ? null : authFile.toAbsolutePath(), System.getenv(),
                    new IgnoredPaths(patterns), cancellation);
        } catch (ImageReadException e) {
            throw new UserError(e.getMessage());
        } catch (CancelledException e) {
            return 130;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == OutputFormat.json ? ImpactJson.json(json(changes)) : text(changes));
        out.flush();
        boolean differ = changes.files().count() > 0 || changes.packages() != null && !changes.packages().isEmpty();
        return exitCode && differ ? 1 : 0;
    }

    private Map<String, Object> json(ImageChanges changes) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("before", before);
        map.put("after", after);
        map.put("changes", changes.summary());
        map.put("packages", changes.packages() == null ? null : ChangesJson.packages(changes.packages()));
        map.put("files", ChangesJson.files(changes.files()));
        return map;
    }

    /** The changes for people: a summary line, then one line per package and per file. */
    static String text(ImageChanges changes) {
        StringBuilder out = new StringBuilder();
        PackageChanges packages = changes.packages();
        if (packages == null) {
            out.append("Packages: not compared (the second image has no package database this host can read)\n");
        } else {
            out.append("Packages: ").append(packages.summary()).append('\n');
            packageLines(out, "added", packages.added());
            packageLines(out, "removed", packages.removed());
            packageLines(out, "upgraded", packages.upgraded());
            packageLines(out, "downgraded", packages.downgraded());
        }
        FileChanges files = changes.files();
        out.append("Files: ").append(files.count()).append(files.count() == 1 ? " change" : " changes").append(", ")
                .append(size(files.bytesBefore())).append(" -> ").append(size(files.bytesAfter())).append(" in regular files\n");
        fileLines(out, "added", files.added());
        fileLines(out, "removed", files.removed());
        fileLines(out, "changed", files.changed());
        return out.toString();
    }

    private static void packageLines(StringBuilder out, String kind, List<PackageChanges.Change> changes) {
        for (PackageChanges.Change c : changes) {
            out.append(String.format(Locale.ROOT, "  %-10s %s:%s %s -> %s%n", kind, c.name(), c.architecture(),
                    c.before() == null ? "-" : c.before(), c.after() == null ? "-" : c.after()));
        }
    }

    private static void fileLines(StringBuilder out, String kind, List<FileChanges.Change> changes) {
        for (FileChanges.Change c : changes) {
            out.append(String.format(Locale.ROOT, "  %-10s %s", kind, c.path()));
            if (!c.what().isEmpty()) {
                out.append(" [").append(String.join(", ", c.what())).append(']');
            }
            out.append(String.format(Locale.ROOT, " %s -> %s%n", c.sizeBefore() < 0 ? "-" : c.sizeBefore(),
                    c.sizeAfter() < 0 ? "-" : c.sizeAfter()));
        }
    }

    private static String size(long bytes) {
        return bytes < 1024 * 1024 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
