package io.strata.engine.gitlab;

import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.ImpactResult;
import io.strata.engine.impact.Reason;
import io.strata.engine.plan.BuildPlan;
import io.strata.engine.plan.PlannedNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A build plan as a GitLab CI child pipeline: one job per node to build, all in one stage, each
 * job {@code needs} its parent's job when the parent is built too and nothing otherwise, so every
 * chain starts at once and a child starts as soon as its parent is done.
 *
 * <p>Jobs run {@code $STRATA build ...}; every value taken from the site (node names, image
 * references, the tag, reasons) reaches the job only as a CI/CD variable, emitted by SnakeYAML and
 * with {@code $} escaped as {@code $$}, so no name can change the YAML or the shell script. The
 * reasons are repeated in a comment header whose text is stripped of line breaks.
 */
public final class GitLabPipeline {

    /** The stage of every job. */
    public static final String STAGE = "build";

    /** The prefix of a node's job name: {@code build:slurm-compute}. */
    public static final String JOB_PREFIX = "build:";

    /** The prefix of a node's resource group: {@code strata-slurm-compute}. */
    public static final String RESOURCE_GROUP_PREFIX = "strata-";

    /** The only job of a pipeline that builds nothing (GitLab needs at least one job). */
    public static final String NOTHING_JOB = "strata:nothing-to-build";

    /** The variable holding the command jobs run. */
    public static final String STRATA = "STRATA";

    /**
     * The script line of a build job: the node, FROM, image and tag the plan says, and
     * {@code --reuse}, so that an image already built from the same inputs (by the merge request's
     * pipeline) is only tagged; the publishing options follow ({@link #buildScript}).
     */
    public static final String BUILD_SCRIPT = "$STRATA build --config \"$STRATA_CONFIG\" --node \"$STRATA_NODE\""
            + " --from \"$STRATA_FROM\" --image \"$STRATA_IMAGE\" --tag \"$STRATA_TAG\" --reuse --work-dir \"$STRATA_WORK_DIR\"";

    /**
     * The folder below the job's checkout where a build job's {@code strata build} writes its
     * log, SBOM and {@code result.json} (then {@code <slug>}), kept as the job's artifacts.
     */
    public static final String WORK_DIR = "strata-work/";

    /**
     * The step that checks out the other repositories of a multi-repository site at the commits
     * the plan was made from, and exports {@code STRATA_REPO_DIRS} for {@code strata build}. A
     * constant script: names, URLs and commits reach it only as variables.
     */
    public static final String CHECKOUT_REPOS = resource("checkout-repos.sh");

    /** The script line of the nothing-to-build job. */
    public static final String NOTHING_SCRIPT = "printf '%s\\n' \"$STRATA_MESSAGE\"";

    private static final int MAX_SLUG = 200;
    private static final int MAX_LISTED_FILES = 20;

    private GitLabPipeline() {
    }

    /**
     * Writes the child pipeline of a plan.
     *
     * @param plan what to build
     * @param options the command, layers file and runners of the jobs
     * @return the pipeline's YAML text, starting with a comment header
     */
    public static String write(BuildPlan plan, GitLabOptions options) {
        Map<NodeId, String> slugs = slugs(plan.build().stream().map(PlannedNode::node).toList());
        Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("stages", List.of(STAGE));
        Map<String, Object> globals = new LinkedHashMap<>();
        globals.put(STRATA, escape(options.strata()));
        globals.put("STRATA_CONFIG", escape(options.config()));
        if (options.registry() != null) {
            globals.put("STRATA_REGISTRY", escape(options.registry()));
        }
        if (options.mergeRequest() == null) {
            globals.put("STRATA_PUBLISHED_TAG", escape(plan.publishedTag()));
        }
        if (plan.impact().base() != null) {
            globals.put("STRATA_BASE", escape(plan.impact().base()));
            globals.put("STRATA_HEAD", escape(plan.impact().head()));
        }
        if (!options.repositories().isEmpty()) {
            globals.put("STRATA_REPO_COUNT", Integer.toString(options.repositories().size()));
            int number = 1;
            for (GitLabOptions.Repository repository : options.repositories()) {
                globals.put("STRATA_REPO_" + number + "_NAME", escape(repository.name()));
                globals.put("STRATA_REPO_" + number + "_URL", escape(repository.url()));
                globals.put("STRATA_REPO_" + number + "_COMMIT", escape(repository.commit()));
                number++;
            }
        }
        pipeline.put("variables", globals);
        if (plan.build().isEmpty()) {
            Map<String, Object> job = job(options);
            job.put("needs", List.of());
            job.put("variables", Map.of("STRATA_MESSAGE", escape(String.join("\n", nothingMessage(plan)))));
            job.put("script", List.of(NOTHING_SCRIPT));
            pipeline.put(NOTHING_JOB, job);
        }
        for (PlannedNode node : plan.build()) {
            Map<String, Object> job = job(options);
            job.put("needs", node.parentRebuilt() ? List.of(JOB_PREFIX + slugs.get(node.parent())) : List.of());
            job.put("resource_group", RESOURCE_GROUP_PREFIX + slugs.get(node.node()));
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("STRATA_NODE", escape(node.node().toString()));
            variables.put("STRATA_FROM", escape(node.from()));
            variables.put("STRATA_IMAGE", escape(node.image()));
            variables.put("STRATA_TAG", escape(node.tag()));
            String workDir = WORK_DIR + slugs.get(node.node());
            variables.put("STRATA_WORK_DIR", workDir);
            job.put("variables", variables);
            if (!options.repositories().isEmpty()) {
                job.put("before_script", List.of(CHECKOUT_REPOS));
            }
            job.put("script", List.of(buildScript(options)));
            // Kept when the build fails too: its log says why. The SBOM is in logs/ beside the log.
            Map<String, Object> artifacts = new LinkedHashMap<>();
            artifacts.put("when", "always");
            artifacts.put("paths", List.of(workDir + "/result.json", workDir + "/logs/"));
            job.put("artifacts", artifacts);
            pipeline.put(JOB_PREFIX + slugs.get(node.node()), job);
        }
        return header(plan, slugs, options) + yaml().dump(pipeline);
    }

    /**
     * The script line of the pipeline's build jobs: {@link #BUILD_SCRIPT}, then where to publish
     * ({@code --registry}) and what: a branch pipeline moves the published tag, a merge
     * request's publishes immutable tags only ({@code --no-published-tag}), so that no unreviewed
     * image becomes what later builds and clusters take.
     */
    public static String buildScript(GitLabOptions options) {
        return BUILD_SCRIPT + (options.registry() != null ? " --registry \"$STRATA_REGISTRY\"" : "")
                + (options.mergeRequest() == null ? " --published-tag \"$STRATA_PUBLISHED_TAG\"" : " --no-published-tag");
    }

    /**
     * The job name of each node: {@value #JOB_PREFIX} and the node with every character GitLab
     * could read specially replaced by {@code -}; names that would collide get a suffix.
     */
    public static Map<NodeId, String> jobNames(List<NodeId> nodes) {
        Map<NodeId, String> names = new LinkedHashMap<>();
        slugs(nodes).forEach((node, slug) -> names.put(node, JOB_PREFIX + slug));
        return names;
    }

    private static Map<NodeId, String> slugs(List<NodeId> nodes) {
        Map<NodeId, String> slugs = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (NodeId node : nodes) {
            String base = node.toString().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
            if (base.isEmpty()) {
                base = "node";
            }
            if (base.length() > MAX_SLUG) {
                base = base.substring(0, MAX_SLUG);
            }
            String slug = base;
            for (int n = 2; !taken.add(slug); n++) {
                slug = base + "-" + n;
            }
            slugs.put(node, slug);
        }
        return slugs;
    }

    private static Map<String, Object> job(GitLabOptions options) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("stage", STAGE);
        if (options.jobImage() != null) {
            job.put("image", options.jobImage());
        }
        if (!options.runnerTags().isEmpty()) {
            job.put("tags", options.runnerTags());
        }
        return job;
    }

    /** What the nothing-to-build job prints: that nothing is rebuilt, and why. */
    private static List<String> nothingMessage(BuildPlan plan) {
        ImpactResult impact = plan.impact();
        List<String> lines = new ArrayList<>();
        lines.add("Nothing to rebuild: every node is reused from its published image (tag " + plan.publishedTag() + ").");
        lines.add(changeLine(impact));
        List<String> files = impact.changedFiles();
        files.stream().limit(MAX_LISTED_FILES).forEach(file -> lines.add("  changed: " + file));
        if (files.size() > MAX_LISTED_FILES) {
            lines.add("  ... and " + (files.size() - MAX_LISTED_FILES) + " more");
        }
        impact.notes().forEach(note -> lines.add("Note: " + note));
        impact.reuse().forEach(node -> lines.add(node + ": "
                + impact.explanations().getOrDefault(node, "none of its inputs changed")));
        return lines;
    }

    private static String changeLine(ImpactResult impact) {
        String range = impact.base() == null ? "" : "Change " + shortId(impact.base()) + ".." + shortId(impact.head()) + ": ";
        if (impact.base() == null && impact.changedFiles().isEmpty()) {
            return "No change set was given.";
        }
        return range + impact.changedFiles().size() + " changed file(s).";
    }

    private static String header(BuildPlan plan, Map<NodeId, String> slugs, GitLabOptions options) {
        List<String> lines = new ArrayList<>();
        lines.add("GitLab CI child pipeline written by `strata gitlab-ci`; regenerate it rather than edit it.");
        int nodes = plan.build().size() + plan.reused().size();
        lines.add(changeLine(plan.impact()) + " Build " + plan.build().size() + " of " + nodes
                + " node(s), tag " + plan.tag() + ".");
        lines.add("Each job runs $STRATA build ... (default: " + options.strata()
                + "); set the CI/CD variable STRATA to run another command.");
        lines.add("");
        if (plan.build().isEmpty()) {
            lines.add(NOTHING_JOB + ": nothing is rebuilt");
        }
        for (PlannedNode node : plan.build()) {
            lines.add(JOB_PREFIX + slugs.get(node.node()) + " builds " + node.node() + " FROM " + node.from()
                    + (node.parent() == null ? "" : node.parentRebuilt() ? " (built in this pipeline)" : " (published)"));
            for (Reason reason : node.reasons()) {
                lines.add("  - " + reason.kind() + ": " + (reason.file() == null ? "" : reason.file() + " -> ") + reason.detail());
            }
        }
        if (!plan.reused().isEmpty()) {
            lines.add("Reused: " + plan.reused().keySet().stream().map(NodeId::toString).collect(Collectors.joining(", ")));
        }
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line.isEmpty() ? "#" : "# " + commentText(line)).append('\n'));
        return out.toString();
    }

    /**
     * Text safe inside a YAML comment: every character that is not a letter, mark, number,
     * punctuation, symbol or plain space (line breaks, tabs, controls, unpaired surrogates)
     * becomes {@code ?}, so the comment cannot end early.
     */
    static String commentText(String text) {
        return text.replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{P}\\p{S} ]", "?");
    }

    /** A variable value GitLab does not expand: {@code $} written {@code $$}. */
    static String escape(String value) {
        return value.replace("$", "$$");
    }

    private static String shortId(String revision) {
        return revision == null ? "?" : revision.substring(0, Math.min(12, revision.length()));
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        options.setDereferenceAliases(true);
        return new Yaml(options);
    }

    private static String resource(String name) {
        try (InputStream in = GitLabPipeline.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
