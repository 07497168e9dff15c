package io.strata.pipeline;

import io.strata.cli.StrataCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import picocli.CommandLine;

/**
 * Plans written by the real {@code strata plan --format json}, as {@code layerImpact} returns
 * them: a site copied into a fresh git repository with one commit, a change committed on top of
 * it, and the plan of that change.
 */
final class SitePlans implements AutoCloseable {

    /** The bundled example site (five layers, six nodes). */
    static final Path EXAMPLE = Path.of(System.getProperty("strata.example"));
    /** A wider DAG: two roots, a fan-out of four under the network layer, Slurm per type. */
    static final Path WIDE = Path.of("src/test/resources/wide-site").toAbsolutePath();

    private final Path checkout;
    private final Git git;

    private SitePlans(Path checkout, Git git) {
        this.checkout = checkout;
        this.git = git;
    }

    /** A copy of {@code site} under {@code dir}, committed once. */
    static SitePlans of(Path site, Path dir) throws IOException, GitAPIException {
        copy(site, dir);
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        SitePlans plans = new SitePlans(dir, git);
        plans.commit("seed");
        return plans;
    }

    /** Appends {@code text} to a file of the site and commits it. */
    SitePlans change(String file, String text) throws IOException, GitAPIException {
        Path path = checkout.resolve(file);
        Files.writeString(path, Files.readString(path) + text);
        commit("change " + file);
        return this;
    }

    /** The JSON of {@code strata plan} with these options, on the last commit. */
    String plan(String... options) {
        List<String> args = new ArrayList<>(List.of("plan", "--config", checkout.resolve("layers.yaml").toString(), "--format", "json"));
        args.addAll(List.of(options));
        CommandLine cli = StrataCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("strata " + args + " exited " + code + ": " + err);
        }
        return out.toString();
    }

    @Override
    public void close() {
        git.close();
    }

    private void commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").call();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
