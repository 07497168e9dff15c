package io.strata.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import hudson.slaves.DumbSlave;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jenkins.util.VirtualFile;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class LayerImpactStepTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    /** Prints what a Pipeline sees of the plan, one fact a line. */
    private static final String PRINT_PLAN = """
            echo "levels=${plan.levels}"
            echo "fullBuild=${plan.fullBuild}"
            for (Map layer in plan.build) {
                echo "build ${layer.node} level=${layer.level} from=${layer.from} image=${layer.image}:${layer.tag}"
            }
            """;

    @Test
    void aBranchBuildPlansEverythingFirstThenWhatChangedSinceTheLastSuccessfulBuild(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave();
        WorkflowJob p = r.createProject(WorkflowJob.class, "site");
        p.setDefinition(new CpsFlowDefinition("node('" + agent.getNodeName() + "') { def plan = layerImpact()\n" + PRINT_PLAN + "}", true));
        try (SiteRepo site = SiteRepo.create(workspace(agent, p))) {
            String first = site.git().getRepository().resolve("HEAD").name();

            WorkflowRun b1 = r.buildAndAssertSuccess(p);
            r.assertLogContains("levels=[[my-fav-os/base], [hsn/base], [compute/compute, uan/uan], [slurm/compute, slurm/uan]]", b1);
            r.assertLogContains("fullBuild=true", b1);
            r.assertLogContains("build my-fav-os/base level=0 from=scratch image=localhost/ca/my-fav-os-base:" + first.substring(0, 12), b1);
            LayerImpactAction action1 = b1.getAction(LayerImpactAction.class);
            assertEquals(first, action1.getCommit());
            assertTrue(action1.getChange().startsWith("no earlier successful build"), action1.getChange());
            VirtualFile artifacts = b1.getArtifactManager().root();
            assertTrue(artifacts.child(LayerImpactAction.PLAN_ARTIFACT).isFile());
            assertTrue(artifacts.child(LayerImpactAction.SVG_ARTIFACT).isFile());

            String second = site.changeUan();
            WorkflowRun b2 = r.buildAndAssertSuccess(p);
            r.assertLogContains("levels=[[uan/uan], [slurm/uan]]", b2);
            r.assertLogContains("build uan/uan level=0 from=localhost/ca/hsn-base:latest", b2);
            r.assertLogContains("build slurm/uan level=1 from=localhost/ca/uan-uan:" + second.substring(0, 12), b2);
            r.assertLogContains("variable: cluster-inventory/group_vars/UAN.yml -> uan_motd changed", b2);
            LayerImpactAction action2 = b2.getAction(LayerImpactAction.class);
            assertEquals(second, action2.getCommit());
            assertEquals(List.of("uan/uan", "slurm/uan"), action2.getLayers().stream().map(PlannedLayer::getNode).toList());
            assertTrue(action2.getChange().contains(first), action2.getChange());

            WorkflowRun b3 = r.buildAndAssertSuccess(p);
            r.assertLogContains("levels=[]", b3);
            r.assertLogContains("nothing to build", b3);

            site.changeCompute();
            p.setDefinition(new CpsFlowDefinition("node('" + agent.getNodeName() + "') { def plan = layerImpact(imageTypes: ['uan'])\n"
                    + PRINT_PLAN + "}", true));
            WorkflowRun uanOnly = r.buildAndAssertSuccess(p);
            r.assertLogContains("levels=[]", uanOnly);
            assertFalse(uanOnly.getAction(LayerImpactAction.class).isBaseline());

            p.setDefinition(new CpsFlowDefinition("node('" + agent.getNodeName() + "') { def plan = layerImpact()\n" + PRINT_PLAN + "}", true));
            WorkflowRun b5 = r.buildAndAssertSuccess(p);
            r.assertLogContains("changes since #3, which analysed commit " + second, b5);
            r.assertLogContains("levels=[[compute/compute], [slurm/compute]]", b5);
        }
    }

    @Test
    void aMergeRequestIsDiffedFromItsMergeBaseWithTheTargetBranch(JenkinsRule r, @TempDir Path origin) throws Exception {
        WorkflowRun b = mergeRequestBuild(r, origin, true);
        r.assertLogContains("merge request into main", b);
        r.assertLogContains("levels=[[uan/uan], [slurm/uan]]", b);
        r.assertLogNotContains("compute/compute", b);
    }

    @Test
    void aMergeRequestTargetTheCheckoutLacksIsFetched(JenkinsRule r, @TempDir Path origin) throws Exception {
        WorkflowRun b = mergeRequestBuild(r, origin, false);
        r.assertLogContains("fetching the merge request target branch main from origin", b);
        r.assertLogContains("levels=[[uan/uan], [slurm/uan]]", b);
    }

    @Test
    void wrongArgumentsStopTheBuildWithWhatToDo(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave();
        WorkflowJob p = r.createProject(WorkflowJob.class, "wrong");
        SiteRepo.create(workspace(agent, p)).close();
        p.setDefinition(new CpsFlowDefinition("node('" + agent.getNodeName() + "') { layerImpact(startAt: ['slurm']) }", true));
        WorkflowRun badNode = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("slurm is not a node: write layer/type", badNode);

        p.setDefinition(new CpsFlowDefinition("node('" + agent.getNodeName() + "') { layerImpact(config: 'site/layers.yaml') }", true));
        WorkflowRun noFile = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("site/layers.yaml: error: no layers file", noFile);
        r.assertLogNotContains("\tat io.strata", noFile);

        p.setDefinition(new CpsFlowDefinition("node('" + agent.getNodeName() + "') {"
                + " layerImpact(changedRepo: 'slurm-config', changedFiles: 'roles/slurm/tasks/main.yml', repoDirs: ['slurm-config': 'repos/slurm']) }", true));
        WorkflowRun noCheckout = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("the checkout of repository 'slurm-config'", noCheckout);
    }

    @Test
    void listArgumentsAcceptAMapOrASingleString(JenkinsRule r) {
        LayerImpactStep step = DescribableModel.of(LayerImpactStep.class).instantiate(
                Map.of("repoDirs", Map.of("slurm-config", "repos/slurm"), "imageTypes", "compute"), null);
        assertEquals(List.of("slurm-config=repos/slurm"), step.getRepoDirs());
        assertEquals(List.of("compute"), step.getImageTypes());
        assertEquals(SiteStep.DEFAULT_CONFIG, step.getConfig());
        assertNotNull(r.jenkins.getDescriptorByType(LayerImpactStep.DescriptorImpl.class));
    }

    /**
     * Builds a merge request of {@code feature} (changes UAN) into {@code main}, which changed
     * compute since the branch was made, in a clone of {@code origin} that has the target
     * branch or only the merge request's.
     */
    private static WorkflowRun mergeRequestBuild(JenkinsRule r, Path origin, boolean cloneTarget) throws Exception {
        try (SiteRepo upstream = SiteRepo.create(origin)) {
            upstream.git().checkout().setCreateBranch(true).setName("feature").call();
            upstream.changeUan();
            upstream.git().checkout().setName("main").call();
            upstream.changeCompute();
        }
        DumbSlave agent = r.createOnlineSlave();
        WorkflowJob p = r.createProject(WorkflowJob.class, "PR-1");
        p.setDefinition(new CpsFlowDefinition("node('" + agent.getNodeName() + "') { withEnv(['CHANGE_TARGET=main']) {"
                + " def plan = layerImpact()\n" + PRINT_PLAN + "} }", true));
        CloneCommand clone = Git.cloneRepository().setURI(origin.toUri().toString())
                .setDirectory(workspace(agent, p).toFile()).setBranch("feature");
        if (!cloneTarget) {
            clone.setBranchesToClone(List.of("refs/heads/feature"));
        }
        clone.call().close();
        return r.buildAndAssertSuccess(p);
    }

    private static Path workspace(DumbSlave agent, WorkflowJob job) {
        return Path.of(agent.getWorkspaceFor(job).getRemote());
    }
}
