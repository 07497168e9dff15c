package io.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.engine.cache.AnalysisStore;
import io.strata.engine.plan.PlanJson;
import io.strata.engine.service.ChangeSpec;
import io.strata.engine.service.ImageOptions;
import io.strata.engine.service.PlanRequest;
import io.strata.engine.service.PlanService;
import io.strata.engine.service.SiteCheckout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata plan} and the service path the Jenkins {@code layerImpact} step takes give the same
 * plan, tags included, for the same checkout and change: one tag rule for every front-end.
 */
class SamePlanTest {

    @TempDir
    Path dir;

    private String seed;
    private String edit;

    @BeforeEach
    void exampleWithHistory() throws Exception {
        ExampleSite.copyTo(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            seed = commit(git, "seed");
            Path template = dir.resolve("roles/slurm/templates/slurm.conf.j2");
            Files.writeString(template, Files.readString(template) + "# port\n");
            edit = commit(git, "slurm");
        }
    }

    private static String commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                .setSign(false).call().name();
    }

    private JsonNode cli(String... change) throws Exception {
        String[] args = Stream.concat(Stream.of("plan", "--config", dir.resolve("layers.yaml").toString(), "--format", "json",
                "--registry", "reg.example:5000"), Stream.of(change)).toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    private JsonNode service(ChangeSpec change) throws Exception {
        PlanRequest request = new PlanRequest(SiteCheckout.of(dir, "layers.yaml"), change, Set.of(), Set.of(),
                new ImageOptions("reg.example:5000", null, null, null), AnalysisStore.none());
        return new ObjectMapper().readTree(PlanJson.write(PlanService.plan(request).plan()));
    }

    @Test
    void aChangeBetweenTwoRevisionsIsPlannedAlike() throws Exception {
        JsonNode cli = cli("--base", seed, "--head", edit);
        assertEquals(cli, service(new ChangeSpec.Revisions(null, seed, edit, false)));
        assertEquals(edit.substring(0, 12), cli.get("tag").asText());
    }

    @Test
    void aFullBuildIsTaggedWithTheCheckoutsCommitByBothNotDev() throws Exception {
        JsonNode cli = cli("--full");
        assertEquals(cli, service(new ChangeSpec.Everything()));
        assertEquals(edit.substring(0, 12), cli.get("tag").asText(), "the tag strata build --full writes");
    }

    @Test
    void aFullBuildOfAModifiedCheckoutSaysSoInItsTag() throws Exception {
        Path hosts = dir.resolve("cluster-inventory/hosts.yml");
        Files.writeString(hosts, Files.readString(hosts) + "# local edit\n");
        JsonNode cli = cli("--full");
        assertEquals(cli, service(new ChangeSpec.Everything()));
        assertTrue(cli.get("tag").asText().equals(edit.substring(0, 12) + "-dirty"), cli.get("tag").asText());
    }
}
