package io.strata.engine.gitlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.config.ConfigException;
import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.ImpactResult;
import io.strata.engine.impact.NodeImpact;
import io.strata.engine.impact.Reason;
import io.strata.engine.plan.BuildPlan;
import io.strata.engine.plan.ImageNames;
import io.strata.engine.plan.Planner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The child pipeline of a plan, parsed back: jobs, needs, resource groups, variables. */
class GitLabPipelineTest {

    static final NodeId OS = NodeId.parse("my-fav-os/base");
    static final NodeId HSN = NodeId.parse("hsn/base");
    static final NodeId COMPUTE = NodeId.parse("compute/compute");
    static final NodeId UAN = NodeId.parse("uan/uan");
    static final NodeId SLURM_COMPUTE = NodeId.parse("slurm/compute");
    static final NodeId SLURM_UAN = NodeId.parse("slurm/uan");

    /** The contract's example graph: each node and its parent, parents first. */
    static final Map<NodeId, NodeId> PARENTS = parents();

    static final ImageNames NAMES = new ImageNames("registry.example.org:5000", "ca");

    private static Map<NodeId, NodeId> parents() {
        Map<NodeId, NodeId> parents = new LinkedHashMap<>();
        parents.put(OS, null);
        parents.put(HSN, OS);
        parents.put(COMPUTE, HSN);
        parents.put(UAN, HSN);
        parents.put(SLURM_COMPUTE, COMPUTE);
        parents.put(SLURM_UAN, UAN);
        return parents;
    }

    /** A plan where {@code start} nodes are directly affected and their descendants follow. */
    static BuildPlan plan(Map<NodeId, List<Reason>> start) {
        List<NodeImpact> rebuild = new ArrayList<>();
        List<NodeId> reuse = new ArrayList<>();
        Map<NodeId, String> explanations = new LinkedHashMap<>();
        List<NodeId> rebuilt = new ArrayList<>();
        PARENTS.forEach((node, parent) -> {
            if (start.containsKey(node)) {
                rebuild.add(new NodeImpact(node, parent, true, start.get(node)));
                rebuilt.add(node);
            } else if (parent != null && rebuilt.contains(parent)) {
                rebuild.add(new NodeImpact(node, parent, false, List.of(Reason.parent(parent.toString()))));
                rebuilt.add(node);
            } else {
                reuse.add(node);
                explanations.put(node, "none of the 4 files its playbook pulls in changed");
            }
        });
        ImpactResult impact = new ImpactResult("1111111111111111111111111111111111111111",
                "2222222222222222222222222222222222222222", List.of("roles/slurm/README.md"),
                List.copyOf(rebuild), List.copyOf(reuse), List.of(), explanations);
        return Planner.plan(impact, NAMES, "abc123", "latest");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String yaml) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> job(Map<String, Object> pipeline, String name) {
        Object job = pipeline.get(name);
        assertTrue(job instanceof Map, () -> "no job " + name + " in " + pipeline.keySet());
        return (Map<String, Object>) job;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> variables(Map<String, Object> job) {
        return (Map<String, Object>) job.get("variables");
    }

    static List<String> jobNames(Map<String, Object> pipeline) {
        return pipeline.keySet().stream().filter(k -> !k.equals("stages") && !k.equals("variables")).toList();
    }

    @Test
    void branchJobsPublishWhereThePlanSaysAndMoveThePublishedTagMergeRequestJobsNever() {
        BuildPlan plan = plan(Map.of(OS, List.of(new Reason("packages", "packages.yaml", "package list changed"))));
        Map<String, Object> branch = parse(GitLabPipeline.write(plan, new GitLabOptions("strata", "layers.yaml", null, List.of(),
                "registry.example.org:5000", null)));
        assertEquals("registry.example.org:5000", ((Map<?, ?>) branch.get("variables")).get("STRATA_REGISTRY"));
        assertEquals(plan.publishedTag(), ((Map<?, ?>) branch.get("variables")).get("STRATA_PUBLISHED_TAG"));
        String branchScript = ((List<?>) job(branch, "build:hsn-base").get("script")).get(0).toString();
        assertTrue(branchScript.endsWith("--reuse --work-dir \"$STRATA_WORK_DIR\" --registry \"$STRATA_REGISTRY\" --published-tag \"$STRATA_PUBLISHED_TAG\""),
                branchScript);

        Map<String, Object> mergeRequest = parse(GitLabPipeline.write(plan, new GitLabOptions("strata", "layers.yaml", null, List.of(),
                "registry.example.org:5000", "42")));
        String script = ((List<?>) job(mergeRequest, "build:hsn-base").get("script")).get(0).toString();
        assertTrue(script.endsWith("--reuse --work-dir \"$STRATA_WORK_DIR\" --registry \"$STRATA_REGISTRY\" --no-published-tag"), script);
        assertFalse(script.contains("--published-tag "), script);
        assertFalse(((Map<?, ?>) mergeRequest.get("variables")).containsKey("STRATA_PUBLISHED_TAG"));
        assertEquals("mr-42", ImageNames.mergeRequestTag("42"));
        assertThrows(IllegalArgumentException.class, () -> new GitLabOptions("strata", "layers.yaml", null, List.of(), null, "42; rm"));
    }

    @Test
    void rebuiltRootChainBuildsEveryNodeEachAfterItsParent() {
        BuildPlan plan = plan(Map.of(OS, List.of(new Reason("packages", "packages.yaml", "package list changed"))));
        Map<String, Object> pipeline = parse(GitLabPipeline.write(plan, GitLabOptions.defaults()));

        assertEquals(List.of("build"), pipeline.get("stages"));
        assertEquals(Map.of("STRATA", "strata", "STRATA_CONFIG", "layers.yaml", "STRATA_PUBLISHED_TAG", plan.publishedTag(),
                "STRATA_BASE", plan.impact().base(), "STRATA_HEAD", plan.impact().head()), pipeline.get("variables"),
                "the revisions the plan was made from are passed down");
        assertEquals(List.of("build:my-fav-os-base", "build:hsn-base", "build:compute-compute", "build:uan-uan",
                "build:slurm-compute", "build:slurm-uan"), jobNames(pipeline));
        Map<String, List<String>> needs = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        for (String name : jobNames(pipeline)) {
            Map<String, Object> job = job(pipeline, name);
            assertEquals("build", job.get("stage"));
            assertEquals(List.of(GitLabPipeline.BUILD_SCRIPT + " --published-tag \"$STRATA_PUBLISHED_TAG\""), job.get("script"));
            @SuppressWarnings("unchecked")
            List<String> jobNeeds = (List<String>) job.get("needs");
            needs.put(name, jobNeeds);
            groups.put(name, (String) job.get("resource_group"));
        }
        assertEquals(Map.of(
                "build:my-fav-os-base", List.of(),
                "build:hsn-base", List.of("build:my-fav-os-base"),
                "build:compute-compute", List.of("build:hsn-base"),
                "build:uan-uan", List.of("build:hsn-base"),
                "build:slurm-compute", List.of("build:compute-compute"),
                "build:slurm-uan", List.of("build:uan-uan")), needs);
        assertEquals("strata-my-fav-os-base", groups.get("build:my-fav-os-base"));
        assertEquals("strata-slurm-uan", groups.get("build:slurm-uan"));

        assertEquals(Map.of("STRATA_NODE", "my-fav-os/base", "STRATA_FROM", "scratch",
                "STRATA_IMAGE", "registry.example.org:5000/ca/my-fav-os-base", "STRATA_TAG", "abc123",
                "STRATA_WORK_DIR", "strata-work/my-fav-os-base"), variables(job(pipeline, "build:my-fav-os-base")));
        assertEquals(Map.of("when", "always", "paths", List.of("strata-work/slurm-uan/result.json", "strata-work/slurm-uan/logs/")),
                job(pipeline, "build:slurm-uan").get("artifacts"), "each job keeps its own log, SBOM and result, failed or not");
        assertEquals("registry.example.org:5000/ca/compute-compute:abc123",
                variables(job(pipeline, "build:slurm-compute")).get("STRATA_FROM"));
    }

    @Test
    void partialPlanStartsFromThePublishedImageOfAReusedParent() {
        BuildPlan plan = plan(Map.of(
                COMPUTE, List.of(new Reason("variable", "cluster-inventory/group_vars/Compute.yml",
                        "compute_hugepages changed from 0 to 512; read by comp.yml or its roles")),
                SLURM_UAN, List.of(new Reason("file", "slurm-uan.conf", "read by slurm.yml"))));
        String yaml = GitLabPipeline.write(plan, new GitLabOptions("java -jar /opt/strata.jar", "site/layers.yaml",
                "registry.example.org/builder:1", List.of("buildah")));
        Map<String, Object> pipeline = parse(yaml);

        assertEquals(List.of("build:compute-compute", "build:slurm-compute", "build:slurm-uan"), jobNames(pipeline));
        Map<String, Object> compute = job(pipeline, "build:compute-compute");
        assertEquals(List.of(), compute.get("needs"), "a reused parent is no job: the chain starts at once");
        assertEquals("registry.example.org:5000/ca/hsn-base:latest", variables(compute).get("STRATA_FROM"));
        Map<String, Object> slurm = job(pipeline, "build:slurm-compute");
        assertEquals(List.of("build:compute-compute"), slurm.get("needs"));
        assertEquals("registry.example.org:5000/ca/compute-compute:abc123", variables(slurm).get("STRATA_FROM"));
        assertEquals("registry.example.org/builder:1", slurm.get("image"));
        assertEquals(List.of("buildah"), slurm.get("tags"));
        Map<String, Object> slurmUan = job(pipeline, "build:slurm-uan");
        assertEquals(List.of(), slurmUan.get("needs"));
        assertEquals("registry.example.org:5000/ca/uan-uan:latest", variables(slurmUan).get("STRATA_FROM"));
        assertFalse(yaml.contains("&id") || yaml.contains("*id"), "no YAML anchors or aliases:\n" + yaml);
        assertEquals(Map.of("STRATA", "java -jar /opt/strata.jar", "STRATA_CONFIG", "site/layers.yaml", "STRATA_PUBLISHED_TAG", "latest",
                "STRATA_BASE", plan.impact().base(), "STRATA_HEAD", plan.impact().head()), pipeline.get("variables"));

        assertTrue(yaml.contains("# build:compute-compute builds compute/compute FROM registry.example.org:5000/ca/hsn-base:latest (published)\n"
                + "#   - variable: cluster-inventory/group_vars/Compute.yml -> compute_hugepages changed from 0 to 512"), yaml);
        assertTrue(yaml.contains("# Reused: my-fav-os/base, hsn/base, uan/uan\n"), yaml);
    }

    @Test
    void emptyPlanIsOneJobThatSaysWhyNothingIsRebuilt() {
        BuildPlan plan = plan(Map.of());
        Map<String, Object> pipeline = parse(GitLabPipeline.write(plan, GitLabOptions.defaults()));

        assertEquals(List.of(GitLabPipeline.NOTHING_JOB), jobNames(pipeline));
        Map<String, Object> job = job(pipeline, GitLabPipeline.NOTHING_JOB);
        assertEquals("build", job.get("stage"));
        assertEquals(List.of(GitLabPipeline.NOTHING_SCRIPT), job.get("script"));
        String message = (String) variables(job).get("STRATA_MESSAGE");
        assertTrue(message.startsWith("Nothing to rebuild"), message);
        assertTrue(message.contains("Change 111111111111..222222222222: 1 changed file(s).\n  changed: roles/slurm/README.md"), message);
        assertTrue(message.contains("slurm/uan: none of the 4 files its playbook pulls in changed"), message);
    }

    @Test
    void hostileNamesStayValuesAndNeverBecomeYamlOrShell() {
        NodeId evil = new NodeId("x\"y: 1\n  script: [rm -rf /]\n# $HOME", "base");
        List<NodeImpact> rebuild = List.of(new NodeImpact(evil, null, true,
                List.of(new Reason("definition", "layers.yaml\nstages: [evil]", "new node\u2028evil: true"))));
        ImpactResult impact = new ImpactResult(null, null, List.of(), rebuild, List.of(), List.of(), Map.of());
        assertThrows(ConfigException.class, () -> Planner.plan(impact, NAMES, "t$HOME", "latest"), "a tag is checked before it is planned");
        BuildPlan plan = Planner.plan(impact, NAMES, "t1", "latest");
        String yaml = GitLabPipeline.write(plan, new GitLabOptions("strata", "$CI_PROJECT_DIR/layers.yaml", null, List.of()));

        String beforeBody = yaml.substring(0, yaml.indexOf("\nstages:"));
        beforeBody.lines().forEach(line -> assertTrue(line.startsWith("#"), () -> "header line is no comment: " + line));
        Map<String, Object> pipeline = parse(yaml);
        assertEquals(3, pipeline.size(), () -> "stages, variables and one job expected: " + pipeline.keySet());
        String name = jobNames(pipeline).get(0);
        assertTrue(name.matches("build:[A-Za-z0-9._-]+"), name);
        Map<String, Object> job = job(pipeline, name);
        assertEquals(Map.of("STRATA_NODE", evil.toString().replace("$", "$$"), "STRATA_FROM", "scratch",
                "STRATA_IMAGE", NAMES.image(evil), "STRATA_TAG", "t1", "STRATA_WORK_DIR", name.replace("build:", "strata-work/")),
                variables(job));
        assertTrue(((String) job.get("resource_group")).matches("strata-[A-Za-z0-9._-]+"));
        assertEquals("$$CI_PROJECT_DIR/layers.yaml", ((Map<?, ?>) pipeline.get("variables")).get("STRATA_CONFIG"));
    }

    @Test
    void jobNamesThatWouldCollideGetASuffix() {
        Map<NodeId, String> names = GitLabPipeline.jobNames(List.of(NodeId.parse("a-b/c"), NodeId.parse("a/b-c"), NodeId.parse("a b/c")));
        assertEquals(List.of("build:a-b-c", "build:a-b-c-2", "build:a-b-c-3"), List.copyOf(names.values()));
        assertNotEquals(names.get(NodeId.parse("a-b/c")), names.get(NodeId.parse("a/b-c")));
        assertFalse(GitLabPipeline.commentText("a\nb\rc\u0085d\u2028e").contains("\n"));
    }
}
