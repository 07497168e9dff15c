package io.strata.cli;

import io.strata.engine.config.LayersConfig;
import io.strata.engine.gitlab.GitLabOptions;
import io.strata.engine.gitlab.GitLabPipeline;
import io.strata.engine.plan.BuildPlan;
import io.strata.engine.plan.ImageNames;
import io.strata.engine.service.PlanService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
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
            "Jobs run $STRATA build ... ; set the CI/CD variable STRATA (default: strata) to run another command."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:a usage or configuration error, an output that cannot be written"},
        footerHeading = "%nExamples:%n",
        footer = {"  strata gitlab-ci --config layers.yaml --base \"$CI_COMMIT_BEFORE_SHA\" --head \"$CI_COMMIT_SHA\" -o child.yml",
            "  strata gitlab-ci --config layers.yaml --full --registry \"$CI_REGISTRY_IMAGE\" -o child.yml"})
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

    @Option(names = "--merge-request", paramLabel = "IID", defaultValue = "${env:CI_MERGE_REQUEST_IID}",
            description = {"The merge request the pipeline builds (default: $CI_MERGE_REQUEST_IID, set in merge request pipelines).",
                "Its jobs publish immutable tags only: the input-digest tag and mr-IID (the default --tag); the published tag "
                    + "moves only in the target branch's pipeline, which finds what the merge request built by its input digest."})
    String mergeRequest;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (mergeRequest != null && mergeRequest.isBlank()) {
            mergeRequest = null;
        }
        if (mergeRequest != null && !mergeRequest.matches("[0-9]+")) {
            throw new UserError("--merge-request " + mergeRequest + ": give the merge request's IID, a number");
        }
        if (mergeRequest != null && planning.tag == null) {
            planning.tag = ImageNames.mergeRequestTag(mergeRequest);
        }
        BuildPlan plan = planning.plan(site, change);
        LayersConfig config = site.readConfig();
        String yaml = GitLabPipeline.write(plan, new GitLabOptions(GitLabOptions.DEFAULT_STRATA,
                site.config.toString(), jobImage, runnerTags, planning.images().targetRegistry(config), mergeRequest, repositories()));
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

    /**
     * The other repositories of the site as the jobs fetch them: each checkout's commit and its
     * {@code origin} URL without credentials.
     */
    private List<GitLabOptions.Repository> repositories() {
        List<GitLabOptions.Repository> repositories = new ArrayList<>();
        for (Map.Entry<String, Path> entry : PlanService.checkouts(site.checkout()).entrySet()) {
            try (Git git = Git.open(entry.getValue().toFile())) {
                ObjectId head = git.getRepository().resolve("HEAD");
                String url = git.getRepository().getConfig().getString("remote", "origin", "url");
                if (head == null || url == null) {
                    throw new UserError("repository '" + entry.getKey() + "' at " + entry.getValue() + " has "
                            + (head == null ? "no commit" : "no remote 'origin'") + ": the child jobs fetch it from there at this commit");
                }
                repositories.add(new GitLabOptions.Repository(entry.getKey(), url.replaceFirst("^([a-z+]+://)[^/@]*@", "$1"), head.name()));
            } catch (IOException e) {
                throw new UserError("repository '" + entry.getKey() + "' at " + entry.getValue() + " is no git checkout: " + e.getMessage());
            }
        }
        return repositories;
    }
}
