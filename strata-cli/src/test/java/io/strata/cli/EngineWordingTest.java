package io.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The engine's messages reach Jenkins and GitLab users too, so none names an option of the
 * {@code strata} command: each front-end words its own hints. Every string literal of the
 * engine's sources that reads as prose (it holds a blank) is checked against every option of
 * every command. The generated GitLab jobs, which write {@code strata} command lines, are exempt.
 */
class EngineWordingTest {

    private static final Path ENGINE = Path.of("../strata-engine/src/main/java/io/strata/engine");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    private static Set<String> cliOptions() {
        Set<String> options = new TreeSet<>();
        for (CommandLine command : StrataCommand.commandLine().getSubcommands().values()) {
            command.getCommandSpec().options().forEach(option -> options.addAll(List.of(option.names())));
        }
        options.removeIf(name -> !name.startsWith("--") || name.equals("--help") || name.equals("--version"));
        return options;
    }

    @Test
    void noEngineMessageNamesAnOptionOfTheCommandLine() throws IOException {
        Set<String> options = cliOptions();
        assertTrue(options.containsAll(Set.of("--repo-dir", "--config", "--start-at", "--tag", "--from", "--reuse")), options.toString());
        Pattern named = Pattern.compile("(?<![\\w-])(" + String.join("|", options.stream().map(Pattern::quote).toList()) + ")(?![\\w-])");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ENGINE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(ENGINE.resolve("gitlab"))).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("/") || line.startsWith("//")) {
                        continue;
                    }
                    Matcher literal = LITERAL.matcher(line);
                    while (literal.find()) {
                        String text = literal.group(1);
                        Matcher option = named.matcher(text);
                        if (text.contains(" ") && option.find()) {
                            found.add(ENGINE.relativize(file) + ":" + (i + 1) + ": " + option.group(1) + " in \"" + text + "\"");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
