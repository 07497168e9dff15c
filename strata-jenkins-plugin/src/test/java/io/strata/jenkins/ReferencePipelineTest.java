package io.strata.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Runs the {@code strataLayers} library step (what the reference {@code Jenkinsfile} calls) as it
 * is, with {@code checkout} and {@code buildLayer} replaced by script methods: the workspace is
 * prepared by the test, and a layer "build" only says what it would build.
 */
@WithJenkins
class ReferencePipelineTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    /** Stand-ins: checkout does nothing, buildLayer fails for compute/compute and echoes the others. */
    private static final String STAND_INS = """
            scm = null
            def checkout(Object ignored) { echo 'checkout: prepared by the test' }
            def buildLayer(Map args) {
                if (args.node == 'compute/compute') { error('dnf: no such package') }
                echo "built ${args.node} FROM ${args.from} as ${args.tag}"
            }
            """;

    @Test
    void theLibraryBuildsTheDagAndSkipsTheChildrenOfAFailedNode(JenkinsRule r) throws Exception {
        StrataGlobalConfiguration.get().setAgentLabel("layers");
        String library = Files.readString(SiteRepo.REPOSITORY_ROOT.resolve("vars/strataLayers.groovy"));
        WorkflowRun b = run(r, "reference", STAND_INS + library + "\ncall(config: 'layers.yaml')\n");

        r.assertBuildStatus(Result.FAILURE, b);
        r.assertLogContains("built my-fav-os/base FROM scratch", b);
        r.assertLogContains("built uan/uan FROM localhost/ca/hsn-base:", b);
        r.assertLogContains("built slurm/uan FROM localhost/ca/uan-uan:", b);
        r.assertLogContains("not building slurm/compute: its parent compute/compute was not built (its build failed: dnf: no such package)", b);
        r.assertLogNotContains("built slurm/compute", b);
        assertEquals(1, b.getActions(LayerImpactAction.class).size());
    }

    @Test
    void theLibraryStepBuildsWithTheClosureItIsGiven(JenkinsRule r) throws Exception {
        StrataGlobalConfiguration.get().setAgentLabel("layers");
        String library = Files.readString(SiteRepo.REPOSITORY_ROOT.resolve("vars/strataLayers.groovy"));
        WorkflowRun b = run(r, "library", STAND_INS + library + """
                def plan = call(config: 'layers.yaml', imageTypes: ['uan']) { layer ->
                    echo "custom build of ${layer.node} on ${env.NODE_NAME}"
                }
                echo "planned ${plan.levels}"
                """);

        r.assertBuildStatus(Result.SUCCESS, b);
        r.assertLogContains("planned [[my-fav-os/base], [hsn/base], [uan/uan], [slurm/uan]]", b);
        r.assertLogContains("custom build of slurm/uan on ", b);
        r.assertLogNotContains("compute/compute", b);
    }

    /** Runs a script on an agent labelled like the global configuration says, in a workspace holding the site. */
    private static WorkflowRun run(JenkinsRule r, String name, String script) throws Exception {
        DumbSlave agent = r.createOnlineSlave(Label.get(StrataGlobalConfiguration.get().getAgentLabel()));
        WorkflowJob p = r.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        SiteRepo.create(Path.of(agent.getWorkspaceFor(p).getRemote())).close();
        return r.waitForCompletion(p.scheduleBuild2(0).waitForStart());
    }
}
