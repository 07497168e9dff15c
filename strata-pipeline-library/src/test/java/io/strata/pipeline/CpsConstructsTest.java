package io.strata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library and the root Jenkinsfile keep off the Groovy constructs that behave differently, or
 * fail, once Jenkins CPS-transforms them (docs/jenkins.md, "What the library avoids").
 */
class CpsConstructsTest {

    /** GDK methods that take a closure and run it outside CPS, where a step called from it fails. */
    private static final Pattern CLOSURE_TO_GDK = Pattern.compile(
            "\\.(each|eachWithIndex|collect|collectEntries|findAll|find|any|every|sort|inject|groupBy|sum|count|with)\\s*[({]");

    @Test
    void noClosureIsHandedToAGdkMethodAndNoMethodIsNonCps() throws IOException {
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> vars = Files.list(Path.of(System.getProperty("strata.library")))) {
            vars.filter(file -> file.toString().endsWith(".groovy")).forEach(scripts::add);
        }
        scripts.add(Path.of(System.getProperty("strata.jenkinsfile")));
        assertFalse(scripts.size() < 2, "the library's scripts were not found: " + scripts);
        List<String> found = new ArrayList<>();
        for (Path script : scripts) {
            List<String> lines = Files.readAllLines(script);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.startsWith("//") && !line.startsWith("*") && (CLOSURE_TO_GDK.matcher(line).find() || line.contains("@NonCPS"))) {
                    found.add(script.getFileName() + ":" + (i + 1) + ": " + line);
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
