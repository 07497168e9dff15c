package io.strata.cli;

import io.strata.engine.gitlab.GitLabOptions;
import io.strata.engine.gitlab.GitLabPipeline;
import io.strata.engine.plan.BuildPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strata gitlab-ci}: the plan of a change as a GitLab CI child pipeline, one job per node
 * to build, each started as soon as its parent's job is done.
 */
@Command(name = GitLabCiCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Write the build of a change as a GitLab CI child pipeline: one job per node to build, "
                + "needs following the layer graph, a resource group per node; one job that says why when nothing is to be rebuilt.",
            "Jobs run $STRATA build ... ; set the CI/CD variable STRATA (default: strata) to run another command."})
final class GitLabCiCommand implements Callable<Integer> {

    /** The subcommand's name. */
    static final String NAME = "gitlab-ci";

    @Mixin
    SiteOptions site;

    @Mixin
    ChangeOptions change;

    @Mixin
    PlanOptions planning;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the pipeline to this file (default: standard output).")
    Path output;

    @Option(names = "--job-image", paramLabel = "IMAGE", description = "Container image the jobs run in (default: the runner's).")
    String jobImage;

    @Option(names = "--runner-tag", paramLabel = "TAG", description = "Runner tag of the jobs, e.g. the runners that can run buildah (repeatable).")
    List<String> runnerTags = new ArrayList<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        BuildPlan plan = planning.plan(site, change);
        String yaml = GitLabPipeline.write(plan, new GitLabOptions(GitLabOptions.DEFAULT_STRATA,
                site.config.toString(), jobImage, runnerTags));
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(yaml);
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, yaml);
            out.printf("%s: %s%n", output, plan.build().isEmpty() ? "nothing to rebuild (one job that says why)"
                    : plan.build().size() + " build job(s) for " + (plan.build().size() + plan.reused().size()) + " node(s)");
        }
        out.flush();
        return 0;
    }
}
