package io.strata.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Result;
import hudson.slaves.DumbSlave;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The checks {@code buildLayer} makes before anything runs (building itself needs buildah on the agent). */
@WithJenkins
class BuildLayerStepTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @Test
    void wrongArgumentsStopTheBuildBeforeBuildahRuns(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave();
        WorkflowJob p = r.createProject(WorkflowJob.class, "build");
        SiteRepo.create(Path.of(agent.getWorkspaceFor(p).getRemote())).close();

        assertFails(r, p, agent, "buildLayer(node: 'slurm')", "buildLayer: slurm is not a node: write layer/type");
        assertFails(r, p, agent, "buildLayer(node: 'compute/compute', tag: 't1')",
                "compute/compute needs the image to build FROM");
        assertFails(r, p, agent, "buildLayer(node: 'my-fav-os/base', from: 'localhost/ca/other:1')",
                "my-fav-os/base is a root, built from scratch");
        assertFails(r, p, agent, "buildLayer(node: 'uan/uan', from: 'localhost/ca/hsn-base:1', credentialsId: 'registry-push')",
                "no username/password credentials with id registry-push");
        assertFails(r, p, agent, "buildLayer(node: 'uan/uan', from: 'localhost/ca/hsn-base:1', storageDriver: 'btrfs')",
                "unknown storage driver 'btrfs'");
    }

    @Test
    void repositoryFoldersMayBeAMap(JenkinsRule r) {
        BuildLayerStep step = DescribableModel.of(BuildLayerStep.class).instantiate(
                Map.of("node", "slurm/compute", "repoDirs", Map.of("slurm-config", "repos/slurm")), null);
        assertEquals(List.of("slurm-config=repos/slurm"), step.getRepoDirs());
        assertEquals(SiteStep.DEFAULT_CONFIG, step.getConfig());
    }

    private static void assertFails(JenkinsRule r, WorkflowJob p, DumbSlave agent, String call, String message) throws Exception {
        p.setDefinition(new CpsFlowDefinition("node('" + agent.getNodeName() + "') { " + call + " }", true));
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains(message, b);
        r.assertLogNotContains("\tat io.strata", b);
    }
}
