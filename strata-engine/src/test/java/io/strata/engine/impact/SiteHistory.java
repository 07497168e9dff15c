package io.strata.engine.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.cache.AnalysisStore;
import io.strata.engine.cache.CacheFolder;
import io.strata.engine.change.ChangeSet;
import io.strata.engine.change.GitChangeSets;
import io.strata.engine.graph.NodeId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** A git repository built by a test, one commit at a time, and the impact between two commits. */
public final class SiteHistory implements AutoCloseable {

    /** The analysis cache every analysis of a test run shares ({@link #sharedCache()}). */
    private static Path sharedCache;

    private final Path dir;
    private final Git git;

    public SiteHistory(Path dir) {
        this.dir = dir;
        try {
            this.git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    Path dir() {
        return dir;
    }

    public Git git() {
        return git;
    }

    public SiteHistory write(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text in a file; fails when the text is not there (a test that edits nothing is wrong). */
    SiteHistory edit(String path, String find, String replacement) {
        try {
            String text = Files.readString(dir.resolve(path));
            if (!text.contains(find)) {
                throw new IllegalArgumentException(path + " does not contain " + find);
            }
            return write(path, text.replace(find, replacement));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SiteHistory delete(String path) {
        try {
            Files.delete(dir.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SiteHistory move(String from, String to) {
        try {
            Path target = dir.resolve(to);
            Files.createDirectories(target.getParent());
            Files.move(dir.resolve(from), target);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            return git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                    .setSign(false).setAllowEmpty(true).call().name();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    ChangeSet change(String base, String head) {
        return GitChangeSets.between(dir, null, base, head, false);
    }

    ImpactResult impact(String base, String head) {
        return analyze(ImpactRequest.of("layers.yaml", change(base, head)));
    }

    /**
     * Analyses a request the default way (roles first) and with every reason, asserts that both
     * rebuild, start and reuse the same nodes and that the files the default way names are among
     * those of the whole analysis, that the result is the same, byte for byte, with the persistent
     * analysis cache (filled by the first such run, read by the second), and returns the default
     * result.
     */
    static ImpactResult analyze(ImpactRequest request) {
        ImpactResult quick = new ImpactAnalyzer().analyze(request);
        String expected = ImpactJson.write(quick);
        for (int run = 1; run <= 2; run++) {
            List<String> warnings = new ArrayList<>();
            AnalysisStore store = AnalysisStore.open(new CacheFolder(sharedCache(), CacheFolder.DEFAULT_MAX_BYTES), warnings::add);
            ImpactResult cached = new ImpactAnalyzer(false, store).analyze(request);
            store.flush();
            assertEquals(expected, ImpactJson.write(cached), "the result differs with the analysis cache, run " + run);
            assertEquals(List.of(), warnings);
        }
        ImpactResult every = ImpactAnalyzer.withEveryReason().analyze(request);
        assertEquals(starts(every), starts(quick), "the roles-first analysis rebuilds other nodes than the whole one");
        assertEquals(every.reuse(), quick.reuse());
        for (NodeImpact node : quick.rebuild()) {
            Set<String> all = every.rebuild().stream().filter(n -> n.node().equals(node.node())).findFirst().orElseThrow()
                    .reasons().stream().map(Reason::file).collect(Collectors.toSet());
            node.reasons().forEach(reason -> assertTrue(all.contains(reason.file()),
                    () -> node.node() + ": " + reason + " is not among the reasons of the whole analysis " + all));
        }
        return quick;
    }

    /** One cache folder for every analysis of the test run: sites share what their files have in common. */
    private static synchronized Path sharedCache() {
        if (sharedCache == null) {
            try {
                sharedCache = Files.createTempDirectory("strata-analysis-cache");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sharedCache;
    }


    private static Map<String, Boolean> starts(ImpactResult result) {
        return result.rebuild().stream()
                .collect(Collectors.toMap(n -> n.node().toString(), NodeImpact::start, (a, b) -> a, TreeMap::new));
    }

    @Override
    public void close() {
        git.close();
    }

    /** Asserts the exact rebuild set and, for each node, its start flag. */
    static void assertRebuild(ImpactResult result, Map<String, Boolean> expected) {
        Map<String, Boolean> actual = result.rebuild().stream()
                .collect(Collectors.toMap(n -> n.node().toString(), NodeImpact::start, (a, b) -> a, TreeMap::new));
        assertEquals(new TreeMap<>(expected), actual, () -> "rebuild (node=start) differs; reasons: " + result.rebuild());
    }

    /** Asserts nothing is rebuilt. */
    static void assertNothing(ImpactResult result) {
        assertEquals(Map.of(), result.rebuild().stream()
                .collect(Collectors.toMap(n -> n.node().toString(), NodeImpact::reasons)), "expected nothing to rebuild");
    }

    /** The reasons of a rebuilt node. */
    static java.util.List<Reason> reasons(ImpactResult result, String node) {
        return result.rebuild().stream().filter(n -> n.node().equals(NodeId.parse(node))).findFirst()
                .orElseThrow(() -> new AssertionError(node + " is not rebuilt: " + result.rebuild())).reasons();
    }
}
