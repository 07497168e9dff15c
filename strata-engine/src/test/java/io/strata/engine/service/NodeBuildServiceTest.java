package io.strata.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.builder.BuildRequest;
import io.strata.engine.builder.runner.NodeJob;
import io.strata.engine.config.ConfigException;
import io.strata.engine.graph.NodeId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one node's build runs, on the repository's example site committed to git (no buildah needed). */
class NodeBuildServiceTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "cluster");

    @TempDir
    Path dir;

    @TempDir
    Path work;

    private String commit;

    @BeforeEach
    void site() throws Exception {
        try (Stream<Path> walk = Files.walk(EXAMPLE)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path copy = dir.resolve(EXAMPLE.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            commit = git.commit().setMessage("site").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                    .setSign(false).call().name();
        }
    }

    @Test
    void aNodeIsBuiltFromThePlansImageUnderTheSitesNames() {
        BuildRequest request = NodeBuildService.prepare(request("slurm/uan", "registry.example.org/ca/uan-uan:abc",
                new ImageOptions(null, "registry.example.org", "abc", null), null));

        NodeJob job = request.jobs().get(0);
        assertEquals(List.of("slurm/uan", "uan/uan", "registry.example.org/ca/slurm-uan", "abc", "registry.example.org/ca/uan-uan:abc"),
                List.of(job.node().toString(), job.parent().toString(), job.image(), job.tag(), job.from()));
        assertEquals("registry.example.org", request.registry());
        assertEquals("latest", request.mutableTag());
        assertEquals(commit, request.source().revision());
        assertEquals(work.toAbsolutePath().normalize(), request.workDir());
    }

    @Test
    void aMergeRequestsBuildGetsItsOwnTagAndNeverThePublishedOne() {
        BuildRequest request = NodeBuildService.prepare(request("slurm/uan", "registry.example.org/ca/uan-uan:mr-42",
                new ImageOptions(null, "registry.example.org", null, "stable", "42"), null));
        assertEquals("mr-42", request.jobs().get(0).tag());
        assertNull(request.mutableTag(), "a merge request moves no published tag, even one given");
        BuildRequest branch = NodeBuildService.prepare(request("slurm/uan", "registry.example.org/ca/uan-uan:abc",
                new ImageOptions(null, "registry.example.org", null, "stable", null), null));
        assertEquals("stable", branch.mutableTag());
    }

    @Test
    void withoutARegistryTheImageStaysInTheLocalStoreTaggedWithTheCommit() {
        BuildRequest request = NodeBuildService.prepare(request("my-fav-os/base", null, ImageOptions.defaults(), "vfs"));

        NodeJob job = request.jobs().get(0);
        assertNull(request.registry());
        assertEquals(List.of("localhost/ca/my-fav-os-base", commit.substring(0, 12), "scratch"), List.of(job.image(), job.tag(), job.from()));
        assertEquals("vfs", request.settings().storageDriver());
    }

    @Test
    void wrongNodesImagesTagsAndDriversAreProblemsSayingWhatToDo() throws IOException {
        assertProblem("needs the image to build FROM", request("slurm/uan", null, ImageOptions.defaults(), null));
        assertProblem("is a root, built from scratch", request("my-fav-os/base", "localhost/ca/x:1", ImageOptions.defaults(), null));
        assertProblem("no node slurm/gpu", request("slurm/gpu", "localhost/ca/x:1", ImageOptions.defaults(), null));
        assertProblem("is not an image tag", request("uan/uan", "localhost/ca/hsn-base:1", new ImageOptions(null, null, "-x", null), null));
        assertProblem("unknown storage driver 'btrfs'", request("uan/uan", "localhost/ca/hsn-base:1", ImageOptions.defaults(), "btrfs"));

        Files.writeString(dir.resolve("uan.yml"), "- hosts: UAN\n  roles: [uan]\n");
        BuildRequest dirty = NodeBuildService.prepare(request("uan/uan", "localhost/ca/hsn-base:1", ImageOptions.defaults(), null));
        assertEquals(commit.substring(0, 12) + "-dirty", dirty.jobs().get(0).tag());
    }

    @Test
    void twoRepositoryNamesMappedToOneCheckoutAreRefusedOnTheServicePathToo() throws IOException {
        Path shared = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-shared"));
        SiteCheckout site = new SiteCheckout(dir, "layers.yaml", Map.of("hsn-config", shared, "slurm-config", shared));
        ConfigException e = assertThrows(ConfigException.class, () -> NodeBuildService.prepare(new NodeBuildRequest(site,
                NodeId.parse("uan/uan"), "localhost/ca/hsn-base:1", null, ImageOptions.defaults(), null, false, work)));
        assertTrue(e.getMessage().contains("are mapped to one checkout"), e.getMessage());
    }

    @Test
    void aRepositoryNameNoLayerUsesIsRefusedOnTheServicePathToo() throws IOException {
        Path other = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-other"));
        SiteCheckout site = new SiteCheckout(dir, "layers.yaml", Map.of("slurm-confg", other));
        ConfigException e = assertThrows(ConfigException.class, () -> NodeBuildService.prepare(new NodeBuildRequest(site,
                NodeId.parse("uan/uan"), "localhost/ca/hsn-base:1", null, ImageOptions.defaults(), null, false, work)));
        assertTrue(e.getMessage().contains("repoDirs slurm-confg: no layer of layers.yaml has repo 'slurm-confg' (it names no repository)"),
                e.getMessage());
    }

    private NodeBuildRequest request(String node, String from, ImageOptions images, String driver) {
        return new NodeBuildRequest(SiteCheckout.of(dir, "layers.yaml"), NodeId.parse(node), from, null, images, driver, false, work);
    }

    private static void assertProblem(String expected, NodeBuildRequest request) {
        ConfigException e = assertThrows(ConfigException.class, () -> NodeBuildService.prepare(request));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
