package io.strata.engine.impact;

import io.strata.engine.ansible.AnalysisCache;
import io.strata.engine.ansible.AnalysisDepth;
import io.strata.engine.ansible.AnalysisTarget;
import io.strata.engine.ansible.Closure;
import io.strata.engine.ansible.PlaybookAnalyzer;
import io.strata.engine.graph.LayerNode;
import io.strata.engine.parallel.Memo;
import io.strata.engine.site.SiteSnapshot;
import io.strata.engine.source.SourceTree;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The closures of nodes' playbooks at one revision, computed once per (repository, playbook,
 * visible groups, depth) and shared by every node with the same inputs.
 */
final class NodeClosures {

    private record Key(String repo, String playbook, Set<String> groups, AnalysisDepth depth) {
        // A hash key of the analysis: the generated equals and hashCode run through method handles,
        // slow in a short run (docs/benchmarks.md).
        @Override
        public boolean equals(Object object) {
            return object instanceof Key other && Objects.equals(repo, other.repo) && playbook.equals(other.playbook)
                    && groups.equals(other.groups) && depth == other.depth;
        }

        @Override
        public int hashCode() {
            return Objects.hash(repo, playbook, groups, depth);
        }
    }

    private final SiteSnapshot site;
    private final AnalysisCache cache;
    private final Memo<String, PlaybookAnalyzer> analyzers = new Memo<>();
    private final Memo<Key, Closure> closures = new Memo<>();

    NodeClosures(SiteSnapshot site, AnalysisCache cache) {
        this.site = site;
        this.cache = cache;
    }

    /** The closure of a node's playbook at this revision; empty when the node or playbook is absent. */
    Optional<Closure> of(LayerNode node) {
        return of(node, AnalysisDepth.FULL);
    }

    /**
     * The closure of a node's playbook at this revision, followed to a depth; empty when the
     * node or playbook is absent.
     */
    Optional<Closure> of(LayerNode node, AnalysisDepth depth) {
        if (!site.graph().contains(node.id())) {
            return Optional.empty();
        }
        LayerNode here = site.graph().node(node.id());
        if (here.playbook() == null || !site.trees().has(here.repo())) {
            return Optional.empty();
        }
        Set<String> visible = site.inventory().visibleGroups(here.groups());
        Key key = new Key(here.repo() == null ? "" : here.repo(), here.playbook(), visible, depth);
        return Optional.of(closures.get(key, k -> analyzer(here).analyze(here.playbook(),
                new AnalysisTarget(visible, site.inventory()), depth)));
    }

    /** The pinned versions of external roles and collections of a node's repository. */
    Map<String, String> requirements(LayerNode node) {
        if (!site.trees().has(node.repo())) {
            return Map.of();
        }
        return analyzer(node).requirements();
    }

    private PlaybookAnalyzer analyzer(LayerNode node) {
        return analyzers.get(node.repo() == null ? "" : node.repo(), r -> new PlaybookAnalyzer(tree(node), cache));
    }

    private SourceTree tree(LayerNode node) {
        return site.trees().repo(node.repo(), node.layer().location());
    }
}
