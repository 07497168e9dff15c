package io.strata.cli;

import io.strata.engine.graph.NodeId;
import io.strata.engine.service.ChangeSpec;
import io.strata.engine.service.ImageOptions;
import io.strata.engine.service.PlanRequest;
import io.strata.engine.source.RepoPaths;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What changed: two revisions, a list of paths, or nodes to start from; and the analysis cache that reads it. */
final class ChangeOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Mixin
    CacheOptions cache;

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

    /** As {@link #request}, with every node rebuilt when the options describe no change (a build's default). */
    PlanRequest requestOrEverything(SiteOptions site, ImageOptions images) {
        return given() ? request(site, images) : new PlanRequest(site.checkout(), new ChangeSpec.Everything(), Set.of(),
                new TreeSet<>(imageTypes), images, cache.store(command.commandLine().getErr()));
    }

    /**
     * The planning request these options describe, for the service that plans.
     *
     * @param images how built images are named and tagged
     */
    PlanRequest request(SiteOptions site, ImageOptions images) {
        if (base != null && changedFiles != null) {
            throw new UserError("give either --base/--head or --changed-files, not both");
        }
        if (base == null && changedFiles == null && startAt.isEmpty() && !full) {
            throw new UserError("say what changed: --base REV [--head REV] [--merge-base], --changed-files FILE, --start-at NODE or --full");
        }
        if (head != null && base == null) {
            throw new UserError("--head needs --base");
        }
        ChangeSpec change;
        if (full) {
            change = new ChangeSpec.Everything();
        } else if (base != null) {
            change = new ChangeSpec.Revisions(changedRepo, base, head, mergeBase);
        } else if (changedFiles != null) {
            change = new ChangeSpec.Paths(changedRepo, readList());
        } else {
            change = new ChangeSpec.Nothing();
        }
        Set<NodeId> start = new LinkedHashSet<>();
        startAt.forEach(text -> start.add(NodeId.parse(text)));
        return new PlanRequest(site.checkout(), change, start, new TreeSet<>(imageTypes), images,
                cache.store(command.commandLine().getErr()));
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
            List<String> lines = text.lines().toList();
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (RepoPaths.normalize("", line).isEmpty()) {
                    throw new UserError("--changed-files " + (changedFiles.equals("-") ? "(standard input)" : changedFiles) + ":" + (i + 1)
                            + ": '" + line + "' is not a path inside the repository; give paths relative to the repository's root,"
                            + " as git diff --name-only prints them");
                }
                paths.add(line);
            }
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
