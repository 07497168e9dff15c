package io.strata.engine.builder.packages;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a package list becomes a root: files to write in the build's folder first (e.g. an apt
 * sources list), then commands, in order.
 *
 * @param files file to its content
 * @param steps the commands
 */
public record RootRecipe(Map<Path, String> files, List<RootStep> steps) {

    /** Keeps immutable copies. */
    public RootRecipe {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        steps = List.copyOf(steps);
    }
}
