package io.strata.cli;

import io.strata.engine.change.ChangeSet;
import io.strata.engine.change.ChangedFile;
import io.strata.engine.change.GitChangeSets;
import io.strata.engine.config.LayersConfig;
import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.ImpactRequest;
import io.strata.engine.parallel.Futures;
import io.strata.engine.site.SiteTrees;
import io.strata.engine.source.RepoPaths;
import io.strata.engine.source.SourceTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Option;

/** What changed: two revisions, a list of paths, or nodes to start from. */
final class ChangeOptions {

    @Option(names = "--base", paramLabel = "REV", description = "The base revision of the change.")
    String base;

    @Option(names = "--head", paramLabel = "REV", description = "The head revision (default: HEAD).")
    String head;

    @Option(names = "--merge-base", description = "Diff from the merge base of base and head (like git diff BASE...HEAD), for merge requests.")
    boolean mergeBase;

    @Option(names = "--changed-files", paramLabel = "FILE|-",
            description = "A file listing changed paths, one a line ('-': standard input); values cannot be compared without revisions.")
    String changedFiles;

    @Option(names = "--changed-repo", paramLabel = "NAME", description = "The repository the change is in (multi-repository sites).")
    String changedRepo;

    @Option(names = "--start-at", paramLabel = "NODE", description = "Rebuild this node and its descendants regardless of changes (repeatable).")
    List<String> startAt = new ArrayList<>();

    @Option(names = "--image-types", paramLabel = "TYPE", split = ",", description = "Only these image types (comma-separated).")
    List<String> imageTypes = new ArrayList<>();

    @Option(names = "--full", description = "Rebuild every node.")
    boolean full;

    /** Whether any change, start node or full build was asked for. */
    boolean given() {
        return base != null || changedFiles != null || !startAt.isEmpty() || full;
    }

    /** The request these options describe. */
    ImpactRequest request(SiteOptions site) {
        if (base != null && changedFiles != null) {
            throw new UserError("give either --base/--head or --changed-files, not both");
        }
        if (base == null && changedFiles == null && startAt.isEmpty() && !full) {
            throw new UserError("say what changed: --base REV [--head REV] [--merge-base], --changed-files FILE, --start-at NODE or --full");
        }
        if (head != null && base == null) {
            throw new UserError("--head needs --base");
        }
        // The site repository's diff does not depend on the layers file: read both at once.
        CompletableFuture<ChangeSet> siteDiff = base != null && changedRepo == null
                ? CompletableFuture.supplyAsync(() -> GitChangeSets.between(site.siteDir(), null, base, head, mergeBase))
                : null;
        LayersConfig config = site.readConfig();
        SiteTrees current = site.currentTrees(config);
        if (changedRepo != null && !current.repos().containsKey(changedRepo)) {
            throw new UserError("--changed-repo " + changedRepo + ": no checkout for it; map it with --repo-dir "
                    + changedRepo + "=PATH or under settings.repos");
        }
        ChangeSet change = null;
        if (siteDiff != null) {
            change = Futures.join(siteDiff);
        } else if (base != null) {
            change = GitChangeSets.between(site.repoPaths(config).get(changedRepo), changedRepo, base, head, mergeBase);
        } else if (changedFiles != null) {
            SourceTree tree = changedRepo == null ? current.main() : current.repos().get(changedRepo);
            change = pathsOnly(tree);
        }
        Set<NodeId> start = new LinkedHashSet<>();
        startAt.forEach(text -> start.add(NodeId.parse(text)));
        return new ImpactRequest(site.configFile(), current, change, start, new TreeSet<>(imageTypes), full);
    }

    private ChangeSet pathsOnly(SourceTree tree) {
        List<ChangedFile> files = new ArrayList<>();
        for (String line : readList()) {
            String path = RepoPaths.normalize("", line.strip())
                    .orElseThrow(() -> new UserError("--changed-files: '" + line.strip() + "' is not a path inside the repository"));
            files.add(tree.isFile(path) ? ChangedFile.modified(path) : new ChangedFile(ChangedFile.Kind.DELETED, path, null));
        }
        return new ChangeSet(changedRepo, null, null, List.copyOf(files), tree, tree, false);
    }

    private List<String> readList() {
        try {
            String text;
            if (changedFiles.equals("-")) {
                InputStream in = System.in;
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } else {
                Path file = Path.of(changedFiles);
                if (!Files.isRegularFile(file)) {
                    throw new UserError("--changed-files " + changedFiles + ": no such file");
                }
                text = Files.readString(file);
            }
            return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
