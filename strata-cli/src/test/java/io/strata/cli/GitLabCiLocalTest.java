package io.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The child pipeline that {@code strata gitlab-ci} writes for the bundled example, run by a real
 * GitLab runner: gitlab-ci-local (pinned in {@code ci/gitlab}) with its shell executor, the
 * {@code STRATA} variable pointing at a recorder that appends each job's arguments to a file.
 * Skipped when gitlab-ci-local is not installed; failed instead when {@value #REQUIRED} is set
 * ({@code .ci/run} installs it and sets that variable, so a broken install cannot pass as a skip).
 */
class GitLabCiLocalTest {

    static final Path RUNNER = Path.of("..", "ci", "gitlab", "node_modules", ".bin", "gitlab-ci-local").toAbsolutePath().normalize();
    static final String CHILD = "strata-child.yml";
    /** The environment variable that turns a missing runner from a skip into a failure. */
    static final String REQUIRED = "STRATA_REQUIRE_GITLAB_RUNNER";
    static final String RECORDER = """
            #!/bin/sh
            # Stands in for strata in the generated jobs: one line per call, its arguments tab-separated.
            line=$(printf '%s\\t' "$@")
            printf '%s\\n' "$line" >> "$STRATA_RECORD"
            """;

    @TempDir
    Path dir;

    Path site;
    Path recorder;
    Path record;
    String seed;

    @BeforeEach
    void siteWithHistory() throws Exception {
        RequiredTools.need(REQUIRED, Files.isExecutable(RUNNER), "gitlab-ci-local is not installed at " + RUNNER
                + ": run `npm ci` in ci/gitlab (Node.js 20) and `apt-get install -y rsync`, as .ci/run does");
        RequiredTools.need(REQUIRED, onPath("rsync"), "gitlab-ci-local needs rsync: apt-get install -y rsync");
        site = dir.resolve("site");
        ExampleSite.copyTo(site);
        try (Git git = Git.init().setDirectory(site.toFile()).setInitialBranch("main").call()) {
            seed = commit(git, "example site");
        }
        recorder = dir.resolve("strata-recorder");
        Files.writeString(recorder, RECORDER);
        Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwxr-xr-x"));
        record = dir.resolve("calls.tsv");
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, command)));
    }

    private static String commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                .setSign(false).call().name();
    }

    /** Applies the demo's changes with these titles' files and commits them as one change. */
    private String change(String... files) throws Exception {
        Set<String> wanted = Set.of(files);
        List<DemoScenario> scenarios = DemoScenario.all().stream().filter(s -> wanted.contains(s.file())).toList();
        assertEquals(wanted.size(), scenarios.size(), "the demo no longer edits " + wanted);
        for (DemoScenario scenario : scenarios) {
            scenario.apply(site);
        }
        try (Git git = Git.open(site.toFile())) {
            return commit(git, String.join(", ", files));
        }
    }

    private void writeChildPipeline(String head) {
        CliRun run = CliRun.of("gitlab-ci", "--config", site.resolve("layers.yaml").toString(), "--base", seed,
                "--head", head, "--tag", "t1", "-o", site.resolve(CHILD).toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    /** Runs gitlab-ci-local on the child pipeline; returns its standard output (its standard error: the failure message). */
    private String runPipeline(String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(RUNNER.toString(), "--file", CHILD,
                "--no-color", "--variable", "STRATA=" + recorder, "--variable", "STRATA_RECORD=" + record));
        command.addAll(List.of(extra));
        Path out = dir.resolve("gitlab-ci-local.out");
        Path err = dir.resolve("gitlab-ci-local.err");
        Process process = new ProcessBuilder(command).directory(site.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("gitlab-ci-local did not finish: " + Files.readString(out) + Files.readString(err));
        }
        String output = Files.readString(out);
        assertEquals(0, process.exitValue(), () -> command + "\n" + output + readQuietly(err));
        return output;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** Each recorded call: node to its arguments, in the order the jobs ran. */
    private Map<String, List<String>> calls() throws IOException {
        Map<String, List<String>> calls = new LinkedHashMap<>();
        if (!Files.exists(record)) {
            return calls;
        }
        for (String line : Files.readAllLines(record)) {
            List<String> args = List.of(line.split("\t"));
            String node = args.get(args.indexOf("--node") + 1);
            assertFalse(calls.containsKey(node), node + " was built twice: " + calls);
            calls.put(node, args);
        }
        return calls;
    }

    private static String option(List<String> args, String name) {
        return args.get(args.indexOf(name) + 1);
    }

    @Test
    void runsExactlyThePlannedNodesEachAfterItsParent() throws Exception {
        writeChildPipeline(change("roles/slurm/templates/slurm.conf.j2", "cluster-inventory/group_vars/Compute.yml"));

        JsonNode jobs = new ObjectMapper().readTree(runPipeline("--list-json"));
        Map<String, List<String>> needs = new LinkedHashMap<>();
        for (JsonNode job : jobs) {
            List<String> names = new ArrayList<>();
            job.get("needs").forEach(need -> names.add(need.get("job").asText()));
            needs.put(job.get("name").asText(), names);
        }
        assertEquals(Map.of("build:compute-compute", List.of(), "build:slurm-compute", List.of("build:compute-compute"),
                "build:slurm-uan", List.of()), needs);

        String output = runPipeline();
        assertTrue(output.contains("PASS  build:slurm-compute"), output);
        Map<String, List<String>> calls = calls();
        assertEquals(Set.of("compute/compute", "slurm/compute", "slurm/uan"), calls.keySet(), output);
        List<String> order = List.copyOf(calls.keySet());
        assertTrue(order.indexOf("compute/compute") < order.indexOf("slurm/compute"), "child ran before its parent: " + order);

        List<String> compute = calls.get("compute/compute");
        assertEquals("build", compute.get(0));
        assertEquals("localhost/ca/hsn-base:latest", option(compute, "--from"), "reused parent: its published image");
        assertEquals("localhost/ca/compute-compute", option(compute, "--image"));
        assertEquals("t1", option(compute, "--tag"));
        assertEquals(site.resolve("layers.yaml").toString(), option(compute, "--config"));
        assertEquals("localhost/ca/compute-compute:t1", option(calls.get("slurm/compute"), "--from"),
                "a parent built in the pipeline: the image its job just built");
        assertEquals("localhost/ca/uan-uan:latest", option(calls.get("slurm/uan"), "--from"));
    }

    @Test
    void aChangeThatRebuildsNothingRunsOneJobThatSaysWhyAndBuildsNothing() throws Exception {
        writeChildPipeline(change("roles/slurm/README.md"));
        String output = runPipeline();
        assertTrue(output.contains("PASS  strata:nothing-to-build"), output);
        assertTrue(output.contains("Nothing to rebuild: every node is reused"), output);
        assertTrue(output.contains("changed: roles/slurm/README.md"), output);
        assertEquals(Map.of(), calls(), "strata was run although nothing is to be rebuilt");
    }

    @Test
    void aMergeRequestsJobsPublishImmutableTagsOnlyAndTheBranchsJobsPromote() throws Exception {
        String head = change("roles/slurm/templates/slurm.conf.j2");
        CliRun mergeRequest = CliRun.of("gitlab-ci", "--config", site.resolve("layers.yaml").toString(), "--base", seed,
                "--head", head, "--registry", "registry.example.org:5000", "--merge-request", "42", "-o", site.resolve(CHILD).toString());
        assertEquals(0, mergeRequest.exitCode(), mergeRequest.err());
        runPipeline();
        List<String> built = calls().get("slurm/compute");
        assertEquals("mr-42", option(built, "--tag"));
        assertEquals("registry.example.org:5000", option(built, "--registry"));
        assertTrue(built.contains("--no-published-tag") && built.contains("--reuse") && !built.contains("--published-tag"), built.toString());
        Files.delete(record);

        CliRun branch = CliRun.of("gitlab-ci", "--config", site.resolve("layers.yaml").toString(), "--base", seed,
                "--head", head, "--registry", "registry.example.org:5000", "-o", site.resolve(CHILD).toString());
        assertEquals(0, branch.exitCode(), branch.err());
        runPipeline();
        List<String> promoted = calls().get("slurm/compute");
        assertEquals(head.substring(0, 12), option(promoted, "--tag"));
        assertEquals("latest", option(promoted, "--published-tag"));
        assertTrue(promoted.contains("--reuse") && !promoted.contains("--no-published-tag"), promoted.toString());
    }

    @Test
    void aMultiRepositorySitesJobsGetEveryRepositoryAtThePlansCommit() throws Exception {
        // hsn-config: a repository of its own (its upstream), checked out beside the site.
        Path upstream = dir.resolve("hsn-upstream");
        Files.createDirectories(upstream);
        Files.copy(site.resolve("hsn.yml"), upstream.resolve("hsn.yml"));
        ExampleSite.copyTree(site.resolve("roles/hsn"), upstream.resolve("roles/hsn"));
        String planned;
        try (Git git = Git.init().setDirectory(upstream.toFile()).setInitialBranch("main").call()) {
            planned = commit(git, "hsn layer");
        }
        Path checkout = dir.resolve("hsn-checkout");
        Git.cloneRepository().setURI(upstream.toString()).setDirectory(checkout.toFile()).call().close();
        try (Git git = Git.open(upstream.toFile())) {
            Files.writeString(upstream.resolve("later.txt"), "a later commit the jobs must not take\n");
            commit(git, "later");
        }
        Files.writeString(site.resolve("layers.yaml"), Files.readString(site.resolve("layers.yaml"))
                .replace("hsn:\n  image_types:", "hsn:\n  repo: 'hsn-config'\n  image_types:"));
        try (Git git = Git.open(site.toFile())) {
            commit(git, "hsn layer in its own repository");
        }
        CliRun written = CliRun.of("gitlab-ci", "--config", site.resolve("layers.yaml").toString(), "--start-at", "hsn/base",
                "--image-types", "compute", "--repo-dir", "hsn-config=" + checkout, "--tag", "t1", "-o", site.resolve(CHILD).toString());
        assertEquals(0, written.exitCode(), written.err());
        Path checkouts = dir.resolve("job-repos");
        Files.writeString(recorder, RECORDER + """
                for mapping in $STRATA_REPO_DIRS; do
                    printf '%s\\t%s\\n' "$mapping" "$(git -C "${mapping#*=}" rev-parse HEAD)" >> "$STRATA_RECORD.repos"
                done
                """);
        String output = runPipeline("--variable", "STRATA_REPOS_DIR=" + checkouts);
        assertTrue(output.contains("strata: repository hsn-config at " + planned), output);
        assertEquals(Set.of("hsn/base", "compute/compute", "slurm/compute"), calls().keySet(), output);
        List<String> seen = Files.readAllLines(Path.of(record + ".repos"));
        assertEquals(3, seen.size(), seen.toString());
        for (String line : seen) {
            assertEquals("hsn-config=" + checkouts.resolve("hsn-config") + "\t" + planned, line, "each job, the plan's commit");
        }
    }
}
