package io.strata.engine.impact;

import io.strata.engine.ansible.AnalysisCache;
import io.strata.engine.cache.AnalysisStore;
import io.strata.engine.change.ChangeSet;
import io.strata.engine.config.ConfigException;
import io.strata.engine.config.Problem;
import io.strata.engine.config.SourceLocation;
import io.strata.engine.graph.LayerGraph;
import io.strata.engine.graph.NodeId;
import io.strata.engine.inventory.ParsedVarsFiles;
import io.strata.engine.parallel.Futures;
import io.strata.engine.site.SiteSnapshot;
import io.strata.engine.site.SiteTrees;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which nodes a change set rebuilds (docs/layers-format.md section 3): loads the site at both
 * revisions, finds the directly affected nodes with the reasons that chain a changed file to
 * each, and adds their descendants. By default a node that changed files of its roles already
 * rebuild carries those reasons only, and its task files, templates and variables are not
 * analysed; {@link #withEveryReason()} analyses every node completely.
 */
public final class ImpactAnalyzer {

    private final AnalysisCache cache;
    private final boolean everyReason;

    /** An analyzer that stops at the first files that make a node rebuild. */
    public ImpactAnalyzer() {
        this(false, AnalysisStore.none());
    }

    /**
     * An analyzer that keeps what it derives from each file in a persistent store.
     *
     * @param everyReason give each rebuilt node every reason there is (slower on large changes)
     */
    public ImpactAnalyzer(boolean everyReason, AnalysisStore store) {
        this.everyReason = everyReason;
        this.cache = new AnalysisCache(store);
    }

    /** An analyzer that gives each rebuilt node every reason there is (slower on large changes). */
    public static ImpactAnalyzer withEveryReason() {
        return new ImpactAnalyzer(true, AnalysisStore.none());
    }

    /**
     * Analyses a request.
     *
     * @throws ConfigException when the head revision's layers file or its files are invalid
     */
    public ImpactResult analyze(ImpactRequest request) {
        return analyzeSite(request).result();
    }

    /**
     * Analyses a request, keeping the site as loaded at the head revision, for callers that go on
     * with it (a picture of the graph, a build) rather than load it again.
     *
     * @throws ConfigException when the head revision's layers file or its files are invalid
     */
    public SiteImpact analyzeSite(ImpactRequest request) {
        ChangeSet change = request.change();
        SiteTrees headTrees = change == null ? request.current() : request.current().with(change, false);
        SiteTrees baseTrees = change == null ? request.current() : request.current().with(change, true);
        // The base revision loads on another thread meanwhile: most of both is reading inventory
        // files, each parsed once for both when it did not change.
        ParsedVarsFiles varsFiles = new ParsedVarsFiles();
        CompletableFuture<SiteSnapshot> baseLoad = change != null && !request.full()
                ? CompletableFuture.supplyAsync(() -> loadBase(request.configFile(), baseTrees, varsFiles))
                : null;
        SiteSnapshot head = SiteSnapshot.load(request.configFile(), headTrees, varsFiles);
        List<Problem> fatal = head.checkFiles().stream().filter(p -> !head.inventory().problems().contains(p)).toList();
        if (!fatal.isEmpty()) {
            throw new ConfigException(fatal);
        }
        LayerGraph graph = head.graph();
        for (NodeId id : request.startAt()) {
            if (!graph.contains(id)) {
                throw new ConfigException(new Problem(SourceLocation.of(request.configFile()), id.toString(),
                        "the node to start at, " + id + ", is not a node of the graph", "use layer/type as the graph lists them"));
            }
        }
        Set<String> types = new TreeSet<>();
        graph.topologicalOrder().forEach(id -> types.add(id.type()));
        for (String type : request.imageTypes()) {
            if (!types.contains(type)) {
                throw new ConfigException(new Problem(SourceLocation.of(request.configFile()), type,
                        "image type '" + type + "' is not an image type of the graph", "use one of " + String.join(", ", types)));
            }
        }
        Map<NodeId, List<Reason>> direct = new ConcurrentHashMap<>();
        Map<NodeId, String> unaffected = new ConcurrentHashMap<>();
        List<String> notes = new ArrayList<>();
        if (request.full()) {
            graph.topologicalOrder().forEach(id -> direct.put(id, List.of(new Reason("full", null, "full build requested"))));
        } else if (change != null) {
            SiteSnapshot base = Futures.join(baseLoad);
            if (base == null) {
                graph.topologicalOrder().forEach(id -> direct.put(id, List.of(new Reason("definition", request.configFile(),
                        request.configFile() + " could not be read at the base revision: every node is rebuilt"))));
            } else {
                if (!change.precise()) {
                    notes.add("only paths are known: a changed group_vars file counts as changing every variable it defines"
                            + " or defined (a removed one cannot be seen), for every node that sees its group; value-level"
                            + " precision needs the base and head revisions");
                }
                new ChangeAnalysis(base, head, change, cache, everyReason).run(direct, unaffected);
            }
        }
        for (NodeId id : request.startAt()) {
            direct.merge(id, List.of(new Reason("start-at", null, "build requested from " + id)), ImpactAnalyzer::concat);
        }
        return new SiteImpact(head, result(request, change, graph, direct, unaffected, notes));
    }

    private static SiteSnapshot loadBase(String configFile, SiteTrees trees, ParsedVarsFiles varsFiles) {
        try {
            return SiteSnapshot.load(configFile, trees, varsFiles);
        } catch (ConfigException e) {
            return null;
        }
    }

    private static List<Reason> concat(List<Reason> a, List<Reason> b) {
        List<Reason> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static ImpactResult result(ImpactRequest request, ChangeSet change, LayerGraph graph,
            Map<NodeId, List<Reason>> direct, Map<NodeId, String> unaffected, List<String> notes) {
        Set<NodeId> rebuilt = new LinkedHashSet<>();
        Set<NodeId> kept = keptByImageType(graph, request.imageTypes());
        List<NodeImpact> rebuild = new ArrayList<>();
        List<NodeId> reuse = new ArrayList<>();
        Map<NodeId, String> explanations = new TreeMap<>();
        for (NodeId id : graph.topologicalOrder()) {
            NodeId parent = graph.parent(id).orElse(null);
            boolean parentRebuilt = parent != null && rebuilt.contains(parent);
            List<Reason> reasons = direct.get(id);
            if (!kept.contains(id)) {
                reuse.add(id);
                explanations.put(id, "image type '" + id.type() + "' is not among the requested types " + request.imageTypes());
            } else if (reasons != null && !reasons.isEmpty()) {
                rebuilt.add(id);
                rebuild.add(new NodeImpact(id, parent, true, dedupe(reasons)));
            } else if (parentRebuilt) {
                rebuilt.add(id);
                rebuild.add(new NodeImpact(id, parent, false, List.of(Reason.parent(parent.toString()))));
            } else {
                reuse.add(id);
                explanations.put(id, unaffected.getOrDefault(id, change == null
                        ? "no change set was given" : "none of its inputs changed"));
            }
        }
        List<String> changed = change == null ? List.of() : List.copyOf(new TreeSet<>(change.paths()));
        return new ImpactResult(change == null ? null : change.baseRevision(), change == null ? null : change.headRevision(),
                changed, List.copyOf(rebuild), List.copyOf(reuse), List.copyOf(notes), explanations);
    }

    private static List<Reason> dedupe(List<Reason> reasons) {
        return List.copyOf(new LinkedHashSet<>(reasons));
    }

    /** Nodes of the requested image types and their ancestors; every node when none is requested. */
    private static Set<NodeId> keptByImageType(LayerGraph graph, Set<String> types) {
        if (types == null || types.isEmpty()) {
            return new TreeSet<>(graph.topologicalOrder());
        }
        Set<NodeId> kept = new TreeSet<>();
        for (NodeId id : graph.topologicalOrder()) {
            if (types.contains(id.type())) {
                kept.add(id);
                kept.addAll(graph.ancestors(id));
            }
        }
        return kept;
    }
}
