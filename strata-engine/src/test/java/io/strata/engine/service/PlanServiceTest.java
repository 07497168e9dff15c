package io.strata.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.cache.AnalysisStore;
import io.strata.engine.config.ConfigException;
import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.Reason;
import io.strata.engine.plan.BuildPlan;
import io.strata.engine.plan.PlannedNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-call planner on the repository's example site ({@code examples/cluster}) committed to git. */
class PlanServiceTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "cluster");

    @TempDir
    Path dir;

    private Git git;
    private String first;

    @BeforeEach
    void site() throws Exception {
        copyExample(dir);
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        first = commit("clusterA site");
    }

    @AfterEach
    void close() {
        git.close();
    }

    @Test
    void revisionsPlanTheChangedLayerOnPublishedParents() throws Exception {
        edit("roles/slurm/templates/slurm.conf.j2", "ClusterName=", "# scheduler tuned\nClusterName=");
        String second = commit("slurm: comment");

        PlanOutcome outcome = PlanService.plan(PlanRequest.of(SiteCheckout.of(dir, "layers.yaml"),
                new ChangeSpec.Revisions(null, first, second, false)));

        BuildPlan plan = outcome.plan();
        assertEquals(List.of(List.of(NodeId.parse("slurm/compute"), NodeId.parse("slurm/uan"))), plan.levels());
        PlannedNode slurmCompute = plan.node(NodeId.parse("slurm/compute")).orElseThrow();
        assertEquals("localhost/ca/compute-compute:latest", slurmCompute.from());
        assertEquals(second.substring(0, 12), plan.tag());
        assertEquals(second, outcome.analysedCommit());
        assertTrue(outcome.svg().contains("data-node=\"slurm/compute\""), outcome.svg());
    }

    @Test
    void sinceBuiltDiffsFromTheCommitBuiltBeforeToTheCheckout() throws Exception {
        edit("cluster-inventory/group_vars/UAN.yml", "Submit jobs with sbatch.", "Submit jobs with sbatch; docs at /docs.");
        String second = commit("uan: motd");

        PlanOutcome outcome = PlanService.plan(PlanRequest.of(SiteCheckout.of(dir, "layers.yaml"),
                new ChangeSpec.SinceBuilt(null, first)));

        assertEquals(List.of("uan/uan", "slurm/uan"), built(outcome.plan()));
        assertEquals(second, outcome.analysedCommit());
        Reason why = outcome.plan().node(NodeId.parse("uan/uan")).orElseThrow().reasons().get(0);
        assertEquals(List.of("variable", "cluster-inventory/group_vars/UAN.yml"), List.of(why.kind(), why.file()), why.toString());
    }

    @Test
    void aCommitNoLongerInTheHistoryRebuildsEverythingAndSaysWhy() {
        String gone = "0123456789abcdef0123456789abcdef01234567";

        PlanOutcome outcome = PlanService.plan(PlanRequest.of(SiteCheckout.of(dir, "layers.yaml"),
                new ChangeSpec.SinceBuilt(null, gone)));

        assertTrue(outcome.plan().fullBuild());
        assertEquals(1, outcome.notes().size(), outcome.notes().toString());
        assertTrue(outcome.notes().get(0).contains(gone) && outcome.notes().get(0).contains("every node is rebuilt"),
                outcome.notes().get(0));
        assertEquals(first, outcome.analysedCommit());
    }

    @Test
    void everythingOutsideGitIsTaggedDevAndNamedAfterTheFallbackRegistry(@TempDir Path plain) throws IOException {
        copyExample(plain);

        PlanOutcome outcome = PlanService.plan(new PlanRequest(SiteCheckout.of(plain, "layers.yaml"),
                new ChangeSpec.Everything(), Set.of(), Set.of("uan"), new ImageOptions(null, "ci.example.org:5000", null, null), AnalysisStore.none()));

        assertNull(outcome.analysedCommit());
        assertEquals("dev", outcome.plan().tag());
        assertEquals(List.of("my-fav-os/base", "hsn/base", "uan/uan", "slurm/uan"), built(outcome.plan()));
        assertEquals("ci.example.org:5000/ca/uan-uan", outcome.plan().node(NodeId.parse("uan/uan")).orElseThrow().image());
    }

    @Test
    void startAtAloneRebuildsThatNodeAndItsDescendants() {
        PlanOutcome outcome = PlanService.plan(new PlanRequest(SiteCheckout.of(dir, "layers.yaml"), new ChangeSpec.Nothing(),
                Set.of(NodeId.parse("compute/compute")), Set.of(), new ImageOptions("registry.example.org", null, "t1", "stable"), AnalysisStore.none()));

        assertEquals(List.of("compute/compute", "slurm/compute"), built(outcome.plan()));
        assertEquals("registry.example.org/ca/hsn-base:stable",
                outcome.plan().node(NodeId.parse("compute/compute")).orElseThrow().from());
        assertEquals("registry.example.org/ca/compute-compute:t1",
                outcome.plan().node(NodeId.parse("slurm/compute")).orElseThrow().from());
    }

    @Test
    void aMergeRequestsPlanBuildsUnderItsOwnTagAndStillStartsFromThePublishedParents() {
        PlanOutcome outcome = PlanService.plan(new PlanRequest(SiteCheckout.of(dir, "layers.yaml"), new ChangeSpec.Nothing(),
                Set.of(NodeId.parse("compute/compute")), Set.of(), new ImageOptions("registry.example.org", null, null, null, "42"), AnalysisStore.none()));
        assertEquals("mr-42", outcome.plan().tag());
        assertEquals("registry.example.org/ca/compute-compute:mr-42",
                outcome.plan().node(NodeId.parse("slurm/compute")).orElseThrow().from());
        assertEquals("registry.example.org/ca/hsn-base:latest",
                outcome.plan().node(NodeId.parse("compute/compute")).orElseThrow().from());
    }

    @Test
    void changedPathsOnlyAreTakenAsTheyAreWithANote() {
        PlanOutcome outcome = PlanService.plan(PlanRequest.of(SiteCheckout.of(dir, "layers.yaml"),
                new ChangeSpec.Paths(null, List.of("roles/compute_node/tasks/main.yml"))));

        assertEquals(List.of("compute/compute", "slurm/compute"), built(outcome.plan()));
        assertTrue(outcome.notes().stream().anyMatch(n -> n.contains("only paths are known")), outcome.notes().toString());
    }

    @Test
    void aRepositoryWithoutCheckoutIsAProblemNamingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> PlanService.plan(PlanRequest.of(
                new SiteCheckout(dir, "layers.yaml", Map.of("slurm-config", Path.of("no-such-folder"))), new ChangeSpec.Everything())));
        assertEquals("slurm-config", e.problems().get(0).key());

        ConfigException unmapped = assertThrows(ConfigException.class, () -> PlanService.plan(PlanRequest.of(
                SiteCheckout.of(dir, "layers.yaml"), new ChangeSpec.Revisions("uan-config", first, null, false))));
        assertTrue(unmapped.getMessage().contains("'uan-config', which has no checkout"), unmapped.getMessage());
    }

    @Test
    void aMissingLayersFileSaysWhereItWasLookedFor() {
        ConfigException e = assertThrows(ConfigException.class, () -> PlanService.plan(PlanRequest.of(
                SiteCheckout.of(dir, "site/layers.yaml"), new ChangeSpec.Everything())));
        assertTrue(e.getMessage().startsWith("site/layers.yaml: error: no layers file in "), e.getMessage());
    }

    private static List<String> built(BuildPlan plan) {
        return plan.build().stream().map(n -> n.node().toString()).toList();
    }

    private static void copyExample(Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(EXAMPLE)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path copy = target.resolve(EXAMPLE.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        }
    }

    private void edit(String path, String find, String replacement) throws IOException {
        Path file = dir.resolve(path);
        String text = Files.readString(file);
        assertTrue(text.contains(find), path + " no longer contains '" + find + "'");
        Files.writeString(file, text.replace(find, replacement));
    }

    private String commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                .setSign(false).call().name();
    }
}
