package io.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on a copy of the bundled example site with a git history of typical changes. */
class CommandsTest {

    @TempDir
    Path dir;

    Path config;
    String seed;
    String slurmEdit;
    String readmeEdit;

    @BeforeEach
    void history() throws Exception {
        ExampleSite.copyTo(dir);
        config = dir.resolve("layers.yaml");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            seed = commit(git, "seed");
            edit("roles/slurm/templates/slurm.conf.j2", "SlurmctldHost", "SlurmctldPort=6817\nSlurmctldHost");
            slurmEdit = commit(git, "slurm port");
            edit("roles/slurm/README.md", "Variables:", "Variables (see defaults):");
            readmeEdit = commit(git, "readme");
        }
    }

    private void edit(String path, String find, String replacement) throws IOException {
        Path file = dir.resolve(path);
        String text = Files.readString(file);
        assertTrue(text.contains(find), path);
        Files.writeString(file, text.replace(find, replacement));
    }

    private static String commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                .setSign(false).call().name();
    }

    @Test
    void validateAcceptsTheExample() {
        CliRun run = CliRun.of("validate", "--config", config.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("5 layers, 6 nodes, valid"), run.out());
    }

    @Test
    void validateReportsEveryProblemWithFileAndLineAndExits2() throws IOException {
        Files.writeString(config, Files.readString(config)
                .replace("children: ['compute', 'uan']", "children: ['compute', 'uan', 'gpu']")
                .replace("pb: 'uan.yml'", "pb: 'missing.yml'"));
        CliRun run = CliRun.of("validate", "--config", config.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("layers.yaml:13:"), run.err());
        assertTrue(run.err().contains("'gpu', which is not a layer"), run.err());
        Files.writeString(config, Files.readString(config).replace("children: ['compute', 'uan', 'gpu']", "children: ['compute', 'uan']"));
        run = CliRun.of("validate", "--config", config.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("playbook 'missing.yml' of uan/uan does not exist"), run.err());
        assertTrue(run.err().contains("layers.yaml:21:"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void validateRefusesWhatBuildRefusesEachAtItsLineAndColumn() throws IOException {
        Files.writeString(config, Files.readString(config) + """

                settings:
                  colour: blue
                  build:
                    jobs: 'two'
                    storage_driver: btrfs
                    connection: ssh
                    turbo: true
                """);
        Path packages = dir.resolve("packages.yaml");
        Files.writeString(packages, Files.readString(packages).replace("manager: apt", "manager: 'apt; rm -rf /'"));
        List<String> expected = List.of(
                "layers.yaml:29:3: error: unknown setting (key 'colour')",
                "layers.yaml:31:5: error: must be a whole number from 1 to 64 (key 'settings.build.jobs')",
                "layers.yaml:32:5: error: 'btrfs' is not one of [auto, overlay, vfs] (key 'settings.build.storage_driver')",
                "layers.yaml:33:5: error: 'ssh' is not one of [buildah, chroot] (key 'settings.build.connection')",
                "layers.yaml:34:5: error: unknown build setting (key 'settings.build.turbo')",
                "packages.yaml:2:");
        CliRun validate = CliRun.of("validate", "--config", config.toString());
        assertEquals(2, validate.exitCode(), validate.out());
        for (String problem : expected) {
            assertTrue(validate.err().contains(problem), problem + " in\n" + validate.err());
        }
        Files.writeString(packages, "manager: apt\npackages: [python3\n");
        validate = CliRun.of("validate", "--config", config.toString());
        assertTrue(validate.err().contains("packages.yaml:3:1: error: not valid YAML"), validate.err());
        assertFalse(validate.err().contains("Exception"), validate.err());
    }

    @Test
    void aGroupTheInventoryLacksAndAnImageTypeTheGraphLacksAreErrorsNamingWhatExists() throws IOException {
        Files.writeString(config, Files.readString(config).replace("{type: 'compute', groups: ['Compute'], pb: 'slurm.yml'}",
                "{type: 'compute', groups: ['Compute', 'Gpu'], pb: 'slurm.yml'}"));
        for (String command : List.of("validate", "build")) {
            CliRun run = CliRun.of(command, "--config", config.toString());
            assertEquals(2, run.exitCode(), command + ": " + run.out());
            assertTrue(run.err().contains("layers.yaml:25:7: error: group 'Gpu' of slurm/compute is not in the inventory"), run.err());
            assertTrue(run.err().contains("Compute") && run.err().contains("UAN"), run.err());
        }
        Files.writeString(config, Files.readString(config).replace("'Compute', 'Gpu'", "'Compute'"));
        CliRun run = CliRun.of("impact", "--config", config.toString(), "--base", seed, "--head", slurmEdit, "--image-types", "gpu");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("image type 'gpu' is not an image type of the graph") && run.err().contains("base, compute, uan"),
                run.err());
        assertFalse(run.out().contains("Nothing to rebuild"), run.out());
    }

    @Test
    void planAndGitlabCiRefuseTheTagsAndRegistriesThatBuildRefuses() {
        for (String command : List.of("plan", "gitlab-ci", "build")) {
            CliRun tag = CliRun.of(command, "--config", config.toString(), "--full", "--tag", "v1 final");
            assertEquals(2, tag.exitCode(), command + ": " + tag.out());
            assertTrue(tag.err().contains("'v1 final' is not an image tag"), command + ": " + tag.err());
            CliRun registry = CliRun.of(command, "--config", config.toString(), "--full", "--registry", "https://r.example.org");
            assertEquals(2, registry.exitCode(), command + ": " + registry.out());
            assertTrue(registry.err().contains("'https://r.example.org' is not a registry name"), command + ": " + registry.err());
            assertTrue(registry.out().isEmpty(), command + " wrote: " + registry.out());
        }
    }

    @Test
    void aPathThatIsNoFileSaysWhatItReallyIs() throws IOException {
        Path outside = Files.writeString(dir.resolveSibling(dir.getFileName() + "-outside.yml"), "- hosts: all\n");
        Files.delete(dir.resolve("uan.yml"));
        Files.createSymbolicLink(dir.resolve("uan.yml"), outside);
        Files.writeString(config, Files.readString(config).replace("pb: 'comp.yml'", "pb: 'roles'"));
        CliRun run = CliRun.of("validate", "--config", config.toString());
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("playbook 'roles' of compute/compute is a folder, not a file"), run.err());
        assertTrue(run.err().contains("playbook 'uan.yml' of uan/uan is a symbolic link to " + outside.toRealPath()
                + ", outside the repository"), run.err());
        assertFalse(run.err().contains("does not exist"), run.err());
    }

    @Test
    void repositoryMappingsThatWouldMissAChangeAreRefused() throws IOException {
        Path combined = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-combined"));
        Files.copy(dir.resolve("uan.yml"), combined.resolve("uan.yml"));
        Files.copy(dir.resolve("comp.yml"), combined.resolve("comp.yml"));
        Files.writeString(config, Files.readString(config)
                .replace("compute:\n  image_types:", "compute:\n  repo: 'compute-config'\n  image_types:")
                .replace("uan:\n  image_types:", "uan:\n  repo: 'uan-config'\n  image_types:"));
        String both = "compute-config=" + combined;
        CliRun shared = CliRun.of("validate", "--config", config.toString(), "--repo-dir", both, "--repo-dir", "uan-config=" + combined);
        assertEquals(2, shared.exitCode(), shared.out());
        assertTrue(shared.err().contains("repositories 'compute-config' and 'uan-config' are mapped to one checkout"), shared.err());
        CliRun twice = CliRun.of("validate", "--config", config.toString(), "--repo-dir", both, "--repo-dir", both);
        assertTrue(twice.err().contains("--repo-dir compute-config is given twice"), twice.err());
        CliRun unused = CliRun.of("validate", "--config", config.toString(), "--repo-dir", "slurm-config=" + combined);
        assertTrue(unused.err().contains("no layer of layers.yaml has repo 'slurm-config' (its repositories: compute-config, uan-config)"),
                unused.err());
        CliRun malformed = CliRun.of("validate", "--config", config.toString(), "--repo-dir", "compute-config");
        assertTrue(malformed.err().contains("write NAME=PATH"), malformed.err());
        Files.writeString(config, Files.readString(config).replace("repo: 'uan-config'", "repo: 'uan=cfg'"));
        CliRun equals = CliRun.of("validate", "--config", config.toString());
        assertTrue(equals.err().contains("repository name 'uan=cfg' is not a plain name"), equals.err());
    }

    @Test
    void explainWithJsonIsRefusedSayingWhatGivesJson() {
        CliRun run = CliRun.of("impact", "--config", config.toString(), "--base", seed, "--head", slurmEdit, "--explain", "slurm/uan",
                "--format", "json");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("--every-reason"), run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }

    @Test
    void everyFieldOfTheImpactAndPlanJsonIsDocumented() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "json.md"));
        for (String command : List.of("impact", "plan")) {
            CliRun run = CliRun.of(command, "--config", config.toString(), "--base", seed, "--head", slurmEdit, "--format", "json");
            assertEquals(0, run.exitCode(), run.err());
            List<String> fields = new ArrayList<>();
            collectFields(new ObjectMapper().readTree(run.out()), fields);
            for (String field : fields) {
                assertTrue(docs.contains("`" + field + "`") || docs.contains("." + field + "`"), command + " field " + field);
            }
        }
    }

    private static void collectFields(JsonNode node, List<String> fields) {
        node.fieldNames().forEachRemaining(fields::add);
        node.forEach(child -> collectFields(child, fields));
    }

    @Test
    void impactJsonFollowsTheContract() throws IOException {
        CliRun run = CliRun.of("impact", "--config", config.toString(), "--base", seed, "--head", slurmEdit, "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(1, json.get("schemaVersion").asInt());
        assertEquals(seed, json.get("base").asText());
        assertEquals(slurmEdit, json.get("head").asText());
        assertEquals("[\"roles/slurm/templates/slurm.conf.j2\"]", json.get("changedFiles").toString());
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("schemaVersion", "base", "head", "changedFiles", "rebuild", "reuse"), fields);
        JsonNode first = json.get("rebuild").get(0);
        assertEquals("slurm/compute", first.get("node").asText());
        assertEquals("slurm", first.get("layer").asText());
        assertEquals("compute", first.get("imageType").asText());
        assertEquals("compute/compute", first.get("parent").asText());
        assertTrue(first.get("start").asBoolean());
        assertEquals("role", first.get("reasons").get(0).get("kind").asText());
        assertEquals("roles/slurm/templates/slurm.conf.j2", first.get("reasons").get(0).get("file").asText());
        assertEquals(2, json.get("rebuild").size());
        assertEquals("[\"my-fav-os/base\",\"hsn/base\",\"compute/compute\",\"uan/uan\"]", json.get("reuse").toString());
    }

    @Test
    void exitCodeThreeWhenNothingIsToBeRebuilt() {
        CliRun nothing = CliRun.of("impact", "--config", config.toString(), "--base", slurmEdit, "--head", readmeEdit, "--exit-code");
        assertEquals(3, nothing.exitCode(), nothing.err());
        assertTrue(nothing.out().contains("Nothing to rebuild"), nothing.out());
        CliRun without = CliRun.of("impact", "--config", config.toString(), "--base", slurmEdit, "--head", readmeEdit);
        assertEquals(0, without.exitCode());
    }

    @Test
    void explainSaysWhyANodeIsOrIsNotRebuilt() {
        CliRun rebuilt = CliRun.of("impact", "--config", config.toString(), "--base", seed, "--head", slurmEdit, "--explain", "slurm/uan");
        assertTrue(rebuilt.out().startsWith("slurm/uan is rebuilt (directly affected)"), rebuilt.out());
        assertTrue(rebuilt.out().contains("roles/slurm/templates/slurm.conf.j2"), rebuilt.out());
        CliRun reused = CliRun.of("impact", "--config", config.toString(), "--base", seed, "--head", slurmEdit, "--explain", "uan/uan");
        assertTrue(reused.out().startsWith("uan/uan is reused: "), reused.out());
        CliRun unknown = CliRun.of("impact", "--config", config.toString(), "--base", seed, "--head", slurmEdit, "--explain", "nope/x");
        assertEquals(2, unknown.exitCode());
    }

    @Test
    void unknownRevisionIsAClearError() {
        CliRun run = CliRun.of("impact", "--config", config.toString(), "--base", "no-such-branch");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown revision 'no-such-branch'"), run.err());
        assertTrue(run.err().contains("git fetch"), run.err());
    }

    @Test
    void planGivesLevelsImagesAndParents() throws IOException {
        CliRun run = CliRun.of("plan", "--config", config.toString(), "--base", seed, "--head", slurmEdit, "--format", "json",
                "--registry", "registry.example.org:5000");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("[[\"slurm/compute\",\"slurm/uan\"]]", json.get("levels").toString());
        JsonNode node = json.get("build").get(0);
        assertEquals("registry.example.org:5000/ca/slurm-compute", node.get("image").asText());
        assertEquals(slurmEdit.substring(0, 12), node.get("tag").asText());
        assertEquals("registry.example.org:5000/ca/compute-compute:latest", node.get("from").asText());
        assertFalse(node.get("parentRebuilt").asBoolean());
        assertFalse(json.get("fullBuild").asBoolean());
    }

    @Test
    void fullPlanBuildsFromScratchInLevels() throws IOException {
        CliRun run = CliRun.of("plan", "--config", config.toString(), "--full", "--format", "json", "--tag", "t1");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(4, json.get("levels").size());
        assertEquals("scratch", json.get("build").get(0).get("from").asText());
        assertEquals("localhost/ca/my-fav-os-base:t1", json.get("build").get(1).get("from").asText());
        assertTrue(json.get("fullBuild").asBoolean());
    }

    @Test
    void changedFilesListSaysValuesNeedRevisions() throws IOException {
        Path list = dir.resolve("changed.txt");
        Files.writeString(list, "cluster-inventory/group_vars/UAN.yml\n");
        CliRun run = CliRun.of("impact", "--config", config.toString(), "--changed-files", list.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("value-level precision needs the base and head revisions"), run.out());
        assertTrue(run.out().contains("uan/uan  [start]"), run.out());
        assertTrue(run.out().contains("slurm/uan  [start]"), "slurm/uan sees group UAN, and a variable removed from the file"
                + " cannot be seen without revisions: " + run.out());
    }

    @Test
    void aChangedFilesListWithAPathOutsideTheRepositoryNamesTheListAndItsLine() throws IOException {
        Path list = dir.resolve("changed.txt");
        Files.writeString(list, "# changed\nroles/slurm/tasks/main.yml\n../outside.yml\n");
        CliRun run = CliRun.of("plan", "--config", config.toString(), "--changed-files", list.toString());
        assertEquals(2, run.exitCode(), run.out());
        assertEquals("error: --changed-files " + list + ":3: '../outside.yml' is not a path inside the repository; give paths"
                + " relative to the repository's root, as git diff --name-only prints them\n", run.err());
    }

    @Test
    void graphSvgIsSelfContained() {
        CliRun run = CliRun.of("graph", "--config", config.toString(), "--format", "svg", "--base", seed, "--head", slurmEdit);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("<svg") || run.out().startsWith("<?xml"), run.out());
        assertFalse(run.out().contains("http://") && run.out().contains("href=\"http"), "no external references");
    }

    @Test
    void sayingNothingAboutTheChangeIsAClearError() {
        CliRun run = CliRun.of("impact", "--config", config.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("say what changed"), run.err());
    }
}
