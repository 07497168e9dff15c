package io.strata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The records whose equals and hashCode are written by hand, because the generated ones run
 * through method handles that cost the analysis in a short run (docs/benchmarks.md, "Hash keys
 * without method handles"): each must still honour the contract of the generated ones, every
 * component compared and hashed. A new hand-written one must be listed here.
 */
class HashKeysTest {

    private static final List<String> HAND_WRITTEN = List.of(
            "io.strata.engine.graph.NodeId",
            "io.strata.engine.impact.Reason",
            "io.strata.engine.impact.NodeClosures$Key",
            "io.strata.engine.impact.ChangeAnalysis$ReachKey",
            "io.strata.engine.inventory.ParsedVarsFiles$Key",
            "io.strata.engine.ansible.ClosurePart",
            "io.strata.engine.ansible.Input",
            "io.strata.engine.ansible.TreeCache$PartKey",
            "io.strata.engine.ansible.TreeCache$RoleKey",
            "io.strata.engine.ansible.RoleEntries",
            "io.strata.engine.ansible.PathSpec",
            "io.strata.engine.ansible.PlaybookAnalyzer$PatternKey",
            "io.strata.engine.ansible.Unit",
            "io.strata.engine.jinja.VariableUse");

    /** Records that write equals for another reason: Identity compares by identity, Source compares a byte array's content. */
    private static final List<String> ON_PURPOSE = List.of("io.strata.engine.parallel.Identity", "io.strata.engine.graph.LayerGraphBuilder");

    static List<String> handWritten() {
        return HAND_WRITTEN;
    }

    @ParameterizedTest
    @MethodSource("handWritten")
    void behavesAsTheGeneratedEqualsAndHashCode(String name) throws ClassNotFoundException {
        EqualsVerifier.forClass(Class.forName(name)).suppress(Warning.NULL_FIELDS).verify();
    }

    @Test
    void everyHandWrittenEqualsOfARecordIsListed() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> unlisted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                String type = sources.relativize(file).toString().replace('/', '.').replace(".java", "");
                if (text.contains("record ") && text.contains("public boolean equals(Object")
                        && HAND_WRITTEN.stream().noneMatch(name -> name.equals(type) || name.startsWith(type + "$"))
                        && !ON_PURPOSE.contains(type)) {
                    unlisted.add(type);
                }
            }
        }
        assertEquals(List.of(), unlisted, "records that write equals by hand: list them here");
    }
}
