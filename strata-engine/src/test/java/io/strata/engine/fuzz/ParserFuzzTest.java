package io.strata.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.strata.engine.config.ConfigException;
import io.strata.engine.config.Problem;
import io.strata.engine.graph.LayerGraphBuilder;
import io.strata.engine.inventory.Inventory;
import io.strata.engine.source.DirectorySourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The layers-file and inventory parsers on mangled and random input: each gives a result or a
 * clear error (a {@link ConfigException} whose problems name the file and say something; for the
 * inventory, problems it collects), never another exception. Bounded: a few hundred tries each.
 */
class ParserFuzzTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "cluster");
    /** Pieces of YAML and INI syntax, and characters parsers trip on, inserted at random places. */
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ":", ": ", "- ", "\n", "\n  ", "    ", "'", "\"",
            "!vault |", "!!binary", "&anchor ", "*anchor", "<<: *anchor", "? ", "|", ">", "#", "\t", "\u0000", "\uFFFD", "~",
            "null", "true", "1e999", "../", "a/b", "=", "[group:vars]", "[group:children]", "{{ x }}", "%", "@", "`",
            "firstlayer: True", "children: [", "image_types:", "pb: ", "groups: []", "\r\n", "---\n", "...\n", "\uD83D\uDCA5");

    private static String read(String path) {
        try {
            return Files.readString(EXAMPLE.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed text with up to six random edits: a slice removed and a token put in its place. */
    private static Arbitrary<String> mangled(String seed) {
        Arbitrary<String> edit = Combinators.combine(Arbitraries.integers().between(0, seed.length()),
                Arbitraries.integers().between(0, 40), Arbitraries.of(TOKENS)).as((at, cut, token) -> at + ":" + cut + ":" + token);
        return edit.list().ofMinSize(1).ofMaxSize(6).map(edits -> {
            StringBuilder text = new StringBuilder(seed);
            for (String e : edits) {
                String[] parts = e.split(":", 3);
                int at = Math.min(Integer.parseInt(parts[0]), text.length());
                int end = Math.min(text.length(), at + Integer.parseInt(parts[1]));
                text.replace(at, end, parts[2]);
            }
            return text.toString();
        });
    }

    @Provide
    Arbitrary<String> layersFiles() {
        return Arbitraries.oneOf(mangled(read("layers.yaml")), Arbitraries.strings().ofMaxLength(400),
                Arbitraries.strings().withChars("{}[]:-'\"\n &*!|>#").ofMaxLength(200));
    }

    @Property(tries = 400)
    void aLayersFileGivesAGraphOrProblemsNamingTheFile(@ForAll("layersFiles") String text) {
        try {
            LayerGraphBuilder.load("layers.yaml", text.getBytes(StandardCharsets.UTF_8));
        } catch (ConfigException e) {
            assertFalse(e.problems().isEmpty(), "a ConfigException without problems");
            for (Problem problem : e.problems()) {
                assertEquals("layers.yaml", problem.location().file(), problem.format());
                assertFalse(problem.message() == null || problem.message().isBlank(), problem.format());
            }
        }
    }

    @Provide
    Arbitrary<List<String>> inventories() {
        Arbitrary<String> hosts = Arbitraries.oneOf(mangled(read("cluster-inventory/hosts.yml")), Arbitraries.strings().ofMaxLength(300));
        Arbitrary<String> vars = Arbitraries.oneOf(mangled(read("cluster-inventory/group_vars/all.yml")),
                Arbitraries.strings().ofMaxLength(200));
        Arbitrary<String> ini = mangled("[Compute]\nca-c[001:004] slurm_weight=1\n\n[HSN:children]\nCompute\n\n[HSN:vars]\nmtu=9000\n");
        return Combinators.combine(hosts, vars, ini).as(List::of);
    }

    @Property(tries = 300)
    void anInventoryIsReadWithProblemsNeverAnException(@ForAll("inventories") List<String> files) throws IOException {
        Path dir = Files.createTempDirectory("strata-fuzz");
        try {
            Path inventory = Files.createDirectories(dir.resolve("inv/group_vars"));
            Files.write(dir.resolve("inv/hosts.yml"), files.get(0).getBytes(StandardCharsets.UTF_8));
            Files.write(inventory.resolve("all.yml"), files.get(1).getBytes(StandardCharsets.UTF_8));
            Files.write(dir.resolve("inv/more.ini"), files.get(2).getBytes(StandardCharsets.UTF_8));
            Inventory read = Inventory.load(DirectorySourceTree.of(dir), "inv");
            read.variablesFor(Set.of("Compute"));
            read.visibleGroups(Set.of("HSN", "Compute"));
            read.hostNames();
            for (Problem problem : read.problems()) {
                assertFalse(problem.message() == null || problem.message().isBlank(), problem.format());
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
