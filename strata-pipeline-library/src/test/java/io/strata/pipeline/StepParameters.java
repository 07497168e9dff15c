package io.strata.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters a Strata step takes, read from the plugin's own source (its
 * {@code @DataBoundConstructor} and {@code @DataBoundSetter}s, and those of the class it extends
 * in the same package), so that the step doubles reject what the real step would reject without
 * a hand-kept copy of the list.
 */
final class StepParameters {

    private static final Pattern SETTER = Pattern.compile("@DataBoundSetter\\s+public\\s+void\\s+set(\\w)(\\w*)\\s*\\(");
    private static final Pattern CONSTRUCTOR = Pattern.compile("@DataBoundConstructor\\s+public\\s+\\w+\\s*\\(([^)]*)\\)");
    private static final Pattern SUPERCLASS = Pattern.compile("class\\s+\\w+\\s+extends\\s+(\\w+)");

    private StepParameters() {
    }

    /** The parameter names of the step class {@code className} in the plugin's source folder {@code sources}. */
    static Set<String> of(Path sources, String className) {
        Set<String> names = new TreeSet<>();
        String source = read(sources.resolve(className + ".java"));
        Matcher setter = SETTER.matcher(source);
        while (setter.find()) {
            names.add(setter.group(1).toLowerCase() + setter.group(2));
        }
        Matcher constructor = CONSTRUCTOR.matcher(source);
        if (constructor.find() && !constructor.group(1).isBlank()) {
            for (String parameter : constructor.group(1).split(",")) {
                String[] words = parameter.trim().split("\\s+");
                names.add(words[words.length - 1]);
            }
        }
        Matcher superclass = SUPERCLASS.matcher(source);
        if (superclass.find() && Files.exists(sources.resolve(superclass.group(1) + ".java"))) {
            names.addAll(of(sources, superclass.group(1)));
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no step parameters found in " + className + ".java under " + sources);
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
