package io.strata.cli;

import io.strata.engine.change.ChangeSet;
import io.strata.engine.change.GitChangeSets;
import io.strata.engine.impact.ImpactAnalyzer;
import io.strata.engine.impact.ImpactRequest;
import io.strata.engine.impact.ImpactResult;
import io.strata.engine.render.GraphPicture;
import io.strata.engine.render.SvgRenderer;
import io.strata.engine.site.SiteSnapshot;
import io.strata.engine.site.SiteTrees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strata demo}: copies the example site into a throwaway git repository, commits a few
 * typical changes, and shows what each rebuilds and why, with a picture of each.
 */
@Command(name = DemoCommand.NAME, mixinStandardHelpOptions = true,
        description = "Run typical changes on the bundled example site in a throwaway git history and show what each rebuilds.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every scenario ran", "2:the example or the output folder cannot be used"},
        footerHeading = "%nExamples:%n",
        footer = {"  strata demo", "  strata demo -o /tmp/strata-demo"})
final class DemoCommand implements Callable<Integer> {

    /** The subcommand's name. */
    static final String NAME = "demo";

    @Option(names = "--example", paramLabel = "DIR",
            description = "The example site to copy (default: examples/cluster of the checkout, else the one bundled in strata).")
    Path example;

    /** Where the example site is bundled among the classes. */
    private static final String BUNDLED = "/io/strata/cli/example/";

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "strata-demo",
            description = "Where the throwaway repository and the SVG pictures go (default: ${DEFAULT-VALUE}).")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private static final String CONFIG = "layers.yaml";

    @Override
    public Integer call() throws IOException, GitAPIException {
        Path site = output.resolve("site");
        deleteTree(site);
        Files.createDirectories(site);
        Path checkout = Path.of("examples", "cluster");
        if (example != null) {
            if (!Files.isRegularFile(example.resolve(CONFIG))) {
                throw new UserError("--example " + example + ": no " + CONFIG + " there");
            }
            copyTree(example, site);
        } else if (Files.isRegularFile(checkout.resolve(CONFIG))) {
            copyTree(checkout, site);
        } else {
            copyBundled(site);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Git git = Git.init().setDirectory(site.toFile()).setInitialBranch("main").call()) {
            RevCommit first = commit(git, "Example site as checked in");
            out.printf("Throwaway site repository: %s (commit %s)%n", site, first.abbreviate(12).name());
            Files.writeString(output.resolve("00-graph.svg"),
                    SvgRenderer.render(new GraphPicture(SiteSnapshot.load(CONFIG,
                            SiteTrees.single(io.strata.engine.source.DirectorySourceTree.of(site))).graph(), null)));
            RevCommit previous = first;
            int number = 1;
            for (DemoScenario scenario : DemoScenario.all()) {
                scenario.apply(site);
                RevCommit next = commit(git, scenario.title());
                show(out, number, scenario.title(), site, previous.name(), next.name(), slug(number, scenario.title()));
                previous = next;
                number++;
            }
            show(out, number, "The whole branch as one merge request (" + first.abbreviate(7).name() + "..."
                    + previous.abbreviate(7).name() + ")", site, first.name(), previous.name(), slug(number, "merge request"));
        }
        out.printf("%nPictures: %s%n", output.resolve("*.svg"));
        out.flush();
        return 0;
    }

    private void show(PrintWriter out, int number, String title, Path site, String base, String head, String file) throws IOException {
        ChangeSet change = GitChangeSets.between(site, null, base, head, true);
        ImpactResult result = new ImpactAnalyzer().analyze(ImpactRequest.of(CONFIG, change));
        out.printf("%n=== %d. %s%n", number, title);
        change.files().forEach(f -> out.printf("    changed: %s%n", f.path()));
        out.print(ImpactText.render(result));
        Path svg = output.resolve(file + ".svg");
        Files.writeString(svg, SvgRenderer.render(new GraphPicture(
                SiteSnapshot.load(CONFIG, SiteTrees.single(change.head())).graph(), result)));
        out.printf("Picture: %s%n", svg);
    }

    private static String slug(int number, String title) {
        String words = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return String.format("%02d-%s", number, words.length() > 40 ? words.substring(0, 40) : words);
    }

    private static RevCommit commit(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor("Strata demo", "demo@example.org")
                .setCommitter("Strata demo", "demo@example.org").setSign(false).call();
    }

    /** Copies the example bundled among the classes (in the jar, or in the build's class folder). */
    private static void copyBundled(Path to) throws IOException {
        URL config = DemoCommand.class.getResource(BUNDLED + CONFIG);
        if (config == null) {
            throw new UserError("this strata has no bundled example; pass --example DIR");
        }
        try {
            URI uri = config.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyTree(jar.getPath(BUNDLED), to);
                }
            } else {
                copyTree(Path.of(uri).getParent(), to);
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the bundled example's location is no URI: " + config, e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
