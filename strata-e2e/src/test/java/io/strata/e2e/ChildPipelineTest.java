package io.strata.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.engine.contents.Sbom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The child pipeline {@code strata gitlab-ci} writes, run by a real GitLab runner (gitlab-ci-local,
 * shell executor) with the real strata, each job on a fresh store of its own as separate runners
 * would be: every planned image must reach the registry with the plan's tags, and each child must
 * be built FROM the image its parent's job pushed.
 */
@ExtendWith(E2eEnvironment.Resolver.class)
class ChildPipelineTest {

    /** The runner: {@code -Dstrata.gitlab.runner} (as {@code .ci/run} passes it), else the checkout's. */
    static final Path RUNNER = Path.of(System.getProperty("strata.gitlab.runner", "../ci/gitlab/node_modules/.bin/gitlab-ci-local"))
            .toAbsolutePath().normalize();

    /** A fresh runner per job: a store of its own, removed after the job. */
    static final String FRESH_RUNNER = """
            #!/bin/sh
            job=$(mktemp -d "$STRATA_JOBS/job.XXXXXX")
            printf '[storage]\\ndriver = "overlay"\\ngraphroot = "%s/store"\\nrootless_storage_path = "%s/store"\\n' "$job" "$job" \\
                > "$job/storage.conf"
            mkdir -m 700 "$job/xdg"
            export CONTAINERS_STORAGE_CONF="$job/storage.conf" XDG_RUNTIME_DIR="$job/xdg"
            "$STRATA_JAVA" -cp "$STRATA_CP" io.strata.cli.StrataCommand "$@" --progress plain
            rc=$?
            buildah unshare rm -rf "$job/store"
            exit $rc
            """;

    @Test
    void theGeneratedJobsPublishWhatThePlanSaysEachFromItsParentsPushedImage(E2eEnvironment env) throws Exception {
        Toolchain.require(Files.isExecutable(RUNNER), "gitlab-ci-local is not installed at " + RUNNER + "; .ci/run installs it");
        Path site = env.site("pipeline");
        // Repositories of its own (cp/...), so that its in-<digest> tags, which never move, are not the other tests'.
        Files.writeString(site.resolve("layers.yaml"), Files.readString(site.resolve("layers.yaml"))
                .replace("cluster_name_short: 'ca'", "cluster_name_short: 'cp'"));
        try (Git git = Git.init().setDirectory(site.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("site").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").setSign(false).call();
        }
        // The pipeline's own published tag, so that it moves no tag the other tests read.
        String root = E2eEnvironment.repository("my-fav-os", "base");
        assertEquals(0, env.run("skopeo", "copy", "--src-tls-verify=false", "--dest-tls-verify=false",
                "--src-creds", E2eEnvironment.USER + ":" + E2eEnvironment.PASSWORD, "--dest-creds", E2eEnvironment.USER + ":" + E2eEnvironment.PASSWORD,
                "docker://" + env.registry().host() + "/" + root + ":base",
                "docker://" + env.registry().host() + "/" + root.replace("ca/", "cp/") + ":pipeline").exit());
        List<String> planArgs = List.of("--start-at", "hsn/base", "--image-types", "compute", "--tag", "p1", "--published-tag", "pipeline");
        List<String> args = new ArrayList<>(List.of("gitlab-ci", "-o", site.resolve("child.yml").toString()));
        args.addAll(planArgs);
        Run written = env.strataCommand(site, args.toArray(String[]::new));
        assertEquals(0, written.exit(), written.all());
        List<String> plan = new ArrayList<>(List.of("plan", "--format", "json"));
        plan.addAll(planArgs);
        Run planned = env.strataCommand(site, plan.toArray(String[]::new));
        assertEquals(0, planned.exit(), planned.all());
        JsonNode build = new ObjectMapper().readTree(planned.out()).path("build");
        assertEquals(3, build.size(), planned.out());

        Path jobs = Files.createDirectories(site.resolveSibling("pipeline-jobs"));
        Path fresh = site.resolveSibling("fresh-runner.sh");
        Files.writeString(fresh, FRESH_RUNNER);
        Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rwx------"));
        List<String> command = new ArrayList<>(List.of(RUNNER.toString(), "--file", "child.yml", "--no-color",
                "--variable", "STRATA=" + fresh, "--variable", "STRATA_JOBS=" + jobs,
                "--variable", "STRATA_JAVA=" + Path.of(System.getProperty("java.home"), "bin", "java"),
                "--variable", "STRATA_CP=" + System.getProperty("java.class.path")));
        for (Map.Entry<String, String> credential : E2eEnvironment.credentials(E2eEnvironment.PASSWORD).entrySet()) {
            command.addAll(List.of("--variable", credential.getKey() + "=" + credential.getValue()));
        }
        ProcessBuilder runner = new ProcessBuilder(command).directory(site.toFile()).redirectErrorStream(true)
                .redirectOutput(site.resolveSibling("pipeline.out").toFile());
        runner.environment().remove("CONTAINERS_STORAGE_CONF");
        Process process = runner.start();
        assertTrue(process.waitFor(15, TimeUnit.MINUTES), "the pipeline did not finish");
        String output = Files.readString(site.resolveSibling("pipeline.out"));
        assertEquals(0, process.exitValue(), output);

        for (JsonNode node : build) {
            String image = node.path("image").asText();
            String repository = image.substring(image.indexOf('/') + 1);
            List<String> tags = env.registry().tags(repository);
            assertTrue(tags.contains("p1") && tags.contains("pipeline") && tags.stream().anyMatch(tag -> tag.startsWith("in-")),
                    image + " has the plan's tags: " + tags + "\n" + output);
            assertEquals(env.registry().digest(repository, "p1"), env.registry().digest(repository, "pipeline"),
                    "the published tag names the image of this run: " + image);
            String from = node.path("from").asText();
            String parentRepository = from.substring(from.indexOf('/') + 1, from.lastIndexOf(':'));
            String parentTag = from.substring(from.lastIndexOf(':') + 1);
            assertEquals(env.registry().imageId(parentRepository, parentTag),
                    env.registry().labels(repository, "p1").path("io.strata.parent.id").asText(),
                    node.path("node").asText() + " was built FROM the image its parent's job pushed (" + from + ")");
        }
        assertEquals(List.of(), env.containers(), "no job left a container in the shared store");

        // Each job kept its log, SBOM and result as artifacts (gitlab-ci-local copies them under .gitlab-ci-local/artifacts/).
        for (JsonNode node : build) {
            String slug = node.path("node").asText().replace('/', '-');
            Path kept;
            try (Stream<Path> files = Files.walk(site.resolve(".gitlab-ci-local").resolve("artifacts"))) {
                kept = files.filter(f -> f.endsWith(Path.of("strata-work", slug, "result.json"))).findFirst()
                        .orElseThrow(() -> new AssertionError("no result.json artifact of " + slug + "\n" + output)).getParent();
            }
            JsonNode result = new ObjectMapper().readTree(kept.resolve("result.json").toFile()).path("nodes").path(0);
            assertEquals(node.path("node").asText() + " built", result.path("node").asText() + " " + result.path("result").asText());
            assertTrue(Files.readString(kept.resolve("logs").resolve(slug + ".log")).contains("changes: "), slug + " log");
            assertEquals(List.of(), Sbom.problems(Files.readString(kept.resolve("logs").resolve(slug + ".cdx.json"))), slug + " SBOM");
        }
    }
}
