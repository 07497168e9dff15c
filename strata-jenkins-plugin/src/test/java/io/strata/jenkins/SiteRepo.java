package io.strata.jenkins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * The repository's example site ({@code examples/cluster}) committed to a git repository built by
 * a test: {@code my-fav-os/base -> hsn/base -> {compute/compute -> slurm/compute, uan/uan -> slurm/uan}},
 * images named {@code localhost/ca/<layer>-<type>}.
 */
final class SiteRepo implements AutoCloseable {

    /** The repository's root, seen from the module's folder where Maven runs the tests. */
    static final Path REPOSITORY_ROOT = Path.of("..");

    private final Path dir;
    private final Git git;

    private SiteRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    /** A new repository in {@code dir} holding the example site, committed on {@code main}. */
    static SiteRepo create(Path dir) throws IOException, GitAPIException {
        Path example = REPOSITORY_ROOT.resolve("examples/cluster");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(example)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path target = dir.resolve(example.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
        SiteRepo site = new SiteRepo(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
        site.commit("clusterA site");
        return site;
    }

    Git git() {
        return git;
    }

    /** Changes the UAN message of the day: rebuilds uan/uan and slurm/uan. */
    String changeUan() throws IOException, GitAPIException {
        return edit("cluster-inventory/group_vars/UAN.yml", "Submit jobs with sbatch.", "Submit jobs with sbatch; docs at /docs.");
    }

    /** Turns huge pages on for compute nodes: rebuilds compute/compute and slurm/compute. */
    String changeCompute() throws IOException, GitAPIException {
        return edit("cluster-inventory/group_vars/Compute.yml", "compute_hugepages: 0", "compute_hugepages: 512");
    }

    private String edit(String path, String find, String replacement) throws IOException, GitAPIException {
        Path file = dir.resolve(path);
        String text = Files.readString(file);
        if (!text.contains(find)) {
            throw new IllegalStateException(path + " no longer contains '" + find + "': update the test");
        }
        Files.writeString(file, text.replace(find, replacement));
        return commit("edit " + path);
    }

    private String commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                .setSign(false).call().name();
    }

    @Override
    public void close() {
        git.close();
    }
}
