package io.strata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vars/strataLayers.groovy} and the root {@code Jenkinsfile}, run on Groovy 2.4 (the line
 * Jenkins runs Pipelines on) with test doubles of the Pipeline steps, on plans the real
 * {@code strata plan} wrote for the example site and for a wider DAG.
 */
class StrataLayersTest {

    private static final Path LIBRARY = Path.of(System.getProperty("strata.library"));
    private static final Path JENKINSFILE = Path.of(System.getProperty("strata.jenkinsfile"));

    @TempDir
    Path dir;

    @Test
    void eachNodeStartsWhenItsOwnParentIsBuiltSoTheRunTakesTheCriticalPath() throws Throwable {
        String plan = fullPlan(SitePlans.WIDE);
        LibraryRun run = new LibraryRun(LIBRARY, plan)
                .takes("hsn/base", 10).takes("compute/compute", 50).takes("gpu/gpu", 5).takes("uan/uan", 20)
                .takes("login/login", 7).takes("slurm/gpu", 3).takes("storage/base", 4).takes("io/io", 30)
                .runLibrary(Map.of("config", "layers.yaml"));

        assertEquals("SUCCESS", run.buildResult(), run.log().toString());
        assertEquals(List.of(), run.violations());
        assertEquals(10, run.builds().get("rocky/base").end, "a root takes the default duration");
        List<Map<String, Object>> planned = entries(run);
        assertEquals(nodes(planned), run.builds().keySet(), "every planned node is built once");
        Map<String, Long> finish = new HashMap<>();
        for (Map<String, Object> layer : planned) {
            LibraryRun.Build build = run.builds().get(layer.get("node"));
            long ready = Boolean.TRUE.equals(layer.get("parentRebuilt")) ? finish.get(layer.get("parent")) : 0;
            assertEquals(ready, build.start, layer.get("node") + " starts when its parent is built, not later");
            finish.put(build.node, build.end);
        }
        assertEquals(10 + 10 + 5 + 3, run.builds().get("slurm/gpu").end, "slurm/gpu does not wait for compute, its level's slowest");
        assertEquals(finish.values().stream().mapToLong(Long::longValue).max().orElseThrow(), run.endTime(),
                "the run takes its critical path");
    }

    @Test
    void theStagesArePlanThenOnePerNodeNamedByTheNodeWithNoLevelBarriers() throws Throwable {
        LibraryRun run = new LibraryRun(LIBRARY, fullPlan(SitePlans.EXAMPLE)).runLibrary(Map.of());

        List<String> expected = new ArrayList<>(List.of("Plan"));
        expected.addAll(nodes(entries(run)));
        assertEquals(Set.copyOf(expected), run.stageResults().keySet());
        assertEquals("Plan", run.stageResults().keySet().iterator().next());
        assertTrue(run.stageResults().values().stream().allMatch("SUCCESS"::equals), run.stageResults().toString());
        assertEquals(List.of(), run.violations(), "no step outside node(), no wait holding an executor");
    }

    @Test
    void aFailedNodesDescendantsAreNotBuiltWithTheReasonAndOtherBranchesComplete() throws Throwable {
        LibraryRun run = new LibraryRun(LIBRARY, fullPlan(SitePlans.EXAMPLE)).fails("compute/compute")
                .takes("uan/uan", 40).runLibrary(Map.of());

        assertEquals("FAILURE", run.buildResult());
        assertEquals("FAILURE", run.stageResults().get("compute/compute"));
        assertEquals("NOT_BUILT", run.stageResults().get("slurm/compute"));
        assertFalse(run.builds().containsKey("slurm/compute"));
        assertTrue(run.log().contains("Strata: not building slurm/compute: its parent compute/compute was not built "
                + "(its build failed: buildah: the playbook of compute/compute failed)"), run.log().toString());
        assertEquals("SUCCESS", run.stageResults().get("uan/uan"));
        assertEquals("SUCCESS", run.stageResults().get("slurm/uan"), "the independent branch goes on after the failure");
        assertTrue(run.builds().get("slurm/uan").end > run.builds().get("compute/compute").end);
    }

    @Test
    void aNodeUnderAFailureTwoLevelsUpIsNotBuiltEither() throws Throwable {
        LibraryRun run = new LibraryRun(LIBRARY, fullPlan(SitePlans.WIDE)).fails("hsn/base").runLibrary(Map.of());

        for (String node : List.of("compute/compute", "gpu/gpu", "uan/uan", "login/login", "slurm/compute", "slurm/gpu", "slurm/uan")) {
            assertEquals("NOT_BUILT", run.stageResults().get(node), node);
            assertFalse(run.builds().containsKey(node), node);
        }
        assertEquals("SUCCESS", run.stageResults().get("io/io"), "the other root's branch is built");
        assertEquals("FAILURE", run.buildResult());
    }

    @Test
    void buildLayerGetsExactlyThePlansNodeFromTagAndRegistry(@TempDir Path site) throws Throwable {
        String plan;
        try (SitePlans plans = SitePlans.of(SitePlans.EXAMPLE, site)) {
            plan = plans.plan("--full", "--registry", "registry.example:5000/hpc");
        }
        LibraryRun run = new LibraryRun(LIBRARY, plan).env("STRATA_AGENT_LABEL", "rocky9")
                .runLibrary(Map.of("config", "layers.yaml", "registry", "registry.example:5000/hpc", "full", true,
                        "maxParallel", 3, "label", "ignored-by-layerImpact"));

        assertEquals(Map.of("config", "layers.yaml", "registry", "registry.example:5000/hpc", "full", true),
                run.impactArguments(), "only layerImpact's own arguments reach it");
        Map<String, Map<String, Object>> byNode = new LinkedHashMap<>();
        for (Map<String, Object> layer : entries(run)) {
            byNode.put((String) layer.get("node"), layer);
        }
        assertEquals(byNode.size(), run.buildLayerCalls().size());
        for (Map<String, Object> call : run.buildLayerCalls()) {
            Map<String, Object> layer = byNode.get(call.get("node"));
            assertEquals(Map.of("config", "layers.yaml", "registry", "registry.example:5000/hpc", "node", layer.get("node"),
                    "from", layer.get("from"), "tag", layer.get("tag"), "reuse", true), call);
            assertTrue(((String) call.get("from")).startsWith("scratch") || ((String) call.get("from")).startsWith("registry.example:5000/hpc/"),
                    call.toString());
        }
        assertEquals(byNode.size() + 1, run.checkouts(), "the plan's agent and each node's agent check the commit out");
    }

    @Test
    void maxParallelCapsTheNodesBuildingAtOnceAndEveryNodeIsStillBuilt() throws Throwable {
        LibraryRun run = new LibraryRun(LIBRARY, fullPlan(SitePlans.WIDE)).runLibrary(Map.of("maxParallel", 2));

        assertEquals("SUCCESS", run.buildResult());
        assertEquals(nodes(entries(run)), run.builds().keySet());
        assertEquals(2, mostAtOnce(run), "never more than two builds at once");
        assertTrue(run.mostAgentsInUse() <= 2, "the branches waiting for a slot hold no agent");
        assertEquals(List.of(), run.violations());

        LibraryRun uncapped = new LibraryRun(LIBRARY, fullPlan(SitePlans.WIDE)).runLibrary(Map.of());
        assertTrue(mostAtOnce(uncapped) > 2, "without a cap the fan-out builds at once");
    }

    @Test
    void aMaxParallelThatIsNotAPositiveWholeNumberFailsBeforeAnyBuild() throws Throwable {
        for (Object bad : List.of(0, -1, "2")) {
            LibraryRun run = new LibraryRun(LIBRARY, fullPlan(SitePlans.EXAMPLE)).runLibrary(Map.of("maxParallel", bad));
            assertEquals("FAILURE", run.buildResult());
            assertTrue(run.log().contains("ERROR: strataLayers: maxParallel must be a positive whole number (or left out for no cap), not '"
                    + bad + "'"), run.log().toString());
            assertTrue(run.builds().isEmpty());
        }
    }

    @Test
    void anAbortStopsEveryBranchAndStartsNothingAfterIt() throws Throwable {
        LibraryRun run = new LibraryRun(LIBRARY, fullPlan(SitePlans.WIDE)).takes("hsn/base", 10).takes("storage/base", 10)
                .takes("io/io", 100).abortAt(25).runLibrary(Map.of());

        assertEquals("ABORTED", run.buildResult());
        for (LibraryRun.Build build : run.builds().values()) {
            assertTrue(build.start < 25, build.node + " started after the abort");
            assertTrue(build.end == -1 || build.end <= 25, build.node + " ran on after the abort");
        }
        assertEquals(20, run.builds().get("io/io").start);
        assertEquals(-1, run.builds().get("io/io").end, "the running build is interrupted");
        assertEquals(-1, run.builds().get("compute/compute").end, "the running build is interrupted");
        assertEquals("ABORTED", run.stageResults().get("io/io"));
        assertFalse(run.builds().containsKey("slurm/compute"));
    }

    @Test
    void aChangeThatRebuildsNothingBuildsNothing(@TempDir Path site) throws Throwable {
        String plan;
        try (SitePlans plans = SitePlans.of(SitePlans.EXAMPLE, site)) {
            plan = plans.change("README.md", "\nA note.\n").plan("--base", "HEAD~1", "--head", "HEAD");
        }
        LibraryRun run = new LibraryRun(LIBRARY, plan).runLibrary(Map.of());

        assertEquals("SUCCESS", run.buildResult());
        assertTrue(run.builds().isEmpty());
        assertEquals(Set.of("Plan"), run.stageResults().keySet());
        assertTrue(run.log().contains("Strata: nothing to build, every layer is reused as published"));
    }

    @Test
    void aMergeRequestPublishesItsOwnTagAndTheMergePromotesWithoutARebuild(@TempDir Path site) throws Throwable {
        String mergeRequest;
        String merged;
        try (SitePlans plans = SitePlans.of(SitePlans.EXAMPLE, site)) {
            plans.change("roles/slurm/defaults/main.yml", "\nslurm_extra: 1\n");
            // layerImpact plans a build with CHANGE_ID=42 with the run tag mr-42; after the merge, with the commit's id.
            mergeRequest = plans.plan("--base", "HEAD~1", "--head", "HEAD", "--tag", "mr-42", "--registry", "reg.example");
            merged = plans.plan("--base", "HEAD~1", "--head", "HEAD", "--registry", "reg.example");
        }
        LibraryRun review = new LibraryRun(LIBRARY, mergeRequest).env("CHANGE_ID", "42")
                .runLibrary(Map.of("registry", "reg.example"));
        assertEquals("SUCCESS", review.buildResult());
        assertEquals(Set.of("slurm/compute", "slurm/uan"), review.builds().keySet());
        for (Map<String, Object> call : review.buildLayerCalls()) {
            assertEquals("mr-42", call.get("tag"), "a merge request's images carry its own tag, never the published one");
            assertEquals(true, call.get("reuse"));
        }

        LibraryRun promotion = new LibraryRun(LIBRARY, merged).published(review.builds().keySet())
                .runLibrary(Map.of("registry", "reg.example"));
        assertEquals("SUCCESS", promotion.buildResult());
        assertTrue(promotion.builds().isEmpty(), "the merge finds the merge request's images by their inputs: " + promotion.builds());
        assertEquals(review.builds().keySet(), promotion.promoted());
        for (Map<String, Object> call : promotion.buildLayerCalls()) {
            assertEquals(entries(promotion).get(0).get("tag"), call.get("tag"));
            assertEquals(true, call.get("reuse"));
        }
    }

    @Test
    void theRootJenkinsfileLoadsThisRepositorysLibraryAndCallsIt() throws Throwable {
        LibraryRun run = new LibraryRun(LIBRARY, fullPlan(SitePlans.EXAMPLE)).takes("compute/compute", 30).runScript(JENKINSFILE);

        assertEquals("SUCCESS", run.buildResult(), run.log().toString());
        assertEquals(new PipelineStepDoubles.LegacyScmRetrieverDouble(LibraryRun.SCM), run.libraryArguments().get("retriever"),
                "the library comes from the commit being built");
        assertEquals(nodes(entries(run)), run.builds().keySet());
        assertEquals(run.builds().get("uan/uan").end, run.builds().get("slurm/uan").start);
        String jenkinsfile = String.join("\n", Files.readAllLines(JENKINSFILE).stream().filter(line -> !line.startsWith("//")).toList());
        for (String copy : List.of("parallel", "buildLayer", "layerImpact", "stage(")) {
            assertFalse(jenkinsfile.contains(copy), "the Jenkinsfile repeats the library's loop: " + copy);
        }
    }

    private String fullPlan(Path site) throws Exception {
        try (SitePlans plans = SitePlans.of(site, Files.createTempDirectory(dir, "site"))) {
            return plans.plan("--full");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(LibraryRun run) {
        return (List<Map<String, Object>>) run.plan().get("build");
    }

    private static Set<String> nodes(List<Map<String, Object>> entries) {
        Set<String> nodes = new LinkedHashSet<>();
        for (Map<String, Object> entry : entries) {
            nodes.add((String) entry.get("node"));
        }
        return nodes;
    }

    /** The most builds that ran at one time. */
    private static int mostAtOnce(LibraryRun run) {
        int most = 0;
        for (LibraryRun.Build a : run.builds().values()) {
            int atOnce = 0;
            for (LibraryRun.Build b : run.builds().values()) {
                if (b.start <= a.start && a.start < b.end) {
                    atOnce++;
                }
            }
            most = Math.max(most, atOnce);
        }
        return most;
    }
}
