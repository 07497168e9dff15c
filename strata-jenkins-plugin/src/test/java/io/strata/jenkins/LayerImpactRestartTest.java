package io.strata.jenkins;

import hudson.slaves.DumbSlave;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** The plan a step returns is kept in the Pipeline's program state and survives a controller restart. */
class LayerImpactRestartTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void thePlanSurvivesARestart() throws Throwable {
        sessions.then(r -> {
            DumbSlave agent = r.createOnlineSlave();
            WorkflowJob p = r.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition("def plan\n"
                    + "node('" + agent.getNodeName() + "') { plan = layerImpact() }\n"
                    + "sleep 10\n"
                    + "echo \"after restart: ${plan.levels} from ${plan.build[1].from}\"", true));
            SiteRepo.create(Path.of(agent.getWorkspaceFor(p).getRemote())).close();
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            r.waitForMessage("Sleeping for ", b);
        });
        sessions.then(r -> {
            WorkflowRun b = r.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            r.assertBuildStatusSuccess(r.waitForCompletion(b));
            r.assertLogContains("after restart: [[my-fav-os/base], [hsn/base], [compute/compute, uan/uan], [slurm/compute, slurm/uan]]"
                    + " from localhost/ca/my-fav-os-base:", b);
        });
    }
}
